//! Helpers shared by the integration tests: tolerant comparison of nested f32 rows, and the
//! one-line error a refused spec gets.

#![allow(dead_code)]

/// Asserts |a − b| ≤ tol · max(max|b|, floor) element-wise: a tolerance relative to the scale of
/// the reference tensor, with a floor for tensors that are (nearly) all zero.
pub fn close_rows(what: &str, a: &[Vec<f32>], b: &[Vec<f32>], tol: f64, floor: f64) {
    assert_eq!(a.len(), b.len(), "{what}: row count");
    let scale = b
        .iter()
        .flatten()
        .fold(floor, |m, v| m.max(f64::from(v.abs())));
    for (r, (ra, rb)) in a.iter().zip(b).enumerate() {
        assert_eq!(ra.len(), rb.len(), "{what}[{r}]: width");
        for (c, (x, y)) in ra.iter().zip(rb).enumerate() {
            let d = f64::from((x - y).abs());
            assert!(
                d <= tol * scale,
                "{what}[{r}][{c}]: {x} vs {y} (scale {scale})"
            );
        }
    }
}

/// [`close_rows`] for a flat list.
pub fn close(what: &str, a: &[f32], b: &[f32], tol: f64, floor: f64) {
    close_rows(what, &[a.to_vec()], &[b.to_vec()], tol, floor);
}

/// The one-line error a spec document gets, whether parsing or building its session refuses it.
pub fn spec_error(doc: &serde_json::Value) -> String {
    let e = match backstep_lesson::Spec::parse(&doc.to_string()) {
        Err(e) => e,
        Ok(spec) => spec.session().expect_err("the spec should be rejected"),
    };
    let line = e.to_string();
    assert!(!line.contains('\n'), "one line: {line}");
    line
}
