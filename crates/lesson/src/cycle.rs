//! The training cycle as resumable micro-steps: forward layer by layer → loss → backward layer by
//! layer (last to first) → update. A full [`Session::step`] is those micro-steps in order.
//!
//! After every micro-step each intermediate is readable through [`Session::network`] (inputs,
//! outputs, masks, incoming gradients, dx, dW, db, parameters before and after the update) and
//! [`Session::optimizer`] (its state). A micro-step that produces NaN or ±Inf returns
//! [`NonFinite`]; parameters and optimizer state go back to what they were before that step, the
//! step counter and batch schedule do not move, and the next micro-step is a fresh forward.

mod edit;
pub(crate) mod guard;
mod whole;

use backstep_nn::batch::Batcher;
use backstep_nn::data::Dataset;
use backstep_nn::error::{NonFinite, Phase};
use backstep_nn::matmul::{copy, fit};
use backstep_nn::network::Network;
use backstep_nn::optim::{Optimizer, OptimizerKind};
use backstep_nn::real::Real;
use nalgebra::DMatrix;

/// One unit of work in the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MicroStep {
    /// Forward through layer i.
    Forward(usize),
    /// The loss and dL/dy.
    Loss,
    /// Backward through layer i.
    Backward(usize),
    /// The optimizer's update of every parameter.
    Update,
}

impl MicroStep {
    /// The phase this micro-step belongs to.
    pub fn phase(self) -> Phase {
        match self {
            MicroStep::Forward(_) => Phase::Forward,
            MicroStep::Loss => Phase::Loss,
            MicroStep::Backward(_) => Phase::Backward,
            MicroStep::Update => Phase::Update,
        }
    }
    /// The layer it works on, if any.
    pub fn layer(self) -> Option<usize> {
        match self {
            MicroStep::Forward(i) | MicroStep::Backward(i) => Some(i),
            MicroStep::Loss | MicroStep::Update => None,
        }
    }
}

/// A network, its optimizer, its data and where the cycle stands.
#[derive(Clone, Debug)]
pub struct Session<T: Real> {
    pub(crate) net: Network<T>,
    pub(crate) opt: Optimizer<T>,
    pub(crate) opt_backup: Optimizer<T>,
    pub(crate) x: DMatrix<T>,
    pub(crate) t: DMatrix<T>,
    pub(crate) x_test: DMatrix<T>,
    pub(crate) t_test: DMatrix<T>,
    pub(crate) xb: DMatrix<T>,
    pub(crate) tb: DMatrix<T>,
    pub(crate) batch: Vec<usize>,
    pub(crate) batcher: Batcher,
    pub(crate) next: MicroStep,
    pub(crate) last: Option<MicroStep>,
    pub(crate) steps: u64,
    pub(crate) loss: Option<T>,
}

fn convert<T: Real>(m: &DMatrix<f32>) -> DMatrix<T> {
    m.map(|v| T::of(f64::from(v)))
}

impl<T: Real> Session<T> {
    /// A session at step 0. `batch_size` 0 (or ≥ the sample count) means full batch; `seed`
    /// drives the mini-batch shuffle.
    pub fn new(
        net: Network<T>,
        kind: OptimizerKind,
        data: &Dataset,
        batch_size: usize,
        seed: u64,
    ) -> Self {
        let opt = Optimizer::new(kind, &net);
        let n = data.x.nrows();
        Session {
            opt_backup: opt.clone(),
            opt,
            net,
            x: convert(&data.x),
            t: convert(&data.t),
            x_test: convert(&data.x_test),
            t_test: convert(&data.t_test),
            xb: DMatrix::zeros(0, data.x.ncols()),
            tb: DMatrix::zeros(0, data.t.ncols()),
            batch: Vec::with_capacity(n),
            batcher: Batcher::new(n, batch_size, seed),
            next: MicroStep::Forward(0),
            last: None,
            steps: 0,
            loss: None,
        }
    }

    /// The network with every layer's cache.
    pub fn network(&self) -> &Network<T> {
        &self.net
    }
    /// Chooses how products are computed; see [`backstep_nn::matmul::Kernels`].
    pub fn set_kernels(&mut self, kernels: backstep_nn::matmul::Kernels) {
        self.net.set_kernels(kernels);
    }
    /// The optimizer and its state.
    pub fn optimizer(&self) -> &Optimizer<T> {
        &self.opt
    }
    /// The micro-step that runs next.
    pub fn next(&self) -> MicroStep {
        self.next
    }
    /// The micro-step that ran last in the current step (`None` between steps or after an error).
    pub fn last(&self) -> Option<MicroStep> {
        self.last
    }
    /// True when no step is half done.
    pub fn is_between_steps(&self) -> bool {
        self.next == MicroStep::Forward(0)
    }
    /// Completed steps.
    pub fn steps(&self) -> u64 {
        self.steps
    }
    /// The loss computed by the latest loss phase (before that step's update).
    pub fn loss(&self) -> Option<T> {
        self.loss
    }
    /// The sample indices of the current (or last) batch.
    pub fn batch(&self) -> &[usize] {
        &self.batch
    }
    /// The batch schedule.
    pub fn batcher(&self) -> &Batcher {
        &self.batcher
    }
    /// The whole training input.
    pub fn x(&self) -> &DMatrix<T> {
        &self.x
    }
    /// The whole training target.
    pub fn t(&self) -> &DMatrix<T> {
        &self.t
    }
    /// The test input (possibly zero rows).
    pub fn x_test(&self) -> &DMatrix<T> {
        &self.x_test
    }
    /// The test target.
    pub fn t_test(&self) -> &DMatrix<T> {
        &self.t_test
    }
    /// The input of the current batch.
    pub fn batch_x(&self) -> &DMatrix<T> {
        &self.xb
    }
    /// The target of the current batch.
    pub fn batch_t(&self) -> &DMatrix<T> {
        &self.tb
    }

    /// Runs the next micro-step and returns which one ran.
    pub fn substep(&mut self) -> Result<MicroStep, NonFinite> {
        let ms = self.next;
        let last_layer = self.net.layers().len() - 1;
        // The layer and the quantity that went non-finite, if any.
        let bad = match ms {
            MicroStep::Forward(i) => {
                if i == 0 {
                    self.load_batch();
                }
                self.forward_checked(i)
            }
            MicroStep::Loss => self.loss_checked(),
            MicroStep::Backward(i) => self.backward_checked(i),
            MicroStep::Update => self.update_checked(),
        };
        if let Some((layer, what)) = bad {
            return Err(self.fail(ms, layer, what));
        }
        self.last = Some(ms);
        self.next = match ms {
            MicroStep::Forward(i) if i < last_layer => MicroStep::Forward(i + 1),
            MicroStep::Forward(_) => MicroStep::Loss,
            MicroStep::Loss => MicroStep::Backward(last_layer),
            MicroStep::Backward(0) => MicroStep::Update,
            MicroStep::Backward(i) => MicroStep::Backward(i - 1),
            MicroStep::Update => {
                self.finish_step();
                MicroStep::Forward(0)
            }
        };
        Ok(ms)
    }

    pub(crate) fn load_batch(&mut self) {
        if self.batcher.is_full() && self.xb.nrows() == self.x.nrows() {
            // The full batch never changes: it was copied by the first step.
            return;
        }
        self.batch.clear();
        self.batch.extend_from_slice(self.batcher.current());
        let n = self.batch.len();
        fit(&mut self.xb, n, self.x.ncols());
        fit(&mut self.tb, n, self.t.ncols());
        if self.batcher.is_full() {
            copy(&mut self.xb, &self.x);
            copy(&mut self.tb, &self.t);
        } else {
            for (r, &i) in self.batch.iter().enumerate() {
                self.xb.row_mut(r).copy_from(&self.x.row(i));
                self.tb.row_mut(r).copy_from(&self.t.row(i));
            }
        }
    }
}
