//! The one reader and the serde writers agree: whatever the library writes (a spec, settings)
//! reads back to the same value, so a field named in a serde attribute and in `read.rs` cannot
//! drift apart. And every default comes from `Preset`: the same settings give the same spec.

use backstep_lesson::settings::choices;
use backstep_lesson::settings::table::TABLE;
use backstep_lesson::{DataChoice, Preset, Settings, Spec, spec::read};

fn every_preset() -> Vec<Preset> {
    let mut all = Vec::new();
    for data in DataChoice::all() {
        for seed in [7, 42] {
            for optimizer in choices("optimizer") {
                let settings = Settings {
                    dataset: Some(data.name().into()),
                    seed: Some(seed),
                    optimizer: Some(optimizer.into()),
                    output: Some("sigmoid".into()),
                    ..Settings::default()
                };
                all.push(settings.preset().unwrap());
            }
        }
    }
    // More classes, softmax cross-entropy and the penalties.
    let more = |dataset: &str, classes, loss: Option<&str>, reg: Option<(&str, f64)>| Settings {
        dataset: Some(dataset.into()),
        classes: Some(classes),
        loss: loss.map(Into::into),
        regularization: reg.map(|r| r.0.into()),
        regularization_rate: reg.map(|r| r.1),
        ..Settings::default()
    };
    for s in [
        more("spiral", 4, None, None),
        more(
            "gaussians",
            2,
            Some("softmax_cross_entropy"),
            Some(("l2", 0.01)),
        ),
        more("gaussians", 5, Some("mse"), Some(("l1", 0.5))),
        more("xor", 2, None, Some(("l1", 0.0))),
    ] {
        all.push(s.preset().unwrap());
    }
    all
}

/// The settings table is the one list of settings: the reader takes its keys, in order; every
/// setting `Settings` writes is in it; the page's URL holds no list of its own but reads the
/// table through the wasm (`settings_table`), and the page's form no check of its own.
#[test]
fn the_url_reads_every_setting() {
    let keys: Vec<&str> = TABLE.iter().map(|s| s.key).collect();
    assert_eq!(keys, read::SETTINGS_KEYS);
    let adam = Settings {
        optimizer: Some("adam".into()),
        regularization: Some("l2".into()),
        ..Settings::default()
    };
    let written = serde_json::to_value(adam.preset().unwrap().settings()).unwrap();
    for key in written.as_object().unwrap().keys() {
        assert!(keys.contains(&key.as_str()), "{key}");
    }
    let url = include_str!("../../../web/share/hash.js");
    assert!(url.contains("settings_table()"), "hash.js reads the table");
    let form = include_str!("../../../web/stage/settings-form.js");
    for key in TABLE.iter().map(|s| s.key).filter(|k| k.len() > 3) {
        assert!(!url.contains(&format!("{key}: '")), "hash.js lists `{key}`");
        assert!(
            !form.contains(&format!("{key}) <")),
            "the form checks `{key}`"
        );
    }
    assert!(
        !url.contains("1_000_000"),
        "hash.js retypes the limit on steps"
    );
}

#[test]
fn a_written_spec_reads_back_the_same() {
    for p in every_preset() {
        let spec = p.spec(3).unwrap();
        let value = serde_json::to_value(&spec).unwrap();
        assert_eq!(read::spec(&value).unwrap(), spec, "{p:?}");
        assert_eq!(Spec::parse(&spec.to_json()).unwrap(), spec);
    }
}

#[test]
fn written_settings_read_back_to_the_same_preset() {
    for p in every_preset() {
        let value = serde_json::to_value(p.settings()).unwrap();
        let back = read::settings(&value).unwrap();
        assert_eq!(back, p.settings());
        assert_eq!(back.preset().unwrap(), p);
    }
}

#[test]
fn defaults_live_in_the_preset() {
    // The article's draws are skipped for XOR at every seed (the CLI and the page agree).
    for seed in [0, 7, 42] {
        let s = Settings {
            seed: Some(seed),
            ..Settings::default()
        };
        assert_eq!(s.preset().unwrap().skip, 72);
    }
    let circle = Settings {
        dataset: Some("circle".into()),
        ..Settings::default()
    };
    let p = circle.preset().unwrap();
    assert_eq!(p, Preset::for_data(DataChoice::parse("circle").unwrap()));
    assert_eq!(
        (p.hidden.as_slice(), p.batch_size, p.skip),
        (&[8, 8][..], 10, 0)
    );
    assert_eq!(Settings::default().preset().unwrap(), Preset::article());
    // Adam's hyper-parameters, when not given, are PyTorch's.
    let adam = Settings {
        optimizer: Some("adam".into()),
        ..Settings::default()
    };
    let spec = adam.preset().unwrap().spec(1).unwrap();
    let value = serde_json::to_value(spec.optimizer).unwrap();
    assert_eq!(value["beta2"], 0.999);
    assert_eq!(value["eps"], 1e-8);
}

#[test]
fn unknown_names_and_fields_are_refused_naming_them() {
    let bad = serde_json::json!({"dataset": "mnist"});
    let e = read::settings(&bad)
        .unwrap()
        .preset()
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("dataset: unknown value `mnist`; one of xor,"),
        "{e}"
    );
    let e = read::settings(&serde_json::json!({"colour": 1})).unwrap_err();
    assert!(e.to_string().starts_with("unknown field `colour`"), "{e}");
    let e = read::settings(&serde_json::json!({"hidden": [4, -1]})).unwrap_err();
    assert_eq!(e.to_string(), "hidden[1]: expected a whole number ≥ 0");
    // Trailing data after the document is refused.
    assert!(
        Spec::parse(&format!(
            "{} {{",
            Preset::article().spec(1).unwrap().to_json()
        ))
        .is_err()
    );
}

#[test]
fn a_huge_array_is_refused_before_it_is_walked() {
    // A million rows (each a whole row, to be walked if the reader did not measure first).
    let rows = serde_json::Value::Array(vec![serde_json::json!([0, 0]); 1_000_000]);
    let mut doc = serde_json::to_value(Preset::article().spec(1).unwrap()).unwrap();
    doc["x"] = rows;
    let e = read::spec(&doc).unwrap_err().to_string();
    assert_eq!(e, "x: has 1000000 rows; at most 10000 are allowed");
    let many = serde_json::Value::Array(vec![serde_json::json!({"type": "relu"}); 3_000_000]);
    doc["layers"] = many;
    doc["x"] = serde_json::json!([[0, 0]]);
    let e = read::spec(&doc).unwrap_err().to_string();
    assert_eq!(e, "layers: has 3000000 entries; at most 32 are allowed");
}
