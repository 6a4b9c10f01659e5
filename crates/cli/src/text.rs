//! The CLI's words in English and Japanese. Phase names follow the article: 知る, ロス, 考える, 更新.

use clap::ValueEnum;

/// Output language.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// 日本語
    Ja,
    /// English
    En,
}

/// Every sentence the CLI prints, in one language.
pub struct Text {
    pub title: &'static str,
    pub data: &'static str,
    pub network: &'static str,
    pub forward: &'static str,
    pub loss: &'static str,
    pub backward: &'static str,
    pub update: &'static str,
    pub check: &'static str,
    pub shape: &'static str,
    pub dead: &'static str,
    pub predicted: &'static str,
    pub target: &'static str,
    pub loss_value: &'static str,
    /// The loss line's label under softmax cross-entropy.
    pub loss_softmax: &'static str,
    /// The label of p = softmax(y).
    pub probabilities: &'static str,
    /// The penalty's line, L1 and L2.
    pub penalty: [&'static str; 2],
    pub backward_done: &'static str,
    pub dw_first: &'static str,
    pub dw_hint: &'static str,
    pub updated: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub better: &'static str,
    pub worse: &'static str,
    pub step: &'static str,
    pub final_predictions: &'static str,
    pub test_loss: &'static str,
    pub accuracy: &'static str,
    /// The accuracy line's label under softmax cross-entropy.
    pub accuracy_argmax: &'static str,
    pub more_rows: &'static str,
    pub transposed: &'static str,
}

pub const EN: Text = Text {
    title: "backstep: one training cycle",
    data: "data",
    network: "network",
    forward: "forward",
    loss: "loss",
    backward: "backward",
    update: "update",
    check: "check",
    shape: "output shape",
    dead: "dead units (≤ 0 for every sample)",
    predicted: "prediction",
    target: "target",
    loss_value: "loss 0.5·Σ(y−t)²",
    loss_softmax: "loss −Σ t·log p (with the penalty, if any)",
    probabilities: "p = softmax(y)",
    penalty: [
        "of which the penalty r·Σ|W|",
        "of which the penalty ½·r·ΣW²",
    ],
    backward_done: "gradients flowed from the loss back to the first layer",
    dw_first: "dW of the first layer (layers[0])",
    dw_hint: "moving W against these values lowers the loss",
    updated: "parameters updated",
    before: "loss before the update",
    after: "loss after the update",
    better: "lower: this step helped",
    worse: "higher: the step overshot (is the learning rate too large?)",
    step: "step",
    final_predictions: "final predictions",
    test_loss: "loss on the held-out test set",
    accuracy: "accuracy (y ≥ 0.5 counts as 1)",
    accuracy_argmax: "accuracy (the largest output is the class)",
    more_rows: "more rows",
    transposed: "transposed",
};

pub const JA: Text = Text {
    title: "backstep: 学習サイクル 1 回分",
    data: "データ",
    network: "ネットワーク",
    forward: "順伝播",
    loss: "損失",
    backward: "逆伝播",
    update: "パラメータ更新",
    check: "確認",
    shape: "出力の形",
    dead: "常に 0 以下のユニット (死んだ ReLU)",
    predicted: "予測",
    target: "正解",
    loss_value: "損失 0.5·Σ(y−t)²",
    loss_softmax: "損失 −Σ t·log p (罰則があればそれも含む)",
    probabilities: "p = softmax(y)",
    penalty: ["うち罰則 r·Σ|W|", "うち罰則 ½·r·ΣW²"],
    backward_done: "損失から最初の層まで勾配が伝わりました",
    dw_first: "最初の層 (layers[0]) の dW",
    dw_hint: "W をこの値と逆向きに動かすと損失が下がります",
    updated: "パラメータを更新しました",
    before: "更新前の損失",
    after: "更新後の損失",
    better: "下がりました: この 1 ステップは効果あり",
    worse: "上がりました: 歩幅が大きすぎるかもしれません (学習率を確認)",
    step: "ステップ",
    final_predictions: "最終的な予測",
    test_loss: "テスト用データの損失",
    accuracy: "正解率 (y ≥ 0.5 を 1 とみなす)",
    accuracy_argmax: "正解率 (最大の出力をそのクラスとみなす)",
    more_rows: "行 省略",
    transposed: "転置",
};

impl Lang {
    /// The sentences of this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::Ja => &JA,
            Lang::En => &EN,
        }
    }
}
