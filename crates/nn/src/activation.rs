//! Element-wise activations (ReLU, sigmoid, tanh), each caching what its derivative needs.
//!
//! # Shapes
//! x, y, dout, dx: batch × width; the ReLU mask too (1 where x ≤ 0, the unit is blocked).
//!
//! The layer caches what its derivative needs (the mask for ReLU, y for sigmoid and tanh) and
//! its results; its input x and incoming gradient are the neighbouring layers' caches, read
//! through [`crate::Network::input`] and [`crate::Network::dout`].
//!
//! # Derivatives
//! - ReLU: y = x where x > 0, else 0; dx = dout where the mask is 0, else 0.
//! - sigmoid: y = 1 / (1 + e^(−x)); dx = dout · y · (1 − y).
//! - tanh: y = tanh(x); dx = dout · (1 − y²).

use crate::matmul::fit;
use crate::real::Real;
use nalgebra::DMatrix;

/// Which element-wise function a layer applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// max(0, x), blocking where x ≤ 0 (the article's mask).
    Relu,
    /// The logistic function.
    Sigmoid,
    /// The hyperbolic tangent.
    Tanh,
}

impl Act {
    /// The lower-case name used in specs and traces.
    pub fn name(self) -> &'static str {
        match self {
            Act::Relu => "relu",
            Act::Sigmoid => "sigmoid",
            Act::Tanh => "tanh",
        }
    }

    /// The function of one value.
    pub fn apply<T: Real>(self, x: T) -> T {
        match self {
            Act::Relu => {
                if x <= T::zero() {
                    T::zero()
                } else {
                    x
                }
            }
            Act::Sigmoid => T::one() / (T::one() + (-x).exp_m()),
            Act::Tanh => x.tanh_m(),
        }
    }
}

/// `out = act(x)` element-wise into a preallocated `out`. Shared by training and inference.
pub fn activation_into<T: Real>(out: &mut DMatrix<T>, x: &DMatrix<T>, act: Act) {
    for (o, &v) in out.as_mut_slice().iter_mut().zip(x.as_slice()) {
        *o = act.apply(v);
    }
}

/// An activation layer and its cache.
#[derive(Clone, Debug)]
pub struct Activation<T: Real> {
    act: Act,
    y: DMatrix<T>,
    mask: DMatrix<u8>,
    dx: DMatrix<T>,
}

impl<T: Real> Activation<T> {
    /// A layer applying `act` to `width` units.
    pub fn new(act: Act, width: usize) -> Self {
        Activation {
            act,
            y: DMatrix::zeros(0, width),
            mask: DMatrix::from_element(0, width, 0),
            dx: DMatrix::zeros(0, width),
        }
    }

    /// The function this layer applies.
    pub fn act(&self) -> Act {
        self.act
    }

    /// Forward: computes y (and for ReLU stores the mask x ≤ 0) and returns y.
    pub fn forward(&mut self, x: &DMatrix<T>) -> &DMatrix<T> {
        let (n, w) = x.shape();
        fit(&mut self.y, n, w);
        if self.act == Act::Relu {
            // y and the mask in one pass.
            fit(&mut self.mask, n, w);
            let out = self
                .y
                .as_mut_slice()
                .iter_mut()
                .zip(self.mask.as_mut_slice());
            for ((y, m), &v) in out.zip(x.as_slice()) {
                let blocked = v <= T::zero();
                *m = u8::from(blocked);
                *y = if blocked { T::zero() } else { v };
            }
        } else {
            activation_into(&mut self.y, x, self.act);
        }
        &self.y
    }

    /// Backward: returns dx for `dout` = dL/dy.
    pub fn backward(&mut self, dout: &DMatrix<T>) -> &DMatrix<T> {
        let (n, w) = dout.shape();
        fit(&mut self.dx, n, w);
        let one = T::one();
        let (dx, g) = (self.dx.as_mut_slice(), dout.as_slice());
        match self.act {
            Act::Relu => {
                for ((d, &g), &m) in dx.iter_mut().zip(g).zip(self.mask.as_slice()) {
                    *d = if m == 1 { T::zero() } else { g };
                }
            }
            Act::Sigmoid => {
                for ((d, &g), &y) in dx.iter_mut().zip(g).zip(self.y.as_slice()) {
                    *d = g * y * (one - y);
                }
            }
            Act::Tanh => {
                for ((d, &g), &y) in dx.iter_mut().zip(g).zip(self.y.as_slice()) {
                    *d = g * (one - y * y);
                }
            }
        }
        &self.dx
    }

    /// Units blocked (x ≤ 0) for every sample of the last batch: ReLU only, otherwise none.
    pub fn dead_units(&self) -> Vec<usize> {
        if self.act != Act::Relu || self.mask.nrows() == 0 {
            return Vec::new();
        }
        (0..self.mask.ncols())
            .filter(|&j| self.mask.column(j).iter().all(|&m| m == 1))
            .collect()
    }

    /// The last output y.
    pub fn y(&self) -> &DMatrix<T> {
        &self.y
    }
    /// The ReLU mask of the last forward (1 where x ≤ 0); empty for other activations.
    pub fn mask(&self) -> &DMatrix<u8> {
        &self.mask
    }
    /// dL/dx.
    pub fn dx(&self) -> &DMatrix<T> {
        &self.dx
    }
}
