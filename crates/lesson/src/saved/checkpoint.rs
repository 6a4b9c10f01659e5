//! Save and resume: a [`Checkpoint`] is the run's state between steps (the step count, every
//! affine layer's W and b, the optimizer's rule and state, the batch schedule's position), as
//! plain serde data. Restoring it on a session built from the same spec gives the next step the
//! original would have taken, bit for bit. Its JSON is documented in `docs/checkpoint-format.md`.
//!
//! The values are f32 (the product's type): a `Session<f64>` rounds on save.

use crate::cycle::Session;
use crate::spec::OptimizerSpec;
use crate::timeline::keyframes::State;
use backstep_nn::batch::BatchState;
use backstep_nn::error::SpecError;
use backstep_nn::message::Msg;
use backstep_nn::optim::Optimizer;
use backstep_nn::real::Real;
use nalgebra::DMatrix;
use serde::Serialize;

pub use backstep_nn::batch::MAX_SAFE_INTEGER;
/// The format's version, written as `version`.
pub const VERSION: u32 = 1;

/// A run between steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Checkpoint {
    /// The format's version ([`VERSION`]).
    pub version: u32,
    /// Completed steps.
    pub steps: u64,
    /// One entry per affine layer, in layer order.
    pub params: Vec<Params>,
    /// The optimizer's rule and state.
    pub optimizer: OptimizerState,
    /// The batch schedule's position.
    pub batch: BatchState,
}

/// One affine layer's parameters.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Params {
    /// The layer's index in the spec's `layers`.
    pub layer: usize,
    /// Weights, in rows × out columns.
    #[serde(rename = "W")]
    pub w: Vec<Vec<f32>>,
    /// Bias, one value per output.
    pub b: Vec<f32>,
}

/// The optimizer: its rule (which may differ from the spec's after a change mid-run) and state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptimizerState {
    /// The rule and hyper-parameters, as the spec's `optimizer` object.
    pub rule: OptimizerSpec,
    /// Updates applied so far (Adam's t).
    pub t: u64,
    /// One entry per affine layer, in the order of `params`.
    pub state: Vec<LayerMoments>,
}

/// An affine layer's optimizer state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LayerMoments {
    /// W's buffers, each in × out rows (or empty).
    #[serde(rename = "W")]
    pub w: Moments,
    /// b's buffers, each one row of out values (or empty).
    pub b: Moments,
}

/// One parameter's buffers; a buffer the rule does not use is empty (`[]`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moments {
    /// Momentum's velocity or Adam's first moment m.
    pub m: Vec<Vec<f32>>,
    /// Adam's second moment v.
    pub v: Vec<Vec<f32>>,
}

fn rows<T: Real>(m: &DMatrix<T>) -> Vec<Vec<f32>> {
    m.row_iter()
        .map(|r| r.iter().map(|v| v.f64() as f32).collect())
        .collect()
}

/// Reads `rows` as an `r × c` matrix (or, if `empty_ok` and it has no rows, a 0 × 0 one),
/// checking the shape and that every value is finite.
fn matrix<T: Real>(
    field: &str,
    rows: &[Vec<f32>],
    (r, c): (usize, usize),
) -> Result<DMatrix<T>, SpecError> {
    let got_c = rows.first().map_or(0, Vec::len);
    if rows.len() != r || got_c != c {
        return Err(SpecError::new(
            field,
            Msg::ExpectedShape {
                r,
                c,
                got_r: rows.len(),
                got_c,
            },
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        if row.len() != c {
            let msg = Msg::ExpectedValues {
                want: c,
                got: row.len(),
            };
            return Err(SpecError::new(format!("{field}[{i}]"), msg));
        }
        if let Some(j) = row.iter().position(|v| !v.is_finite()) {
            return Err(SpecError::new(format!("{field}[{i}][{j}]"), Msg::NotFinite));
        }
    }
    Ok(DMatrix::from_fn(r, c, |i, j| T::of(f64::from(rows[i][j]))))
}

fn count(field: &str, v: u64) -> Result<u64, SpecError> {
    if v > MAX_SAFE_INTEGER {
        return Err(SpecError::new(field, Msg::MaxSafe));
    }
    Ok(v)
}

impl<T: Real> Session<T> {
    /// The run as a [`Checkpoint`]: the state after the last completed step (in the middle of a
    /// step too, since nothing it holds changes before that step's update).
    pub fn checkpoint(&self) -> Checkpoint {
        let pair = |s: &backstep_nn::optim::Slot<T>| Moments {
            m: rows(&s.m),
            v: rows(&s.v),
        };
        let slots = self.opt.slots();
        Checkpoint {
            version: VERSION,
            steps: self.steps,
            params: (self.net.layers().iter().enumerate())
                .filter_map(|(i, l)| {
                    let a = l.as_affine()?;
                    let b = a.b().iter().map(|v| v.f64() as f32).collect();
                    Some(Params {
                        layer: i,
                        w: rows(a.w()),
                        b,
                    })
                })
                .collect(),
            optimizer: OptimizerState {
                rule: self.opt.kind(),
                t: self.opt.steps(),
                state: (slots.chunks_exact(2))
                    .map(|p| LayerMoments {
                        w: pair(&p[0]),
                        b: pair(&p[1]),
                    })
                    .collect(),
            },
            batch: self.batcher.save(),
        }
    }

    /// Puts back a checkpoint of a session built from the same spec, between steps: the next
    /// step is the one the saved session would have taken, bit for bit. Every field is checked
    /// first (shapes, lengths, finite values, the rule's hyper-parameters); an error names the
    /// field, e.g. `checkpoint.params[1].W: expected 4×1, got 3×1`, and changes nothing. The
    /// caches keep what they held until the next step overwrites them.
    pub fn restore(&mut self, c: &Checkpoint) -> Result<(), SpecError> {
        if c.version != VERSION {
            let msg = Msg::ExpectedWhole {
                want: u64::from(VERSION),
                got: u64::from(c.version),
            };
            return Err(SpecError::new("checkpoint.version", msg));
        }
        let steps = count("checkpoint.steps", c.steps)?;
        let t = count("checkpoint.optimizer.t", c.optimizer.t)?;
        let kind = crate::spec::validate::optimizer(c.optimizer.rule)
            .map_err(|e| e.at(|f| f.replacen("optimizer", "checkpoint.optimizer.rule", 1)))?;
        let layers: Vec<(usize, (usize, usize))> = (self.net.layers().iter().enumerate())
            .filter_map(|(i, l)| Some((i, l.as_affine()?.w().shape())))
            .collect();
        for (what, len) in [
            ("params", c.params.len()),
            ("optimizer.state", c.optimizer.state.len()),
        ] {
            if len != layers.len() {
                let msg = Msg::AffineCount {
                    want: layers.len(),
                    got: len,
                };
                return Err(SpecError::new(format!("checkpoint.{what}"), msg));
            }
        }
        let mut opt = Optimizer::new(kind, &self.net);
        let mut params: Vec<T> = Vec::new();
        for (k, ((i, (r, c_)), p)) in layers.iter().zip(&c.params).enumerate() {
            let at = format!("checkpoint.params[{k}]");
            if p.layer != *i {
                let msg = Msg::ExpectedWhole {
                    want: *i as u64,
                    got: p.layer as u64,
                };
                return Err(SpecError::new(format!("{at}.layer"), msg));
            }
            let w = matrix(&format!("{at}.W"), &p.w, (*r, *c_))?;
            if p.b.len() != *c_ {
                let msg = Msg::ExpectedValues {
                    want: *c_,
                    got: p.b.len(),
                };
                return Err(SpecError::new(format!("{at}.b"), msg));
            }
            let b = matrix(&format!("{at}.b"), std::slice::from_ref(&p.b), (1, *c_))
                .map_err(|e| e.at(|f| f.replace(".b[0]", ".b")))?;
            params.extend_from_slice(w.as_slice());
            params.extend_from_slice(b.as_slice());
        }
        for (k, (lm, slots)) in c
            .optimizer
            .state
            .iter()
            .zip(opt.slots_mut().chunks_exact_mut(2))
            .enumerate()
        {
            for ((name, m), slot) in [("W", &lm.w), ("b", &lm.b)].into_iter().zip(slots) {
                let at = format!("checkpoint.optimizer.state[{k}].{name}");
                let (r, c) = layers[k].1;
                let shape = if name == "b" { (1, c) } else { (r, c) };
                slot.m = matrix(&format!("{at}.m"), &m.m, empty_unless(&slot.m, shape))?;
                slot.v = matrix(&format!("{at}.v"), &m.v, empty_unless(&slot.v, shape))?;
                // Adam's v is a mean of squares: a negative one would make its step non-finite.
                if let Some((i, j)) = negative(&m.v) {
                    let msg = Msg::NegativeMean;
                    return Err(SpecError::new(format!("{at}.v[{i}][{j}]"), msg));
                }
            }
        }
        opt.set_steps(t);
        let mut batcher = self.batcher.clone();
        batcher.restore(&c.batch, "checkpoint.batch")?;
        let state = State {
            params: Vec::new(),
            opt,
            batcher,
            steps,
        };
        self.set_state(&state, &params);
        Ok(())
    }
}

/// The first negative entry of `rows`, as (row, column).
fn negative(rows: &[Vec<f32>]) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .find_map(|(i, r)| r.iter().position(|v| *v < 0.0).map(|j| (i, j)))
}

/// The shape a saved buffer must have: the parameter's, or 0 × 0 where the rule has none.
fn empty_unless<T: Real>(fresh: &DMatrix<T>, shape: (usize, usize)) -> (usize, usize) {
    if fresh.is_empty() { (0, 0) } else { shape }
}
