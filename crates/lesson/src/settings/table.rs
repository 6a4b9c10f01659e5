//! The one table of settings: each setting's key (in the settings format, the page's URL and,
//! `_` as `-`, the CLI's option), its kind, its range, and its help in English and Japanese. The
//! settings reader takes its keys from here, the CLI its options' help (`--help` in both
//! languages), the wasm hands it to the page (the URL's keys and how each reads, the form's
//! ranges). Defaults are not typed here: `{default}` in a help text is the data set's default
//! from [`crate::preset`] (the one home of every default), filled in by whoever shows the text;
//! `{min}` and `{max}` are the row's range.

use crate::limits::{MAX_SAMPLES, MAX_SKIP, MAX_WIDTH};
use backstep_nn::data::MAX_CLASSES;
use backstep_nn::message::Lang;
use serde::Serialize;

/// How a setting's value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One of the names [`super::choices`] gives for the key.
    Name,
    /// Hidden widths: whole numbers, comma-separated on the command line and in a URL.
    Widths,
    /// Any number (the core checks its range when it builds the spec).
    Number,
    /// A whole number from 0 to 2^53 − 1 (a JS number holds it exactly).
    Whole,
    /// Names from [`super::choices`], comma-separated on the command line and in a URL.
    Names,
}

/// One setting.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Setting {
    /// The key: `lr`, `batch_size`, ….
    pub key: &'static str,
    /// The CLI's long option, without `--`.
    pub flag: &'static str,
    /// How it is written.
    pub kind: Kind,
    /// Its smallest value (or width, for `hidden`), where the core has one.
    pub min: Option<u64>,
    /// Its largest value (or width, for `hidden`), where the core has one.
    pub max: Option<u64>,
    /// Help in English.
    #[serde(skip)]
    pub en: &'static str,
    /// Help in Japanese.
    #[serde(skip)]
    pub ja: &'static str,
}

const fn row(key: &'static str, kind: Kind, en: &'static str, ja: &'static str) -> Setting {
    Setting {
        key,
        flag: key,
        kind,
        min: None,
        max: None,
        en,
        ja,
    }
}

const fn ranged(s: Setting, min: u64, max: u64) -> Setting {
    Setting {
        min: Some(min),
        max: Some(max),
        ..s
    }
}

use Kind::{Name, Names, Number, Whole, Widths};

/// Every setting, in the settings format's order.
pub const TABLE: [Setting; 22] = [
    row(
        "dataset",
        Name,
        "Training data [default: {default}]",
        "学習データ [既定: {default}]",
    ),
    ranged(
        row(
            "hidden",
            Widths,
            "Hidden layer widths, comma-separated ({min} to {max} each); 0 hidden layers with --hidden ''",
            "隠れ層の幅をカンマ区切りで (各 {min}〜{max})。--hidden '' で隠れ層なし",
        ),
        1,
        MAX_WIDTH as u64,
    ),
    row(
        "activation",
        Name,
        "Activation after each hidden layer",
        "各隠れ層の後の活性化関数",
    ),
    Setting {
        flag: "output-activation",
        ..row(
            "output",
            Name,
            "Activation after the output layer [default: none]",
            "出力層の後の活性化関数 [既定: なし]",
        )
    },
    row("optimizer", Name, "Optimizer", "最適化手法"),
    row("lr", Number, "Learning rate", "学習率"),
    row(
        "momentum",
        Number,
        "Momentum coefficient (momentum optimizer) [default: {default}]",
        "モーメンタム係数 [既定: {default}]",
    ),
    row(
        "beta1",
        Number,
        "Adam's β1 [default: {default}]",
        "Adam の β1 [既定: {default}]",
    ),
    row(
        "beta2",
        Number,
        "Adam's β2 [default: {default}]",
        "Adam の β2 [既定: {default}]",
    ),
    row(
        "eps",
        Number,
        "Adam's ε [default: {default}]",
        "Adam の ε [既定: {default}]",
    ),
    row("init", Name, "Weight initialisation", "重みの初期化"),
    row(
        "seed",
        Whole,
        "Seed of the weights (torch.manual_seed), the generated data and the shuffle [default: {default}]",
        "重み (torch.manual_seed)、生成データ、シャッフルのシード [既定: {default}]",
    ),
    ranged(
        row(
            "skip",
            Whole,
            "Normals discarded before drawing weights ({min} to {max}) [default: 72 for xor at any seed, the draws of the article's data cell; else 0]",
            "重みを引く前に捨てる正規乱数の数 [既定: xor では 72 (記事のデータのセルの分)、ほかは 0]",
        ),
        0,
        MAX_SKIP as u64,
    ),
    Setting {
        flag: "batch-size",
        ..row(
            "batch_size",
            Whole,
            "Samples per step; 0 means the full batch",
            "1 ステップのサンプル数。0 はデータ全体",
        )
    },
    ranged(
        row(
            "points",
            Whole,
            "Points of a generated 2-D set ({min} to {max}) [default: {default}]",
            "生成する 2 次元データの点の数 ({min}〜{max}) [既定: {default}]",
        ),
        1,
        MAX_SAMPLES as u64,
    ),
    row(
        "noise",
        Number,
        "Noise of a generated 2-D set, 0 to 1 [default: {default}]",
        "生成する 2 次元データのノイズ (0〜1) [既定: {default}]",
    ),
    Setting {
        flag: "test-fraction",
        ..row(
            "test_fraction",
            Number,
            "Fraction of a generated 2-D set held out for testing, 0 to 0.9 [default: {default}]",
            "生成する 2 次元データのうちテスト用に取り分ける割合 (0〜0.9) [既定: {default}]",
        )
    },
    ranged(
        row(
            "classes",
            Whole,
            "Classes of spiral or gaussians, {min} to {max} (one output per class, one-hot targets, above 2 or under softmax) [default: {default}]",
            "spiral と gaussians のクラス数 ({min}〜{max})。3 以上か softmax ではクラスごとに出力が 1 つ (目標は one-hot) [既定: {default}]",
        ),
        2,
        MAX_CLASSES as u64,
    ),
    row(
        "loss",
        Name,
        "Loss [default: softmax_cross_entropy for more than 2 classes, else mse]",
        "損失関数 [既定: クラスが 3 以上なら softmax_cross_entropy、ほかは mse]",
    ),
    row(
        "regularization",
        Name,
        "A penalty on every W, added to the loss and to dW [default: none]",
        "すべての W にかける罰則。損失と dW に加わる [既定: なし]",
    ),
    Setting {
        flag: "regularization-rate",
        ..row(
            "regularization_rate",
            Number,
            "The regularization's rate r (finite, ≥ 0) [default: {default}]",
            "正則化の率 r (有限で 0 以上) [既定: {default}]",
        )
    },
    row(
        "features",
        Names,
        "The input features of each 2-D point, comma-separated, in order [default: x1,x2]",
        "2 次元の点ごとの入力特徴量をカンマ区切りで、この順に [既定: x1,x2]",
    ),
];

/// Every setting's key, in order.
pub const KEYS: [&str; 22] = {
    let mut keys = [""; 22];
    let mut i = 0;
    while i < TABLE.len() {
        keys[i] = TABLE[i].key;
        i += 1;
    }
    keys
};

/// The setting `key`, if there is one.
pub fn setting(key: &str) -> Option<&'static Setting> {
    TABLE.iter().find(|s| s.key == key)
}

impl Setting {
    /// The help in `lang`, with `{min}` and `{max}` filled in and `{default}` by `default`.
    pub fn help(&self, lang: Lang, default: &str) -> String {
        let text = match lang {
            Lang::En => self.en,
            Lang::Ja => self.ja,
        };
        let or = |v: Option<u64>| v.map_or(String::new(), |v| v.to_string());
        text.replace("{min}", &or(self.min))
            .replace("{max}", &or(self.max))
            .replace("{default}", default)
    }
}
