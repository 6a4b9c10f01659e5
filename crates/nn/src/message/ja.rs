//! Every [`Msg`] in Japanese: the page's text in Japanese. Fields, names and quoted user text
//! stay as they are.

use super::code::Msg;

/// A kind of JSON value (as `Kind::describe` names it), in Japanese.
fn kind(k: &str) -> &str {
    match k {
        "a number" => "数値",
        "a string" => "文字列",
        "an array" => "配列",
        "an object" => "オブジェクト",
        "a boolean" => "真偽値",
        "nothing" => "値なし",
        "a bigint" => "BigInt",
        "a symbol" => "シンボル",
        "a function" => "関数",
        other => other,
    }
}

/// What a list holds (`rows`, `values`, `entries`), in Japanese.
fn unit(what: &str) -> &'static str {
    match what {
        "rows" => "行",
        _ => "個",
    }
}

/// `m` in Japanese.
pub fn say(m: &Msg) -> String {
    match m {
        Msg::Expected { want, got } => format!("{}のはずが、{}です", kind(want), kind(got)),
        Msg::UnknownField { key, allowed } => format!("不明な項目 `{key}` (使える項目: {allowed})"),
        Msg::MissingField { key } => format!("項目 `{key}` がありません"),
        Msg::WholeNumber => "0 以上の整数のはずです".into(),
        Msg::Below32 => "2^32 未満の整数のはずです".into(),
        Msg::TooMany { n, what, max } => {
            let u = unit(what);
            format!("{n} {u}あります (最大 {max} {u})")
        }
        Msg::UnknownType { got, allowed } => format!("不明な種類 `{got}` (使える種類: {allowed})"),
        Msg::Json { detail } => format!("JSON として読めません ({detail})"),
        Msg::TextAfter { detail } => {
            format!(
                "spec の終わりの後に文字があります ({detail})。1 つのファイルには spec 1 つです"
            )
        }
        Msg::UnknownValue { value, allowed } => format!("不明な値 `{value}` (使える値: {allowed})"),
        Msg::Classes { max } => {
            format!("spiral と gaussians では 2〜{max}、ほかのデータでは 2 のはずです")
        }
        Msg::NeedsClasses => "softmax_cross_entropy にはクラスのデータが必要です".into(),
        Msg::HiddenLayers { max } => format!("隠れ層が多すぎます (最大 {max})"),
        Msg::Width { w, max } => format!("幅 {w} があります。各幅は 1〜{max} のはずです"),
        Msg::RangeGot { min, max, got } => format!("{min}〜{max} のはずが、{got} です"),
        Msg::Between { min, max } => format!("{min}〜{max} のはずです"),
        Msg::RowsBut { n, other, m } => format!("{n} 行ですが、{other} は {m} 行です"),
        Msg::ValuesBut { n, other, m } => format!("値が {n} 個ですが、{other} は {m} 個です"),
        Msg::TestWidths => "x_test と t_test の幅は x と t と同じはずです".into(),
        Msg::TestRows => "x_test と同じ行数のはずです".into(),
        Msg::CountRange { n, what, max } => {
            let u = unit(what);
            format!("{n} {u}あります (1〜{max} {u})")
        }
        Msg::WShape { r, c, width } => format!("W は {r}×{c} ですが、入力の幅は {width} です"),
        Msg::BiasLen { n, cols } => format!("b は値が {n} 個ですが、W は {cols} 列です"),
        Msg::OutputWidth { width, t } => {
            format!("ネットワークの出力の幅は {width} ですが、t の幅は {t} です")
        }
        Msg::AtLeastOne => "1 以上のはずです".into(),
        Msg::UnknownLoss { got, allowed } => format!("不明な損失 `{got}` (使える損失: {allowed})"),
        Msg::SoftmaxWidth { width } => format!(
            "softmax_cross_entropy には 2 クラス以上の one-hot の行が必要です (t の幅は {width})"
        ),
        Msg::NotOneHot => {
            "softmax_cross_entropy に必要な one-hot (1 が 1 つ、残りは 0) ではありません".into()
        }
        Msg::FiniteNonNegative => "0 以上の有限の数のはずです".into(),
        Msg::Positive => "正の数のはずです".into(),
        Msg::UnitInterval => "0 以上 1 未満のはずです".into(),
        Msg::F32Range => "32 ビット浮動小数点数の範囲外です".into(),
        Msg::Empty => "空です (1 行以上必要です)".into(),
        Msg::TraceSize { n, max } => format!(
            "この記録は最大 {n} 個の数になり、上限 {max} を超えます。ステップを減らすか、batch_size かネットワークを小さくしてください"
        ),
        Msg::ExpectedShape { r, c, got_r, got_c } => {
            format!("{r}×{c} のはずが、{got_r}×{got_c} です")
        }
        Msg::ExpectedValues { want, got } => format!("値が {want} 個のはずが、{got} 個です"),
        Msg::ExpectedWhole { want, got } => format!("{want} のはずが、{got} です"),
        Msg::AffineCount { want, got } => format!("affine 層が {want} 個のはずが、{got} 個です"),
        Msg::NotFinite => "有限の数ではありません".into(),
        Msg::MaxSafe => "2^53 − 1 以下のはずです".into(),
        Msg::AtMost { max } => format!("{max} 以下のはずです"),
        Msg::NegativeMean => "0 以上のはずです (勾配の 2 乗の平均)".into(),
        Msg::Indices { want, got } => format!("添字が {want} 個のはずが、{got} 個です"),
        Msg::BadIndex { i, n } => {
            format!("{i} は重複しているか、{n} 未満のサンプルの添字ではありません")
        }
        Msg::FullBatch { k } => format!("{k} のはずです (データ全体のバッチ)"),
        Msg::BatchStart { position, size, n } => {
            format!("{position} はバッチの始まりではありません ({n} 点を {size} 点ずつ)")
        }
        Msg::EventOrder { step, saved } => {
            format!("{step} は順序が違うか、保存されたステップ {saved} より後です")
        }
        Msg::History { want, got } => {
            format!("値が {want} 個 (1 ステップに 1 つ) のはずが、{got} 個です")
        }
        Msg::TimelineStart => "タイムラインはステップ 0 のセッションから始まります".into(),
        Msg::RunLimit { max } => format!("1 つの実行は {max} ステップまでです"),
        Msg::NotAffine { layer, kind } => {
            format!("layers[{layer}] は {kind} で、affine ではありません")
        }
        Msg::LayerRange { layer, n } => format!("{layer} は範囲外です (ネットワークは {n} 層)"),
        Msg::IndexRange {
            i,
            layer,
            rows,
            cols,
        } => {
            format!("{i} は範囲外です (layers[{layer}] の W は {rows}×{cols})")
        }
        Msg::Finite => "有限の数のはずです".into(),
        Msg::LastSample => "学習データには 1 点以上必要です".into(),
        Msg::TruthTable => "入力は 0 か 1 (真理値表) のはずです".into(),
        Msg::CsvLine { line } => format!("{line} 行目: 数値 3 つ (x1, x2, ラベル) のはずです"),
        Msg::CsvEmpty => "x1, x2, ラベルの行がありません".into(),
        Msg::Plane { inputs, outputs } => {
            format!("入力 2 つ・出力 1 つが必要です (この実行は入力 {inputs}、出力 {outputs})")
        }
        Msg::OneOutput { n } => format!("出力は 1 つのはずが、{n} つです"),
        Msg::ClassRange { last } => format!("0 から {last} までのクラスのはずです"),
        Msg::SampleRange { len } => format!("範囲外です (学習データは {len} 点)"),
        Msg::NoLayer { layer, n } => format!("層 {layer} はありません ({n} 層です)"),
        Msg::LayerNotAffine { layer } => format!("層 {layer} は affine ではありません"),
        Msg::NoUnit { unit, n } => format!("ユニット {unit} はありません (この層は {n} 個)"),
        Msg::NotReached { layer } => {
            format!("このステップの順伝播はまだ層 {layer} に届いていません")
        }
        Msg::NoSample { sample, rows } => {
            format!("サンプル {sample} はありません (バッチは {rows} 個)")
        }
        Msg::FeaturesNeedPlane => {
            "平面上の点 (x1, x2) のデータと、1 つ以上の特徴量が必要です".into()
        }
        Msg::NoFeature { allowed } => format!("特徴量を 1 つ以上選んでください ({allowed})"),
        Msg::UnknownFeature { name, allowed } => {
            format!("不明な特徴量 `{name}` (使える特徴量: {allowed})")
        }
        Msg::FeatureTwice { name } => format!("`{name}` が 2 回あります"),
        Msg::FeaturesNeedTwoInputs { width } => {
            format!("入力が 2 つ (x1, x2) の点が必要です (x の幅は {width})")
        }
    }
}
