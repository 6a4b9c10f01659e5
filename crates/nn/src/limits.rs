//! Hard limits on sizes. They keep every run interactive in a browser tab and are stated in the
//! CLI's help, the trace format document and the page.

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
