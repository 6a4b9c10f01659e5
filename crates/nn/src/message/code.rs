//! The codes of the message catalogue ([`Msg`]): each way the core refuses something, with its
//! arguments. Their words are in `en.rs` and `ja.rs`.

use serde::Serialize;

/// One message: its code (the variant) and its arguments. Arguments that quote the user's text
/// are cleaned when the message is shown ([`crate::error::clean`]); none is a float, so the page's
/// wasm carries no float formatting for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[allow(missing_docs)] // each variant's text, in `en.rs`, is its documentation
pub enum Msg {
    // The reader (read.rs, read_saved.rs): the document's format.
    Expected {
        want: &'static str,
        got: &'static str,
    },
    UnknownField {
        key: String,
        allowed: String,
    },
    MissingField {
        key: String,
    },
    WholeNumber,
    Below32,
    TooMany {
        n: usize,
        what: &'static str,
        max: usize,
    },
    UnknownType {
        got: String,
        allowed: String,
    },
    Json {
        detail: String,
    },
    TextAfter {
        detail: String,
    },
    // Settings and presets (settings.rs, preset.rs).
    UnknownValue {
        value: String,
        allowed: String,
    },
    Classes {
        max: usize,
    },
    NeedsClasses,
    HiddenLayers {
        max: usize,
    },
    Width {
        w: usize,
        max: usize,
    },
    RangeGot {
        min: u64,
        max: u64,
        got: u64,
    },
    Between {
        min: &'static str,
        max: &'static str,
    },
    // A spec's shapes and values (validate.rs).
    RowsBut {
        n: usize,
        other: String,
        m: usize,
    },
    ValuesBut {
        n: usize,
        other: String,
        m: usize,
    },
    TestWidths,
    TestRows,
    CountRange {
        n: usize,
        what: &'static str,
        max: usize,
    },
    WShape {
        r: usize,
        c: usize,
        width: usize,
    },
    BiasLen {
        n: usize,
        cols: usize,
    },
    OutputWidth {
        width: usize,
        t: usize,
    },
    AtLeastOne,
    UnknownLoss {
        got: String,
        allowed: String,
    },
    SoftmaxWidth {
        width: usize,
    },
    NotOneHot,
    FiniteNonNegative,
    Positive,
    UnitInterval,
    F32Range,
    Empty,
    TraceSize {
        n: u64,
        max: u64,
    },
    // Saved runs (checkpoint.rs, batch.rs, saved.rs, timeline.rs).
    ExpectedShape {
        r: usize,
        c: usize,
        got_r: usize,
        got_c: usize,
    },
    ExpectedValues {
        want: usize,
        got: usize,
    },
    ExpectedWhole {
        want: u64,
        got: u64,
    },
    AffineCount {
        want: usize,
        got: usize,
    },
    NotFinite,
    MaxSafe,
    AtMost {
        max: u64,
    },
    NegativeMean,
    Indices {
        want: usize,
        got: usize,
    },
    BadIndex {
        i: usize,
        n: usize,
    },
    FullBatch {
        k: usize,
    },
    BatchStart {
        position: usize,
        size: usize,
        n: usize,
    },
    EventOrder {
        step: u64,
        saved: u64,
    },
    History {
        want: u64,
        got: usize,
    },
    TimelineStart,
    RunLimit {
        max: u64,
    },
    // Changes made mid-run (edit.rs) and the data edits (dataedit.rs).
    NotAffine {
        layer: usize,
        kind: &'static str,
    },
    LayerRange {
        layer: usize,
        n: usize,
    },
    IndexRange {
        i: usize,
        layer: usize,
        rows: usize,
        cols: usize,
    },
    Finite,
    LastSample,
    TruthTable,
    CsvLine {
        line: usize,
    },
    CsvEmpty,
    Plane {
        inputs: usize,
        outputs: usize,
    },
    OneOutput {
        n: usize,
    },
    ClassRange {
        last: usize,
    },
    SampleRange {
        len: usize,
    },
    // The inspector (inspect.rs).
    NoLayer {
        layer: usize,
        n: usize,
    },
    LayerNotAffine {
        layer: usize,
    },
    NoUnit {
        unit: usize,
        n: usize,
    },
    NotReached {
        layer: usize,
    },
    NoSample {
        sample: usize,
        rows: usize,
    },
    // The input features (backstep_nn::features; the lesson's spec/features.rs).
    FeaturesNeedPlane,
    NoFeature {
        allowed: String,
    },
    UnknownFeature {
        name: String,
        allowed: String,
    },
    FeatureTwice {
        name: String,
    },
    FeaturesNeedTwoInputs {
        width: usize,
    },
}
