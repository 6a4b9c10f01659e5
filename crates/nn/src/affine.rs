//! The affine (fully connected) layer `y = x·W + b`, with everything its backward pass needs.
//!
//! # Shapes
//! x: batch × in, W: in × out, b: 1 × out, y: batch × out.
//!
//! # Derivative
//! Given dout = dL/dy (batch × out): dx = dout·Wᵀ (batch × in), dW = xᵀ·dout (in × out),
//! db = the column sums of dout (1 × out).

use crate::matmul::{Op, fit, matmul};
use crate::real::Real;
use nalgebra::DMatrix;

/// An affine layer and its cache: the last input, output, incoming gradient and gradients.
#[derive(Clone, Debug)]
pub struct Affine<T: Real> {
    w: DMatrix<T>,
    b: DMatrix<T>,
    w_before: DMatrix<T>,
    b_before: DMatrix<T>,
    x: DMatrix<T>,
    y: DMatrix<T>,
    dout: DMatrix<T>,
    dx: DMatrix<T>,
    dw: DMatrix<T>,
    db: DMatrix<T>,
}

/// `out = x·W + b` into a preallocated `out` (batch × out). Shared by training and inference.
pub fn affine_into<T: Real>(out: &mut DMatrix<T>, x: &DMatrix<T>, w: &DMatrix<T>, b: &DMatrix<T>) {
    matmul(out, x, Op::N, w, Op::N);
    for (j, mut col) in out.column_iter_mut().enumerate() {
        let bj = b[(0, j)];
        for v in col.iter_mut() {
            *v += bj;
        }
    }
}

impl<T: Real> Affine<T> {
    /// A layer from ready parameters: `w` is in × out, `b` is 1 × out.
    ///
    /// # Panics
    /// If `b` is not 1 × (columns of `w`); specs are validated before they get here.
    pub fn new(w: DMatrix<T>, b: DMatrix<T>) -> Self {
        assert_eq!((b.nrows(), b.ncols()), (1, w.ncols()), "b must be 1 × out");
        let (i, o) = w.shape();
        Affine {
            w_before: w.clone(),
            b_before: b.clone(),
            w,
            b,
            x: DMatrix::zeros(0, i),
            y: DMatrix::zeros(0, o),
            dout: DMatrix::zeros(0, o),
            dx: DMatrix::zeros(0, i),
            dw: DMatrix::zeros(i, o),
            db: DMatrix::zeros(1, o),
        }
    }

    /// Input width.
    pub fn fan_in(&self) -> usize {
        self.w.nrows()
    }
    /// Output width.
    pub fn fan_out(&self) -> usize {
        self.w.ncols()
    }

    /// Forward: stores `x` and returns `y = x·W + b`.
    pub fn forward(&mut self, x: &DMatrix<T>) -> &DMatrix<T> {
        let (n, (i, o)) = (x.nrows(), self.w.shape());
        fit(&mut self.x, n, i);
        fit(&mut self.y, n, o);
        self.x.copy_from(x);
        affine_into(&mut self.y, &self.x, &self.w, &self.b);
        &self.y
    }

    /// Backward: stores `dout`, fills dW and db, and returns dx.
    pub fn backward(&mut self, dout: &DMatrix<T>) -> &DMatrix<T> {
        let (n, (i, o)) = (dout.nrows(), self.w.shape());
        fit(&mut self.dout, n, o);
        fit(&mut self.dx, n, i);
        self.dout.copy_from(dout);
        matmul(&mut self.dx, &self.dout, Op::N, &self.w, Op::T);
        matmul(&mut self.dw, &self.x, Op::T, &self.dout, Op::N);
        for (j, col) in self.dout.column_iter().enumerate() {
            let mut s = T::zero();
            for &v in col.iter() {
                s += v;
            }
            self.db[(0, j)] = s;
        }
        &self.dx
    }

    /// Keeps a copy of W and b as "before the update", then hands out the parameters (mutable)
    /// and their gradients for an optimizer.
    pub fn params_for_update(
        &mut self,
    ) -> [(&mut DMatrix<T>, &DMatrix<T>); 2] {
        self.w_before.copy_from(&self.w);
        self.b_before.copy_from(&self.b);
        [(&mut self.w, &self.dw), (&mut self.b, &self.db)]
    }

    /// Puts back the parameters saved by the last [`Affine::params_for_update`].
    pub fn restore_params(&mut self) {
        self.w.copy_from(&self.w_before);
        self.b.copy_from(&self.b_before);
    }

    /// Weights W (in × out).
    pub fn w(&self) -> &DMatrix<T> {
        &self.w
    }
    /// Bias b (1 × out).
    pub fn b(&self) -> &DMatrix<T> {
        &self.b
    }
    /// W as it was before the last update.
    pub fn w_before(&self) -> &DMatrix<T> {
        &self.w_before
    }
    /// b as it was before the last update.
    pub fn b_before(&self) -> &DMatrix<T> {
        &self.b_before
    }
    /// The last input x (batch × in).
    pub fn x(&self) -> &DMatrix<T> {
        &self.x
    }
    /// The last output y (batch × out); also called z when an activation follows.
    pub fn y(&self) -> &DMatrix<T> {
        &self.y
    }
    /// The last incoming gradient dL/dy (batch × out).
    pub fn dout(&self) -> &DMatrix<T> {
        &self.dout
    }
    /// dL/dx (batch × in).
    pub fn dx(&self) -> &DMatrix<T> {
        &self.dx
    }
    /// dL/dW (in × out).
    pub fn dw(&self) -> &DMatrix<T> {
        &self.dw
    }
    /// dL/db (1 × out).
    pub fn db(&self) -> &DMatrix<T> {
        &self.db
    }
    /// Mutable weights, for gradient checks and tools that set parameters directly.
    pub fn w_mut(&mut self) -> &mut DMatrix<T> {
        &mut self.w
    }
    /// Mutable bias.
    pub fn b_mut(&mut self) -> &mut DMatrix<T> {
        &mut self.b
    }
}
