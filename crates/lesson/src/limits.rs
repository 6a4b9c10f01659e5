//! Hard limits on sizes. They keep every run interactive in a browser tab and are stated in the
//! CLI's help, the trace format document and the page; the page's own, smaller limits are here
//! too, so the page and its text derive them (their check on a spec is
//! [`crate::spec::page_limits::page_check`]).

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
/// Most steps a run goes (the page's timeline, a saved run, a link's step).
pub const MAX_RUN_STEPS: u64 = 1_000_000;
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
