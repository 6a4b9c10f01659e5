//! The model options are the library's settings table: one option per setting (its `flag`),
//! no other, with the table's help in each language and the presets' defaults in it.

mod common;

use backstep_lesson::settings::table::TABLE;
use backstep_nn::message::Lang;
use common::backstep;

fn help(args: &[&str]) -> String {
    let o = backstep(args, None);
    assert!(o.status.success(), "{args:?}: {o:?}");
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn every_setting_is_an_option_with_the_tables_help() {
    let en = help(&["spec", "--help"]);
    let ja = help(&["spec", "--help", "--lang", "ja"]);
    let flags: Vec<&str> = en
        .lines()
        .filter_map(|l| l.trim().strip_prefix("--"))
        .map(|l| l.split([' ', '[']).next().unwrap_or_default())
        .filter(|f| !["steps", "help"].contains(f))
        .collect();
    let table: Vec<&str> = TABLE.iter().map(|s| s.flag).collect();
    assert_eq!(flags, table);
    for s in TABLE {
        let first = |lang| {
            s.help(lang, "")
                .split(" [")
                .next()
                .unwrap_or_default()
                .to_string()
        };
        assert!(en.contains(&first(Lang::En)), "{}: {en}", s.key);
        assert!(ja.contains(&first(Lang::Ja)), "{}: {ja}", s.key);
    }
    // Defaults come from the presets, not from the table's text.
    assert!(en.contains("Adam's ε [default: 1e-8]"), "{en}");
    assert!(ja.contains("Adam の ε [既定: 1e-8]"), "{ja}");
    assert!(
        en.contains("(1 to 256 each)") && en.contains("[default: 42]"),
        "{en}"
    );
}
