//! The page's limits applied to a spec: the first way it is over them ([`page_check`]), so the
//! page can say which field is too large before it runs anything. The limits themselves are
//! [`crate::limits`]'s.

use crate::limits::{PAGE_HIDDEN_LAYERS, PAGE_LAYERS, PAGE_SAMPLES, PAGE_WIDTH};
use crate::spec::{LayerSpec, Spec};

/// What puts a spec over the page's limits: `what` is `samples`, `width`, `hidden` or
/// `layers`; `field` the spec's field; `value` its size and `max` the limit.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct OverLimit {
    /// Which limit.
    pub what: &'static str,
    /// The field that is over it.
    pub field: String,
    /// Its size.
    pub value: usize,
    /// The limit.
    pub max: usize,
}

/// The first way `spec` is over the page's limits, or `None`. Only sizes are looked at (the
/// spec is validated separately), so this is cheap even for a spec the page then refuses.
pub fn page_check(spec: &Spec) -> Option<OverLimit> {
    let over = |what, field: String, value, max| {
        (value > max).then_some(OverLimit {
            what,
            field,
            value,
            max,
        })
    };
    let width = |field: &str, rows: &[Vec<f32>]| {
        over(
            "width",
            format!("{field}[0]"),
            rows.first().map_or(0, Vec::len),
            PAGE_WIDTH,
        )
    };
    let mut found = over("samples", "x".into(), spec.x.len(), PAGE_SAMPLES)
        .or_else(|| over("samples", "x_test".into(), spec.x_test.len(), PAGE_SAMPLES))
        .or_else(|| width("x", &spec.x))
        .or_else(|| width("t", &spec.t))
        .or_else(|| over("layers", "layers".into(), spec.layers.len(), PAGE_LAYERS));
    let mut affine = 0usize;
    for (i, l) in spec.layers.iter().enumerate() {
        if let LayerSpec::Affine { w, .. } = l {
            affine += 1;
            found = found
                .or_else(|| over("width", format!("layers[{i}].W"), w.len(), PAGE_WIDTH))
                .or_else(|| width(&format!("layers[{i}].W"), w));
        }
    }
    found.or_else(|| {
        over(
            "hidden",
            "layers".into(),
            affine.saturating_sub(1),
            PAGE_HIDDEN_LAYERS,
        )
    })
}
