//! The trace: what each step computed (outputs, loss, gradients, parameters after the update),
//! as written by `backstep trace` and the page's export. See `docs/trace-format.md`.

use crate::cycle::Session;
use crate::spec::{Spec, rows};
use backstep_nn::error::{NonFinite, SpecError};
use backstep_nn::infer::Inference;
use backstep_nn::layer::Layer;
use backstep_nn::loss::LossKind;
use backstep_nn::matmul::Kernels;
use backstep_nn::message::Msg;
use serde::{Deserialize, Serialize};

/// Nested rows of a matrix.
pub type Rows = Vec<Vec<f32>>;

/// A whole run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trace {
    /// One record per step.
    pub steps: Vec<StepRecord>,
    /// The loss of the final parameters on the whole of x and t.
    pub final_loss: f32,
}

/// What one step computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    /// 1-based step number.
    pub step: u64,
    /// Sample indices of this step's batch (absent for the full batch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batch: Option<Vec<usize>>,
    /// Each layer's output, batch × width.
    pub outputs: Vec<Rows>,
    /// The loss of this step's forward pass, before its update (with the penalty's term, if any).
    pub loss: f32,
    /// p = softmax(y) of the last layer's output, batch × out (softmax cross-entropy only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probabilities: Option<Rows>,
    /// The penalty's term of `loss` (with a regularization only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<f32>,
    /// Each layer's gradients: dx always, dW and db for affine layers.
    pub grads: Vec<Grads>,
    /// Each layer's parameters after this step's update (`{}` for activations).
    pub params: Vec<Params>,
    /// ReLU masks (true where x ≤ 0), `null` for other layers. Optional when read.
    #[serde(default)]
    pub masks: Vec<Option<Vec<Vec<bool>>>>,
    /// For each layer, the units blocked for every sample of the batch (ReLU only). Optional
    /// when read.
    #[serde(default)]
    pub dead_units: Vec<Vec<usize>>,
}

/// One layer's gradients.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grads {
    /// dL/d(input of the layer), batch × in.
    pub dx: Rows,
    /// dL/dW, in × out.
    #[serde(rename = "dW", default, skip_serializing_if = "Option::is_none")]
    pub dw: Option<Rows>,
    /// dL/db, out values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub db: Option<Vec<f32>>,
}

/// One layer's parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// W, in × out.
    #[serde(rename = "W", default, skip_serializing_if = "Option::is_none")]
    pub w: Option<Rows>,
    /// b, out values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b: Option<Vec<f32>>,
}

/// Why a trace could not be produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TraceError {
    /// The spec is invalid.
    Spec(SpecError),
    /// A step produced NaN or ±Inf.
    NonFinite(NonFinite),
}

impl std::fmt::Display for TraceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TraceError::Spec(e) => e.fmt(f),
            TraceError::NonFinite(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for TraceError {}

/// The record of the step `session` completed last, read from its caches.
pub fn record(s: &Session<f32>) -> StepRecord {
    let layers = s.network().layers();
    let flat = |m: &nalgebra::DMatrix<f32>| m.iter().copied().collect::<Vec<f32>>();
    StepRecord {
        step: s.steps(),
        batch: (!s.batcher().is_full()).then(|| s.batch().to_vec()),
        outputs: layers.iter().map(|l| rows(l.y())).collect(),
        loss: s.loss().unwrap_or(f32::NAN),
        probabilities: probabilities(s).map(rows),
        penalty: penalty(s),
        grads: layers
            .iter()
            .map(|l| Grads {
                dx: rows(l.dx()),
                dw: l.as_affine().map(|a| rows(a.dw())),
                db: l.as_affine().map(|a| flat(a.db())),
            })
            .collect(),
        params: layers
            .iter()
            .map(|l| Params {
                w: l.as_affine().map(|a| rows(a.w())),
                b: l.as_affine().map(|a| flat(a.b())),
            })
            .collect(),
        masks: layers
            .iter()
            .map(|l| match l {
                Layer::Act(a) if a.mask().nrows() > 0 => Some(
                    a.mask()
                        .row_iter()
                        .map(|r| r.iter().map(|&m| m == 1).collect())
                        .collect(),
                ),
                _ => None,
            })
            .collect(),
        dead_units: layers
            .iter()
            .map(|l| l.as_act().map(|a| a.dead_units()).unwrap_or_default())
            .collect(),
    }
}

/// p = softmax(y) of the step's loss phase, under softmax cross-entropy.
pub fn probabilities(s: &Session<f32>) -> Option<&nalgebra::DMatrix<f32>> {
    let loss = s.network().loss();
    (loss.kind() == LossKind::SoftmaxCrossEntropy).then(|| loss.probabilities())
}

/// The penalty's term of the step's loss (taken before its update), with a regularization.
pub fn penalty(s: &Session<f32>) -> Option<f32> {
    let a = s.network().affines().map(|a| a.w_before());
    let p = s.network().penalty()?;
    Some(a.fold(0.0, |sum, w| sum + p.value(w)))
}

/// Runs `spec.steps` steps and records each one, with [`Kernels::Portable`] products, so a
/// trace is the same bits on every machine and equals the page's run of the same spec.
pub fn run(spec: &Spec) -> Result<Trace, TraceError> {
    run_with(spec, Kernels::Portable)
}

/// [`run`] with a choice of product kernels.
pub fn run_with(spec: &Spec, kernels: Kernels) -> Result<Trace, TraceError> {
    let mut s = spec.session().map_err(TraceError::Spec)?;
    check_size(spec).map_err(TraceError::Spec)?;
    s.set_kernels(kernels);
    let mut steps = Vec::with_capacity(spec.steps as usize);
    for _ in 0..spec.steps {
        s.step().map_err(TraceError::NonFinite)?;
        steps.push(record(&s));
    }
    let final_loss = Inference::new().loss(s.network(), s.x(), s.t());
    Ok(Trace { steps, final_loss })
}

/// Most numbers one trace may hold (about 1 GB of JSON): every matrix entry, mask entry, batch
/// index and dead unit counts as one. A spec whose trace would hold more is refused before it
/// runs.
pub const MAX_TRACE_NUMBERS: u64 = 100_000_000;

/// How many numbers the trace of `spec` holds at most: every entry of every matrix, mask and
/// batch index, each loss, and each layer's full width of dead units (the only part that
/// depends on the values). Exact shapes come from a valid spec; on an invalid one the count
/// is still finite (it saturates).
pub fn numbers(spec: &Spec) -> u64 {
    use crate::spec::LayerSpec;
    let n = spec.x.len() as u64;
    let mut width = spec.x.first().map_or(0, |r| r.len()) as u64;
    // The numbers of one step as `per_sample · batch + fixed`; the step number and its loss
    // are two of the fixed ones.
    let (mut per_sample, mut fixed) = (0u64, 2u64);
    // Softmax's probabilities, one per output, and a penalty's term.
    if spec.loss == LossKind::SoftmaxCrossEntropy.name() {
        per_sample = spec.t.first().map_or(0, |r| r.len()) as u64;
    }
    fixed += u64::from(spec.regularization.is_some());
    for layer in &spec.layers {
        let input = width;
        match layer {
            LayerSpec::Affine { w, b } => {
                width = b.len() as u64;
                let params = (w.len() as u64).saturating_mul(width).saturating_add(width);
                // dW and db, then W and b after the update.
                fixed = fixed.saturating_add(params.saturating_mul(2));
            }
            // The mask, and at most every unit dead.
            LayerSpec::Relu {} => {
                per_sample = per_sample.saturating_add(width);
                fixed = fixed.saturating_add(width);
            }
            LayerSpec::Sigmoid {} | LayerSpec::Tanh {} => {}
        }
        // The output and dx.
        per_sample = per_sample.saturating_add(width.saturating_add(input));
    }
    let size = match spec.batch_size.unwrap_or(0) as u64 {
        0 => n,
        b => b.min(n),
    };
    let samples = if size < n {
        // Mini-batches: an epoch is `k` batches, the last one short; the indices are written.
        per_sample = per_sample.saturating_add(1);
        let k = n.div_ceil(size.max(1));
        let epochs = spec.steps / k;
        epochs
            .saturating_mul(n)
            .saturating_add((spec.steps % k).saturating_mul(size))
    } else {
        spec.steps.saturating_mul(n)
    };
    per_sample
        .saturating_mul(samples)
        .saturating_add(fixed.saturating_mul(spec.steps))
        .saturating_add(1) // final_loss
}

/// Refuses, naming `steps`, a spec whose trace would hold more than [`MAX_TRACE_NUMBERS`].
pub fn check_size(spec: &Spec) -> Result<(), SpecError> {
    let n = numbers(spec);
    if n > MAX_TRACE_NUMBERS {
        return Err(SpecError::new(
            "steps",
            Msg::TraceSize {
                n,
                max: MAX_TRACE_NUMBERS,
            },
        ));
    }
    Ok(())
}
