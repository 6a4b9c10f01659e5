//! Every [`Msg`] in English: the CLI's text, and the page's in English.

use super::code::Msg;

/// "1 value", "4 values".
fn values(n: usize) -> String {
    if n == 1 {
        "1 value".into()
    } else {
        format!("{n} values")
    }
}

/// `m` in English.
pub fn say(m: &Msg) -> String {
    match m {
        Msg::Expected { want, got } => format!("expected {want}, got {got}"),
        Msg::UnknownField { key, allowed } => {
            format!("unknown field `{key}`, expected one of {allowed}")
        }
        Msg::MissingField { key } => format!("missing field `{key}`"),
        Msg::WholeNumber => "expected a whole number ≥ 0".into(),
        Msg::Below32 => "expected a whole number below 2^32".into(),
        Msg::TooMany { n, what, max } => format!("has {n} {what}; at most {max} are allowed"),
        Msg::UnknownType { got, allowed } => {
            format!("unknown type `{got}`, expected one of {allowed}")
        }
        Msg::Json { detail } => detail.clone(),
        Msg::TextAfter { detail } => {
            format!("text after the end of the spec ({detail}); a file holds one spec")
        }
        Msg::UnknownValue { value, allowed } => {
            format!("unknown value `{value}`; one of {allowed}")
        }
        Msg::Classes { max } => {
            format!("must be from 2 to {max} for spiral and gaussians, 2 for the other data sets")
        }
        Msg::NeedsClasses => "softmax_cross_entropy needs a data set of classes".into(),
        Msg::HiddenLayers { max } => format!("too many hidden layers (at most {max})"),
        Msg::Width { w, max } => format!("a width of {w}; each must be from 1 to {max}"),
        Msg::RangeGot { min, max, got } => format!("must be from {min} to {max}, got {got}"),
        Msg::Between { min, max } => format!("must be from {min} to {max}"),
        Msg::RowsBut { n, other, m } => format!("has {n} rows but {other} has {m}"),
        Msg::ValuesBut { n, other, m } => format!("has {n} values but {other} has {m}"),
        Msg::TestWidths => "x_test and t_test must have the widths of x and t".into(),
        Msg::TestRows => "must have as many rows as x_test".into(),
        Msg::CountRange { n, what, max } => format!("has {n} {what}; 1 to {max} are allowed"),
        Msg::WShape { r, c, width } => format!("W is {r}×{c} but its input has width {width}"),
        Msg::BiasLen { n, cols } => format!("b has {n} values but W has {cols} columns"),
        Msg::OutputWidth { width, t } => {
            format!("the network's output has width {width} but t has width {t}")
        }
        Msg::AtLeastOne => "must be at least 1".into(),
        Msg::UnknownLoss { got, allowed } => {
            format!("unknown loss `{got}`, expected one of {allowed}")
        }
        Msg::SoftmaxWidth { width } => format!(
            "softmax_cross_entropy needs one-hot rows of at least 2 classes; t has width {width}"
        ),
        Msg::NotOneHot => {
            "is not one-hot (one 1, the rest 0), as softmax_cross_entropy needs".into()
        }
        Msg::FiniteNonNegative => "must be a finite number ≥ 0".into(),
        Msg::Positive => "must be a positive number".into(),
        Msg::UnitInterval => "must be in [0, 1)".into(),
        Msg::F32Range => "is outside the range of a 32-bit float".into(),
        Msg::Empty => "is empty; at least one row is needed".into(),
        Msg::TraceSize { n, max } => format!(
            "this trace would hold up to {n} numbers, more than the limit of {max}; record fewer steps, or use a smaller batch_size or network"
        ),
        Msg::ExpectedShape { r, c, got_r, got_c } => {
            format!("expected {r}×{c}, got {got_r}×{got_c}")
        }
        Msg::ExpectedValues { want, got } => format!("expected {}, got {got}", values(*want)),
        Msg::ExpectedWhole { want, got } => format!("expected {want}, got {got}"),
        Msg::AffineCount { want, got } => format!("expected {want} affine layers, got {got}"),
        Msg::NotFinite => "is not finite".into(),
        Msg::MaxSafe => "must be at most 2^53 − 1".into(),
        Msg::AtMost { max } => format!("must be at most {max}"),
        Msg::NegativeMean => "must be at least 0 (a mean of squared gradients)".into(),
        Msg::Indices { want, got } => format!("expected {want} indices, got {got}"),
        Msg::BadIndex { i, n } => format!("{i} repeats or is not a sample index below {n}"),
        Msg::FullBatch { k } => format!("expected {k} (full batch)"),
        Msg::BatchStart { position, size, n } => {
            format!("{position} is not a batch start (batches of {size} in {n} samples)")
        }
        Msg::EventOrder { step, saved } => {
            format!("{step} is out of order or after the saved step {saved}")
        }
        Msg::History { want, got } => {
            format!("expected {want} values (one per step), got {got}")
        }
        Msg::TimelineStart => "a timeline starts from a session at step 0".into(),
        Msg::RunLimit { max } => format!("a run can go at most {max} steps"),
        Msg::NotAffine { layer, kind } => format!("layers[{layer}] is {kind}, not affine"),
        Msg::LayerRange { layer, n } => {
            format!("{layer} is out of range (the network has {n} layers)")
        }
        Msg::IndexRange {
            i,
            layer,
            rows,
            cols,
        } => {
            format!("{i} is out of range (layers[{layer}]'s W is {rows}×{cols})")
        }
        Msg::Finite => "must be a finite number".into(),
        Msg::LastSample => "the training set needs at least one sample".into(),
        Msg::TruthTable => "inputs must be 0 or 1 (a truth table)".into(),
        Msg::CsvLine { line } => format!("line {line}: expected 3 numbers (x1, x2, label)"),
        Msg::CsvEmpty => "has no rows of x1, x2, label".into(),
        Msg::Plane { inputs, outputs } => {
            format!("needs 2 inputs and 1 output; this run has {inputs} and {outputs}")
        }
        Msg::OneOutput { n } => format!("needs 1 output per sample; this run has {n}"),
        Msg::ClassRange { last } => format!("must be a class from 0 to {last}"),
        Msg::SampleRange { len } => {
            format!("is out of range (the training set has {len} samples)")
        }
        Msg::NoLayer { layer, n } => format!("no layer {layer} (there are {n})"),
        Msg::LayerNotAffine { layer } => format!("layer {layer} is not affine"),
        Msg::NoUnit { unit, n } => format!("no unit {unit} (the layer has {n})"),
        Msg::NotReached { layer } => {
            format!("the forward pass has not reached layer {layer} in this step")
        }
        Msg::NoSample { sample, rows } => format!("no sample {sample} (the batch has {rows})"),
        Msg::FeaturesNeedPlane => {
            "need a data set of points in the plane (x1, x2) and at least one feature".into()
        }
        Msg::NoFeature { allowed } => format!("choose at least one of {allowed}"),
        Msg::UnknownFeature { name, allowed } => {
            format!("unknown feature `{name}`; one of {allowed}")
        }
        Msg::FeatureTwice { name } => format!("`{name}` twice"),
        Msg::FeaturesNeedTwoInputs { width } => {
            format!("need points of 2 inputs (x1, x2); x has width {width}")
        }
    }
}
