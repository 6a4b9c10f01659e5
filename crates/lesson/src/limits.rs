//! Hard limits on sizes. They keep every run interactive in a browser tab and are stated in the
//! CLI's help, the trace format document and the page; the page's own, smaller limits and
//! their check ([`page_check`]) are here too, so the page and its text derive them.

/// Most samples in a training set (and most rows in a test set).
pub const MAX_SAMPLES: usize = 10_000;
/// Most features, outputs or hidden units of any layer.
pub const MAX_WIDTH: usize = 256;
/// Most entries in a spec's `layers` list.
pub const MAX_LAYERS: usize = 32;
/// Most steps one trace may record.
pub const MAX_TRACE_STEPS: u64 = 10_000;
/// Most steps one `train` run may take.
pub const MAX_TRAIN_STEPS: u64 = 10_000_000;
/// Most normals a preset may discard before drawing its weights (`skip`): each costs a draw, so
/// an unbounded count was unbounded work for a short link or command line (the hash fuzz found
/// `skip=41773804623`).
pub const MAX_SKIP: usize = 1_000_000;

/// Most hidden layers the page takes (it draws every unit, and Play must stay smooth).
pub const PAGE_HIDDEN_LAYERS: usize = 4;
/// Most inputs, outputs or units of any layer in the page.
pub const PAGE_WIDTH: usize = 16;
/// Most samples (training or test) in the page.
pub const PAGE_SAMPLES: usize = 500;
/// Most entries in `layers` in the page: each affine layer and its activation.
pub const PAGE_LAYERS: usize = 2 * (PAGE_HIDDEN_LAYERS + 1);

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
pub fn page_check(spec: &crate::Spec) -> Option<OverLimit> {
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
        if let crate::spec::LayerSpec::Affine { w, .. } = l {
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
