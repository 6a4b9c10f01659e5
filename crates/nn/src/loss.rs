//! The article's loss: L = 0.5 · Σ (y − t)², summed over every sample and output.
//!
//! # Shapes
//! y, t, dy: batch × out; L is a scalar.
//!
//! # Derivative
//! dL/dy = y − t: the error that starts the backward pass.

use crate::matmul::fit;
use crate::real::Real;
use nalgebra::DMatrix;

/// Half the summed squared error, with its cache.
#[derive(Clone, Debug)]
pub struct Mse<T: Real> {
    y: DMatrix<T>,
    t: DMatrix<T>,
    dy: DMatrix<T>,
    value: T,
}

/// 0.5 · Σ (y − t)², summed in storage order.
pub fn mse_value<T: Real>(y: &DMatrix<T>, t: &DMatrix<T>) -> T {
    let mut s = T::zero();
    for (&a, &b) in y.iter().zip(t.iter()) {
        let d = a - b;
        s += d * d;
    }
    T::of(0.5) * s
}

impl<T: Real> Default for Mse<T> {
    fn default() -> Self {
        Mse {
            y: DMatrix::zeros(0, 0),
            t: DMatrix::zeros(0, 0),
            dy: DMatrix::zeros(0, 0),
            value: T::zero(),
        }
    }
}

impl<T: Real> Mse<T> {
    /// Stores y and t and returns the loss.
    pub fn forward(&mut self, y: &DMatrix<T>, t: &DMatrix<T>) -> T {
        let (n, w) = y.shape();
        fit(&mut self.y, n, w);
        fit(&mut self.t, n, w);
        self.y.copy_from(y);
        self.t.copy_from(t);
        self.value = mse_value(&self.y, &self.t);
        self.value
    }

    /// Returns dL/dy = y − t for the stored y and t.
    pub fn backward(&mut self) -> &DMatrix<T> {
        let (n, w) = self.y.shape();
        fit(&mut self.dy, n, w);
        for ((d, &a), &b) in self.dy.iter_mut().zip(self.y.iter()).zip(self.t.iter()) {
            *d = a - b;
        }
        &self.dy
    }

    /// The last loss value.
    pub fn value(&self) -> T {
        self.value
    }
    /// The last prediction y.
    pub fn y(&self) -> &DMatrix<T> {
        &self.y
    }
    /// The last target t.
    pub fn t(&self) -> &DMatrix<T> {
        &self.t
    }
    /// The last dL/dy.
    pub fn dy(&self) -> &DMatrix<T> {
        &self.dy
    }
}
