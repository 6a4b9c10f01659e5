//! Element-wise activations (ReLU, sigmoid, tanh), each caching what its derivative needs.
//!
//! # Shapes
//! x, y, dout, dx: batch × width; the ReLU mask too (1 where x ≤ 0, the unit is blocked).
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
    for (o, &v) in out.iter_mut().zip(x.iter()) {
        *o = act.apply(v);
    }
}

/// An activation layer and its cache.
#[derive(Clone, Debug)]
pub struct Activation<T: Real> {
    act: Act,
    x: DMatrix<T>,
    y: DMatrix<T>,
    mask: DMatrix<u8>,
    dout: DMatrix<T>,
    dx: DMatrix<T>,
}

impl<T: Real> Activation<T> {
    /// A layer applying `act` to `width` units.
    pub fn new(act: Act, width: usize) -> Self {
        Activation {
            act,
            x: DMatrix::zeros(0, width),
            y: DMatrix::zeros(0, width),
            mask: DMatrix::from_element(0, width, 0),
            dout: DMatrix::zeros(0, width),
            dx: DMatrix::zeros(0, width),
        }
    }

    /// The function this layer applies.
    pub fn act(&self) -> Act {
        self.act
    }

    /// Forward: stores x (and for ReLU the mask x ≤ 0) and returns y.
    pub fn forward(&mut self, x: &DMatrix<T>) -> &DMatrix<T> {
        let (n, w) = x.shape();
        fit(&mut self.x, n, w);
        fit(&mut self.y, n, w);
        self.x.copy_from(x);
        activation_into(&mut self.y, &self.x, self.act);
        if self.act == Act::Relu {
            fit(&mut self.mask, n, w);
            for (m, &v) in self.mask.iter_mut().zip(self.x.iter()) {
                *m = u8::from(v <= T::zero());
            }
        }
        &self.y
    }

    /// Backward: stores dout and returns dx.
    pub fn backward(&mut self, dout: &DMatrix<T>) -> &DMatrix<T> {
        let (n, w) = dout.shape();
        fit(&mut self.dout, n, w);
        fit(&mut self.dx, n, w);
        self.dout.copy_from(dout);
        let one = T::one();
        match self.act {
            Act::Relu => {
                for ((d, &g), &m) in self.dx.iter_mut().zip(self.dout.iter()).zip(self.mask.iter()) {
                    *d = if m == 1 { T::zero() } else { g };
                }
            }
            Act::Sigmoid => {
                for ((d, &g), &y) in self.dx.iter_mut().zip(self.dout.iter()).zip(self.y.iter()) {
                    *d = g * y * (one - y);
                }
            }
            Act::Tanh => {
                for ((d, &g), &y) in self.dx.iter_mut().zip(self.dout.iter()).zip(self.y.iter()) {
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

    /// The last input x.
    pub fn x(&self) -> &DMatrix<T> {
        &self.x
    }
    /// The last output y.
    pub fn y(&self) -> &DMatrix<T> {
        &self.y
    }
    /// The ReLU mask of the last forward (1 where x ≤ 0); empty for other activations.
    pub fn mask(&self) -> &DMatrix<u8> {
        &self.mask
    }
    /// The last incoming gradient dL/dy.
    pub fn dout(&self) -> &DMatrix<T> {
        &self.dout
    }
    /// dL/dx.
    pub fn dx(&self) -> &DMatrix<T> {
        &self.dx
    }
}
