//! A penalty on the affine layers' weights W (never on b), as TF Playground offers it; its value
//! beside its gradient.
//!
//! - `l2`: R = ½ · r · Σ W²; dR/dW = r · W.
//! - `l1`: R = r · Σ |W|; dR/dW = r · sign(W), with sign(0) = 0.
//!
//! The step's loss is the data's loss plus R of every affine layer's W, taken in the loss phase
//! (before the update); each affine layer's dW is the gradient of that loss: its backward adds
//! dR/dW to xᵀ·dout.

use crate::real::Real;
use nalgebra::DMatrix;

/// Which penalty: the one place their names live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PenaltyKind {
    /// r · Σ |W|.
    L1,
    /// ½ · r · Σ W².
    L2,
}

impl PenaltyKind {
    /// Every penalty, in menu order.
    pub const ALL: [PenaltyKind; 2] = [PenaltyKind::L1, PenaltyKind::L2];

    /// The spec's name.
    pub fn name(self) -> &'static str {
        match self {
            PenaltyKind::L1 => "l1",
            PenaltyKind::L2 => "l2",
        }
    }
    /// The penalty named `name`, if any.
    pub fn parse(name: &str) -> Option<PenaltyKind> {
        PenaltyKind::ALL.into_iter().find(|k| k.name() == name)
    }
    /// Every name, for messages: `` `l1`, `l2` ``.
    pub fn names() -> String {
        let names: Vec<String> = PenaltyKind::ALL
            .iter()
            .map(|k| format!("`{}`", k.name()))
            .collect();
        names.join(", ")
    }
}

/// A penalty and its rate r (finite, ≥ 0; checked by the spec's validation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Penalty {
    /// L1 or L2.
    pub kind: PenaltyKind,
    /// The rate r.
    pub rate: f64,
}

impl Penalty {
    /// R(W), summed in storage order.
    pub fn value<T: Real>(&self, w: &DMatrix<T>) -> T {
        let mut s = T::zero();
        match self.kind {
            PenaltyKind::L1 => {
                for &v in w.as_slice() {
                    s += v.abs();
                }
                T::of(self.rate) * s
            }
            PenaltyKind::L2 => {
                for &v in w.as_slice() {
                    s += v * v;
                }
                T::of(0.5) * T::of(self.rate) * s
            }
        }
    }

    /// Adds dR/dW to `dw` (r · W or r · sign(W)).
    pub fn add_gradient<T: Real>(&self, dw: &mut DMatrix<T>, w: &DMatrix<T>) {
        let r = T::of(self.rate);
        let pairs = dw.as_mut_slice().iter_mut().zip(w.as_slice());
        match self.kind {
            PenaltyKind::L1 => {
                for (d, &v) in pairs {
                    if v > T::zero() {
                        *d += r;
                    } else if v < T::zero() {
                        *d -= r;
                    }
                }
            }
            PenaltyKind::L2 => {
                for (d, &v) in pairs {
                    *d += r * v;
                }
            }
        }
    }
}
