//! The article's loss: L = 0.5 · Σ (y − t)², summed over every sample and output.
//!
//! # Shapes
//! y, t, dy: batch × out; L is a scalar.
//!
//! # Derivative
//! dL/dy = y − t: the error that starts the backward pass. The loss phase computes it together
//! with L (one pass over y and t), so y and t need no copy: they are the network's output and
//! the batch's targets.

use crate::matmul::fit;
use crate::real::Real;
use nalgebra::DMatrix;

/// Half the summed squared error, with its cache: the value and dL/dy.
#[derive(Clone, Debug)]
pub struct Mse<T: Real> {
    dy: DMatrix<T>,
    value: T,
}

/// 0.5 · Σ (y − t)², summed in storage order.
pub fn mse_value<T: Real>(y: &DMatrix<T>, t: &DMatrix<T>) -> T {
    let mut s = T::zero();
    for (&a, &b) in y.as_slice().iter().zip(t.as_slice()) {
        let d = a - b;
        s += d * d;
    }
    T::of(0.5) * s
}

impl<T: Real> Default for Mse<T> {
    fn default() -> Self {
        Mse {
            dy: DMatrix::zeros(0, 0),
            value: T::zero(),
        }
    }
}

impl<T: Real> Mse<T> {
    /// Computes and keeps the loss and dL/dy = y − t; returns the loss.
    pub fn forward(&mut self, y: &DMatrix<T>, t: &DMatrix<T>) -> T {
        let (n, w) = y.shape();
        fit(&mut self.dy, n, w);
        let mut s = T::zero();
        for ((d, &a), &b) in self
            .dy
            .as_mut_slice()
            .iter_mut()
            .zip(y.as_slice())
            .zip(t.as_slice())
        {
            *d = a - b;
            s += *d * *d;
        }
        self.value = T::of(0.5) * s;
        self.value
    }

    /// dL/dy = y − t from the last forward: the start of the backward pass.
    pub fn backward(&self) -> &DMatrix<T> {
        &self.dy
    }

    /// The last loss value.
    pub fn value(&self) -> T {
        self.value
    }
    /// The last dL/dy.
    pub fn dy(&self) -> &DMatrix<T> {
        &self.dy
    }
}
