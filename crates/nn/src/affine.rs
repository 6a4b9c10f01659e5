//! The affine (fully connected) layer `y = x·W + b`, with everything its backward pass needs.
//!
//! # Shapes
//! x: batch × in, W: in × out, b: 1 × out, y: batch × out.
//!
//! # Derivative
//! Given dout = dL/dy (batch × out): dx = dout·Wᵀ (batch × in), dW = xᵀ·dout (in × out),
//! db = the column sums of dout (1 × out).
//!
//! The layer keeps its own copy of x (backward needs it after later layers have run). Its
//! incoming gradient is not copied: it is the next layer's dx, read through
//! [`crate::Network::dout`].

use crate::matmul::{Kernels, Op, copy, fit, matmul};
use crate::real::Real;
use crate::simd::NATIVE_LANES;
use crate::simd_kernels;
use nalgebra::DMatrix;

/// An affine layer and its cache: parameters before and after the last update, the last input
/// and output, and the gradients.
#[derive(Clone, Debug)]
pub struct Affine<T: Real> {
    w: DMatrix<T>,
    b: DMatrix<T>,
    w_before: DMatrix<T>,
    b_before: DMatrix<T>,
    x: DMatrix<T>,
    y: DMatrix<T>,
    dx: DMatrix<T>,
    dw: DMatrix<T>,
    db: DMatrix<T>,
    /// Whether every entry of y, and of db, was finite as the last forward and backward wrote
    /// them (the step's guard reads these instead of the values again).
    y_finite: bool,
    db_finite: bool,
    kernels: Kernels,
}

/// `out = x·W + b` into a preallocated `out` (batch × out). Shared by training and inference.
pub fn affine_into<T: Real>(
    out: &mut DMatrix<T>,
    x: &DMatrix<T>,
    w: &DMatrix<T>,
    b: &DMatrix<T>,
    kernels: Kernels,
) {
    affine::<false, T>(out, x, w, b, kernels);
}

/// [`affine_into`]; with `CHECK`, returns whether every entry of `out` is finite, seen as the
/// bias is added (without, true).
fn affine<const CHECK: bool, T: Real>(
    out: &mut DMatrix<T>,
    x: &DMatrix<T>,
    w: &DMatrix<T>,
    b: &DMatrix<T>,
    kernels: Kernels,
) -> bool {
    matmul(out, x, Op::N, w, Op::N, kernels);
    let n = out.nrows();
    if n == 0 {
        return true;
    }
    if NATIVE_LANES {
        if let Some(finite) =
            simd_kernels::add_bias::<CHECK, T>(out.as_mut_slice(), b.as_slice(), n)
        {
            return finite;
        }
    }
    // Column-major storage: column j is one contiguous run of n values.
    let mut finite = true;
    for (col, &bj) in out.as_mut_slice().chunks_exact_mut(n).zip(b.as_slice()) {
        for v in col {
            *v += bj;
            if CHECK {
                finite &= v.finite();
            }
        }
    }
    finite
}

/// Σ v in a fixed order: eight interleaved partial sums, then those eight left to right, then
/// the tail. Fixed, so native and wasm agree; interleaved, so the loop vectorises.
pub fn lane_sum<T: Real>(v: &[T]) -> T {
    let mut lanes = [T::zero(); 8];
    let chunks = v.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        for (l, &x) in lanes.iter_mut().zip(c) {
            *l += x;
        }
    }
    let mut s = lanes.iter().fold(T::zero(), |s, &l| s + l);
    for &x in tail {
        s += x;
    }
    s
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
            dx: DMatrix::zeros(0, i),
            dw: DMatrix::zeros(i, o),
            db: DMatrix::zeros(1, o),
            y_finite: true,
            db_finite: true,
            kernels: Kernels::Fast,
        }
    }

    /// How this layer's products are computed (fast by default).
    pub fn kernels(&self) -> Kernels {
        self.kernels
    }
    /// Chooses how this layer's products are computed.
    pub fn set_kernels(&mut self, kernels: Kernels) {
        self.kernels = kernels;
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
        copy(&mut self.x, x);
        self.y_finite = affine::<true, T>(&mut self.y, &self.x, &self.w, &self.b, self.kernels);
        &self.y
    }

    /// Backward: fills dW and db from `dout` = dL/dy and the cached x, and returns dx.
    pub fn backward(&mut self, dout: &DMatrix<T>) -> &DMatrix<T> {
        let (n, i) = (dout.nrows(), self.w.nrows());
        fit(&mut self.dx, n, i);
        matmul(&mut self.dx, dout, Op::N, &self.w, Op::T, self.kernels);
        matmul(&mut self.dw, &self.x, Op::T, dout, Op::N, self.kernels);
        let db = self.db.as_mut_slice();
        self.db_finite = true;
        if n == 0 {
            db.fill(T::zero());
        } else {
            for (d, col) in db.iter_mut().zip(dout.as_slice().chunks_exact(n)) {
                *d = lane_sum(col);
                self.db_finite &= d.finite();
            }
        }
        &self.dx
    }

    /// dW to add a penalty's gradient to, and W (after [`Affine::backward`]).
    pub fn dw_and_w(&mut self) -> (&mut DMatrix<T>, &DMatrix<T>) {
        (&mut self.dw, &self.w)
    }

    /// Starts an update: the current W and b become "before the update" (a buffer swap, not a
    /// copy), and each parameter is handed out as (new value to write, value before, gradient).
    /// The optimizer must write every entry of the new value.
    pub fn params_for_update(&mut self) -> [(&mut DMatrix<T>, &DMatrix<T>, &DMatrix<T>); 2] {
        std::mem::swap(&mut self.w, &mut self.w_before);
        std::mem::swap(&mut self.b, &mut self.b_before);
        [
            (&mut self.w, &self.w_before, &self.dw),
            (&mut self.b, &self.b_before, &self.db),
        ]
    }

    /// Puts back the parameters from before the last [`Affine::params_for_update`].
    pub fn restore_params(&mut self) {
        copy(&mut self.w, &self.w_before);
        copy(&mut self.b, &self.b_before);
    }

    /// Whether every entry of y is finite, as the last [`Affine::forward`] wrote it.
    pub fn y_finite(&self) -> bool {
        self.y_finite
    }
    /// Whether every entry of db is finite, as the last [`Affine::backward`] wrote it.
    pub fn db_finite(&self) -> bool {
        self.db_finite
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
