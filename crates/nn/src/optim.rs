//! Optimizers with PyTorch's update rules: SGD, SGD with momentum, and Adam.
//!
//! The configuration ([`OptimizerKind`]) and the state (velocities, moments, step count) are one
//! value, [`Optimizer`], so the state is readable and can be saved and restored with the network.
//!
//! - SGD: `p −= lr·g`.
//! - Momentum (torch.optim.SGD, dampening 0): `v = μ·v + g; p −= lr·v` (v starts at 0, so the
//!   first v is g, as in PyTorch).
//! - Adam (torch.optim.Adam): `m = m + (1−β1)(g − m); v = β2·v + (1−β2)·g²;
//!   p −= (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε)`, bias corrections computed in f64.

use crate::matmul::{assign, copy};
use crate::network::Network;
use crate::real::Real;
use nalgebra::DMatrix;

/// Which rule, with its hyper-parameters; written as a spec's `optimizer` object
/// (`{"type": "sgd", "lr": 0.1}`).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum OptimizerKind {
    /// Plain gradient descent.
    Sgd {
        /// Learning rate.
        lr: f64,
    },
    /// Gradient descent with heavy-ball momentum.
    Momentum {
        /// Learning rate.
        lr: f64,
        /// Momentum coefficient μ.
        momentum: f64,
    },
    /// Adam with bias correction.
    Adam {
        /// Learning rate.
        lr: f64,
        /// First-moment decay β1.
        beta1: f64,
        /// Second-moment decay β2.
        beta2: f64,
        /// Denominator guard ε.
        eps: f64,
    },
}

impl OptimizerKind {
    /// The spec's name: `sgd`, `momentum` or `adam`.
    pub fn name(&self) -> &'static str {
        match self {
            OptimizerKind::Sgd { .. } => "sgd",
            OptimizerKind::Momentum { .. } => "momentum",
            OptimizerKind::Adam { .. } => "adam",
        }
    }
    /// The learning rate.
    pub fn lr(&self) -> f64 {
        match *self {
            OptimizerKind::Sgd { lr }
            | OptimizerKind::Momentum { lr, .. }
            | OptimizerKind::Adam { lr, .. } => lr,
        }
    }
}

/// Per-parameter state: the first buffer is momentum's velocity or Adam's m, the second Adam's v.
/// A buffer the rule does not use is empty (0 × 0).
#[derive(Debug)]
pub struct Slot<T: Real> {
    /// Velocity (momentum) or first moment m (Adam); empty for SGD.
    pub m: DMatrix<T>,
    /// Second moment v (Adam); empty otherwise.
    pub v: DMatrix<T>,
}

/// An optimizer's rule and its state for one network.
#[derive(Debug)]
pub struct Optimizer<T: Real> {
    kind: OptimizerKind,
    /// One slot per parameter: W then b of each affine layer, in layer order.
    slots: Vec<Slot<T>>,
    steps: u64,
}

// By hand, so that `clone_from` (keyframes, rollbacks) reuses the buffers of the same shape.
impl<T: Real> Clone for Slot<T> {
    fn clone(&self) -> Self {
        Slot {
            m: self.m.clone(),
            v: self.v.clone(),
        }
    }
    fn clone_from(&mut self, src: &Self) {
        assign(&mut self.m, &src.m);
        assign(&mut self.v, &src.v);
    }
}

impl<T: Real> Clone for Optimizer<T> {
    fn clone(&self) -> Self {
        Optimizer {
            kind: self.kind,
            slots: self.slots.clone(),
            steps: self.steps,
        }
    }
    fn clone_from(&mut self, src: &Self) {
        self.kind = src.kind;
        self.slots.clone_from(&src.slots);
        self.steps = src.steps;
    }
}

impl<T: Real> Optimizer<T> {
    /// Zero state shaped like `net`'s parameters.
    pub fn new(kind: OptimizerKind, net: &Network<T>) -> Self {
        // Only the buffers the rule uses get the parameter's shape; the others stay 0 × 0, so
        // SGD carries (and copies on every update) nothing.
        let (uses_m, uses_v) = match kind {
            OptimizerKind::Sgd { .. } => (false, false),
            OptimizerKind::Momentum { .. } => (true, false),
            OptimizerKind::Adam { .. } => (true, true),
        };
        let sized = |on: bool, (r, c): (usize, usize)| {
            if on {
                DMatrix::zeros(r, c)
            } else {
                DMatrix::zeros(0, 0)
            }
        };
        let slots = net
            .affines()
            .flat_map(|a| [a.w().shape(), a.b().shape()])
            .map(|shape| Slot {
                m: sized(uses_m, shape),
                v: sized(uses_v, shape),
            })
            .collect();
        Optimizer {
            kind,
            slots,
            steps: 0,
        }
    }

    /// The rule and hyper-parameters.
    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }
    /// The state, one slot per parameter (W then b of each affine layer).
    pub fn slots(&self) -> &[Slot<T>] {
        &self.slots
    }
    /// How many updates have been applied (Adam's t).
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The first state buffer holding NaN or ±Inf, as (slot index, name): `velocity of W`,
    /// `m of b`, `v of W`, …. Slot 2·k is the W of affine layer k, slot 2·k + 1 its b.
    pub fn first_non_finite(&self) -> Option<(usize, &'static str)> {
        const NAMES: [[&str; 2]; 3] = [
            ["velocity of W", "velocity of b"],
            ["m of W", "m of b"],
            ["v of W", "v of b"],
        ];
        let first = match self.kind {
            // SGD keeps no state.
            OptimizerKind::Sgd { .. } => return None,
            OptimizerKind::Momentum { .. } => 0,
            OptimizerKind::Adam { .. } => 1,
        };
        self.slots.iter().enumerate().find_map(|(k, s)| {
            let name = if !T::all_finite(s.m.as_slice()) {
                NAMES[first][k % 2]
            } else if !T::all_finite(s.v.as_slice()) {
                NAMES[2][k % 2]
            } else {
                return None;
            };
            Some((k, name))
        })
    }

    /// Changes the rule or its hyper-parameters in the middle of a run. The same rule keeps its
    /// state (velocity, m, v and Adam's t), as changing `lr` in a PyTorch optimizer's
    /// `param_groups` does; another rule starts from zero state (t = 0), as a new PyTorch
    /// optimizer would.
    pub fn set_kind(&mut self, kind: OptimizerKind, net: &Network<T>) {
        if kind.name() == self.kind.name() {
            self.kind = kind;
        } else {
            *self = Optimizer::new(kind, net);
        }
    }

    /// The state, mutable, for restoring a checkpoint (shapes must stay as they are).
    pub fn slots_mut(&mut self) -> &mut [Slot<T>] {
        &mut self.slots
    }
    /// Sets Adam's t, for restoring a checkpoint.
    pub fn set_steps(&mut self, t: u64) {
        self.steps = t;
    }

    /// Copies `other`'s state into this one without allocating (same network shape).
    pub fn copy_state_from(&mut self, other: &Optimizer<T>) {
        self.steps = other.steps;
        // Unused buffers are 0 × 0: nothing to copy, and under SGD (all of them) nothing to see.
        if matches!(other.kind, OptimizerKind::Sgd { .. }) {
            return;
        }
        for (a, b) in self.slots.iter_mut().zip(&other.slots) {
            if !b.m.is_empty() {
                copy(&mut a.m, &b.m);
            }
            if !b.v.is_empty() {
                copy(&mut a.v, &b.v);
            }
        }
    }

    /// Applies one update to every affine layer of `net` from its current dW and db, and
    /// returns whether every new W and b is finite (seen as each is written: a caller that
    /// checks them need not read them again when they are).
    /// Each layer's W and b before the update stay readable (`w_before`, `b_before`).
    pub fn update(&mut self, net: &mut Network<T>) -> bool {
        self.steps += 1;
        let t = self.steps;
        let kind = self.kind;
        let mut slots = self.slots.iter_mut();
        let mut finite = true;
        for layer in net.affines_mut() {
            for (p, old, g) in layer.params_for_update() {
                let slot = slots.next().expect("one slot per parameter");
                let p = p.as_mut_slice();
                finite &= apply(kind, t, p, old.as_slice(), g.as_slice(), slot);
            }
        }
        finite
    }
}

/// Writes every entry of `p` from the value before the update `old`, the gradient `g` and the
/// rule's state; true when every entry written is finite.
fn apply<T: Real>(
    kind: OptimizerKind,
    t: u64,
    p: &mut [T],
    old: &[T],
    g: &[T],
    s: &mut Slot<T>,
) -> bool {
    let mut finite = true;
    let p = p.iter_mut().zip(old);
    match kind {
        OptimizerKind::Sgd { lr } => {
            let lr = T::of(lr);
            for ((p, &o), &g) in p.zip(g) {
                *p = o - lr * g;
                finite &= p.finite();
            }
        }
        OptimizerKind::Momentum { lr, momentum } => {
            let (lr, mu) = (T::of(lr), T::of(momentum));
            for (((p, &o), &g), v) in p.zip(g).zip(s.m.as_mut_slice()) {
                *v = mu * *v + g;
                *p = o - lr * *v;
                finite &= p.finite();
            }
        }
        OptimizerKind::Adam {
            lr,
            beta1,
            beta2,
            eps,
        } => {
            // As Python's `beta ** step` in torch.optim.Adam: f64 `pow`, here libm's for determinism.
            let bc1 = 1.0 - libm::pow(beta1, t as f64);
            let bc2 = 1.0 - libm::pow(beta2, t as f64);
            let step = T::of(lr / bc1);
            let bc2_sqrt = T::of(libm::sqrt(bc2));
            let (w1, b2, w2, eps) = (
                T::of(1.0 - beta1),
                T::of(beta2),
                T::of(1.0 - beta2),
                T::of(eps),
            );
            for ((((p, &o), &g), m), v) in p.zip(g).zip(s.m.as_mut_slice()).zip(s.v.as_mut_slice())
            {
                *m += w1 * (g - *m);
                *v = b2 * *v + w2 * g * g;
                let denom = v.sqrt_m() / bc2_sqrt + eps;
                *p = o - step * (*m / denom);
                finite &= p.finite();
            }
        }
    }
    finite
}
