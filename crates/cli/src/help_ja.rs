//! `--help` in Japanese (`--lang ja`): the same command tree with Japanese descriptions and
//! headings. The limits are written from `backstep_lesson::limits`, so this text needs no copy.

use crate::opts::setting_help;
use backstep_lesson::limits::{
    MAX_LAYERS, MAX_SAMPLES, MAX_TRACE_STEPS, MAX_TRAIN_STEPS, MAX_WIDTH,
};
use backstep_lesson::settings::table::TABLE;
use backstep_nn::message::Lang;
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;

/// Which language `--help` should speak: the value of `--lang` (`--lang ja`, `--lang=ja`) when
/// the command line asks for help, with that option taken out (the top level has no `--lang`).
/// `None` leaves the command line as it is.
pub fn help_language(args: &[OsString]) -> Option<(String, Vec<OsString>)> {
    let asks_help = args.iter().skip(1).any(|a| a == "--help" || a == "-h");
    if !asks_help {
        return None;
    }
    let mut rest = Vec::with_capacity(args.len());
    let mut lang = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--lang" {
            lang = it.next().map(|v| v.to_string_lossy().into_owned());
        } else if let Some(v) = s.strip_prefix("--lang=") {
            lang = Some(v.to_string());
        } else {
            rest.push(a.clone());
        }
    }
    lang.map(|l| (l, rest))
}

/// The subcommands' descriptions, by name.
const COMMANDS: &[(&str, &str)] = &[
    (
        "step",
        "学習サイクルを実行し、各フェーズ (知る → ロス → 考える → 更新) を表示します (既定は記事の最初のサイクル)。",
    ),
    (
        "train",
        "指定したステップ数だけ学習し、損失の記録と最後の予測を表示します。",
    ),
    (
        "trace",
        "spec (JSON ファイル、または - で標準入力) を読み、その全記録を JSON で標準出力に書きます。",
    ),
    (
        "spec",
        "モデルのオプションが表す spec (JSON、初期の重みつき) を書きます。",
    ),
    (
        "bench",
        "ベンチマーク (w1 など) の時間を測り、1 ステップあたりのマイクロ秒を JSON で表示します。",
    ),
];

/// The descriptions of the options that are not settings, by id (the settings' come from the
/// library's settings table).
const OPTIONS: &[(&str, &str)] = &[
    ("lang", "出力の言語"),
    (
        "every",
        "このステップ数ごとに損失を表示 [既定: 全体で約 20 行]",
    ),
    ("spec", "spec のパス。- なら標準入力"),
    ("workload", "どのベンチマークか"),
    ("repeat", "計測の回数。中央値を報告します"),
];

/// The settings table's key for the clap id `id` (the option's name with `_`), if it is one.
fn setting_key(id: &str) -> Option<&'static str> {
    TABLE
        .iter()
        .find(|s| s.flag.replace('-', "_") == id)
        .map(|s| s.key)
}

/// The template every command's help follows (the headings are set on the arguments).
const TEMPLATE: &str = "{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}";

/// The limits, from `backstep_lesson::limits`.
fn limits() -> String {
    format!(
        "上限: サンプル {MAX_SAMPLES} 個、各層 {MAX_WIDTH} ユニット、{MAX_LAYERS} 層、記録は {MAX_TRACE_STEPS} ステップ、学習は {MAX_TRAIN_STEPS} ステップまで。"
    )
}

/// `cmd` with Japanese descriptions, headings and help flags, at every level.
pub fn japanese(cmd: Command) -> Command {
    let top = cmd
        .about(format!(
            "backstep: 逆伝播をステップ実行で。\n\n{}",
            limits()
        ))
        .long_about(None)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("バージョンを表示")
                .help_heading("オプション"),
        );
    let top = COMMANDS.iter().fold(top, |c, (name, about)| {
        c.mut_subcommand(*name, |s| localise(s.about(*about).long_about(None), name))
    });
    localise(top, "").subcommand_help_heading("コマンド")
}

/// `--steps` means something else in each command.
fn steps_text(command: &str) -> Option<String> {
    Some(match command {
        "step" => "表示するサイクル数 (1〜1000)".into(),
        "train" => format!("学習するステップ数 (1〜{MAX_TRAIN_STEPS})"),
        "spec" => "この spec の記録 (trace) に入るステップ数".into(),
        "bench" => "1 回の計測で進めるステップ数".into(),
        _ => return None,
    })
}

/// One command's (`command`, '' for the top) option texts, headings and help flag in
/// Japanese.
fn localise(cmd: Command, command: &str) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("このヘルプを表示")
                .help_heading("オプション"),
        );
    for id in ids.into_iter().filter(|id| id != "help" && id != "version") {
        let text = match id.as_str() {
            "steps" => steps_text(command),
            id if setting_key(id).is_some() => setting_key(id).map(|k| setting_help(k, Lang::Ja)),
            _ => OPTIONS
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, t)| t.to_string()),
        };
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let heading = if a.is_positional() {
                "引数"
            } else {
                "オプション"
            };
            // clap's own "[possible values: …]" and "[default: …]" are English: written here.
            let mut text = text
                .clone()
                .unwrap_or_else(|| a.get_help().map(ToString::to_string).unwrap_or_default());
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() {
                text.push_str(&format!(" [値: {}]", values.join(", ")));
            }
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() {
                text.push_str(&format!(" [既定: {}]", defaults.join(", ")));
            }
            let a = a.help_heading(heading).help(text).long_help(None);
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    }
    cmd
}
