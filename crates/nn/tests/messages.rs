//! The message catalogue: every code is written in every language (the `match` in each language
//! is exhaustive, so a missing one does not compile; this renders each), and the two differ.

use backstep_nn::message::{Lang, Msg};
use std::collections::BTreeSet;

/// The variant's place in the catalogue. Exhaustive: a new code must be listed here, and then
/// the test below fails until `every()` holds an example of it.
fn index(m: &Msg) -> usize {
    use Msg::*;
    match m {
        Expected { .. } => 0,
        UnknownField { .. } => 1,
        MissingField { .. } => 2,
        WholeNumber => 3,
        Below32 => 4,
        TooMany { .. } => 5,
        UnknownType { .. } => 6,
        Json { .. } => 7,
        TextAfter { .. } => 8,
        UnknownValue { .. } => 9,
        Classes { .. } => 10,
        NeedsClasses => 11,
        HiddenLayers { .. } => 12,
        Width { .. } => 13,
        RangeGot { .. } => 14,
        Between { .. } => 15,
        RowsBut { .. } => 16,
        ValuesBut { .. } => 17,
        TestWidths => 18,
        TestRows => 19,
        CountRange { .. } => 20,
        WShape { .. } => 21,
        BiasLen { .. } => 22,
        OutputWidth { .. } => 23,
        AtLeastOne => 24,
        UnknownLoss { .. } => 25,
        SoftmaxWidth { .. } => 26,
        NotOneHot => 27,
        FiniteNonNegative => 28,
        Positive => 29,
        UnitInterval => 30,
        F32Range => 31,
        Empty => 32,
        TraceSize { .. } => 33,
        ExpectedShape { .. } => 34,
        ExpectedValues { .. } => 35,
        ExpectedWhole { .. } => 36,
        AffineCount { .. } => 37,
        NotFinite => 38,
        MaxSafe => 39,
        AtMost { .. } => 40,
        NegativeMean => 41,
        Indices { .. } => 42,
        BadIndex { .. } => 43,
        FullBatch { .. } => 44,
        BatchStart { .. } => 45,
        EventOrder { .. } => 46,
        History { .. } => 47,
        TimelineStart => 48,
        NotAffine { .. } => 49,
        LayerRange { .. } => 50,
        IndexRange { .. } => 51,
        Finite => 52,
        LastSample => 53,
        TruthTable => 54,
        CsvLine { .. } => 55,
        CsvEmpty => 56,
        Plane { .. } => 57,
        OneOutput { .. } => 58,
        SampleRange { .. } => 59,
        NoLayer { .. } => 60,
        LayerNotAffine { .. } => 61,
        NoUnit { .. } => 62,
        NotReached { .. } => 63,
        NoSample { .. } => 64,
        RunLimit { .. } => 65,
        FeaturesNeedPlane => 66,
        NoFeature { .. } => 67,
        UnknownFeature { .. } => 68,
        FeatureTwice { .. } => 69,
        FeaturesNeedTwoInputs { .. } => 70,
        ClassRange { .. } => 71,
    }
}

/// One example of every code.
fn every() -> Vec<Msg> {
    use Msg::*;
    let s = |t: &str| t.to_string();
    vec![
        Expected {
            want: "a number",
            got: "a string",
        },
        UnknownField {
            key: s("k"),
            allowed: s("`x`, `t`"),
        },
        MissingField { key: s("x") },
        WholeNumber,
        Below32,
        TooMany {
            n: 9,
            what: "rows",
            max: 8,
        },
        UnknownType {
            got: s("conv"),
            allowed: s("`affine`"),
        },
        Json {
            detail: s("EOF while parsing"),
        },
        TextAfter {
            detail: s("trailing characters"),
        },
        UnknownValue {
            value: s("v"),
            allowed: s("a, b"),
        },
        Classes { max: 5 },
        NeedsClasses,
        HiddenLayers { max: 15 },
        Width { w: 0, max: 256 },
        RangeGot {
            min: 1,
            max: 10,
            got: 11,
        },
        Between { min: "0", max: "1" },
        RowsBut {
            n: 3,
            other: s("x"),
            m: 4,
        },
        ValuesBut {
            n: 1,
            other: s("x[0]"),
            m: 2,
        },
        TestWidths,
        TestRows,
        CountRange {
            n: 40,
            what: "entries",
            max: 32,
        },
        WShape {
            r: 3,
            c: 4,
            width: 2,
        },
        BiasLen { n: 3, cols: 4 },
        OutputWidth { width: 2, t: 1 },
        AtLeastOne,
        UnknownLoss {
            got: s("l3"),
            allowed: s("`mse`"),
        },
        SoftmaxWidth { width: 1 },
        NotOneHot,
        FiniteNonNegative,
        Positive,
        UnitInterval,
        F32Range,
        Empty,
        TraceSize { n: 200, max: 100 },
        ExpectedShape {
            r: 4,
            c: 1,
            got_r: 3,
            got_c: 1,
        },
        ExpectedValues { want: 1, got: 2 },
        ExpectedWhole { want: 1, got: 2 },
        AffineCount { want: 2, got: 1 },
        NotFinite,
        MaxSafe,
        AtMost { max: 1_000_000 },
        NegativeMean,
        Indices { want: 4, got: 3 },
        BadIndex { i: 7, n: 4 },
        FullBatch { k: 2 },
        BatchStart {
            position: 3,
            size: 2,
            n: 4,
        },
        EventOrder { step: 9, saved: 5 },
        History { want: 5, got: 4 },
        TimelineStart,
        NotAffine {
            layer: 1,
            kind: "relu",
        },
        LayerRange { layer: 9, n: 4 },
        IndexRange {
            i: 5,
            layer: 0,
            rows: 2,
            cols: 4,
        },
        Finite,
        LastSample,
        TruthTable,
        CsvLine { line: 3 },
        CsvEmpty,
        Plane {
            inputs: 3,
            outputs: 1,
        },
        OneOutput { n: 2 },
        ClassRange { last: 2 },
        SampleRange { len: 4 },
        NoLayer { layer: 9, n: 4 },
        LayerNotAffine { layer: 1 },
        NoUnit { unit: 9, n: 4 },
        NotReached { layer: 2 },
        NoSample { sample: 9, rows: 4 },
        RunLimit { max: 1_000_000 },
        FeaturesNeedPlane,
        NoFeature {
            allowed: s("x1, x2"),
        },
        UnknownFeature {
            name: s("x3"),
            allowed: s("x1, x2"),
        },
        FeatureTwice { name: s("x1") },
        FeaturesNeedTwoInputs { width: 3 },
    ]
}

#[test]
fn every_code_is_written_in_every_language() {
    let all = every();
    let places: BTreeSet<usize> = all.iter().map(index).collect();
    let last = all.iter().map(index).max().unwrap_or(0);
    assert_eq!(places.len(), all.len(), "an example is listed twice");
    assert_eq!(
        places,
        (0..=last).collect(),
        "a code has no example in every()"
    );
    let mut codes = BTreeSet::new();
    for m in &all {
        let (en, ja) = (m.say(Lang::En), m.say(Lang::Ja));
        assert!(!en.is_empty() && !ja.is_empty(), "{m:?}");
        assert_ne!(en, ja, "{m:?} is not translated");
        // Japanese text, not English with a few words changed.
        assert!(
            ja.chars()
                .any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || c == '〜'),
            "{ja}"
        );
        assert!(codes.insert(m.code()), "two codes are {}", m.code());
        assert!(
            m.code()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        );
    }
}

#[test]
fn english_is_the_display_and_codes_are_snake_case() {
    let m = Msg::TooMany {
        n: 9,
        what: "rows",
        max: 8,
    };
    assert_eq!(m.code(), "too_many");
    assert_eq!(String::from(m.clone()), "has 9 rows; at most 8 are allowed");
    let e = backstep_nn::SpecError::new("x", m);
    assert_eq!(e.to_string(), "x: has 9 rows; at most 8 are allowed");
    assert_eq!(e.say(Lang::Ja), "x: 9 行あります (最大 8 行)");
    assert_eq!(Lang::ALL.map(Lang::code), ["en", "ja"]);
}
