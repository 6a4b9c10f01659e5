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
//! Each activation's function and derivative are written next to each other below: ReLU
//! (y = x unless x ≤ 0; dx = dout unless masked), sigmoid (dx = dout · y · (1 − y)) and tanh
//! (dx = dout · (1 − y²)).

use crate::matmul::fit;
use crate::real::Real;
use crate::simd::NATIVE_LANES;
use crate::simd_kernels;
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
            Act::Relu => relu(x),
            Act::Sigmoid => sigmoid(x),
            Act::Tanh => tanh(x),
        }
    }
}

// Each activation's function and derivative, side by side. The derivatives take dout and what
// the forward pass cached: the mask for ReLU, y for sigmoid and tanh.

/// ReLU's one rule: a unit is blocked where x ≤ 0 (the article's mask, 1 when blocked).
#[inline(always)]
fn blocked<T: Real>(x: T) -> bool {
    x <= T::zero()
}
/// ReLU: y = x, or 0 where blocked.
#[inline(always)]
fn relu<T: Real>(x: T) -> T {
    if blocked(x) { T::zero() } else { x }
}
/// ReLU′: dx = dout, or 0 where the mask is set.
#[inline(always)]
fn relu_back<T: Real>(dout: T, mask: u8) -> T {
    if mask == 1 { T::zero() } else { dout }
}
/// Sigmoid: y = 1 / (1 + e^(−x)).
#[inline(always)]
fn sigmoid<T: Real>(x: T) -> T {
    x.sigmoid_m()
}
/// Sigmoid′: dx = dout · y · (1 − y).
#[inline(always)]
fn sigmoid_back<T: Real>(dout: T, y: T) -> T {
    dout * y * (T::one() - y)
}
/// tanh: y = tanh(x).
#[inline(always)]
fn tanh<T: Real>(x: T) -> T {
    x.tanh_m()
}
/// tanh′: dx = dout · (1 − y²).
#[inline(always)]
fn tanh_back<T: Real>(dout: T, y: T) -> T {
    dout * (T::one() - y * y)
}

/// `out[i] = f(x[i])`, one loop per function so that each vectorises.
#[inline(always)]
fn map<T: Copy, U: Copy>(out: &mut [T], x: &[U], f: impl Fn(U) -> T) {
    for (o, &v) in out.iter_mut().zip(x) {
        *o = f(v);
    }
}

/// `dx[i] = f′(dout[i], cache[i])`.
#[inline(always)]
fn map2<T: Copy, C: Copy>(dx: &mut [T], dout: &[T], cache: &[C], f: impl Fn(T, C) -> T) {
    for ((d, &g), &c) in dx.iter_mut().zip(dout).zip(cache) {
        *d = f(g, c);
    }
}

/// Values from which tanh and the sigmoid run in four-lane kernels in the page.
const LANES_FROM: usize = 256;

/// `out = act(x)` element-wise into a preallocated `out`. Shared by training and inference.
pub fn activation_into<T: Real>(out: &mut DMatrix<T>, x: &DMatrix<T>, act: Act) {
    let (out, x) = (out.as_mut_slice(), x.as_slice());
    // Short slices (a batch of 10) keep the plain loop: the lanes' constants cost more to set
    // up than they save there.
    let lanes = NATIVE_LANES && act != Act::Relu && x.len() >= LANES_FROM;
    if lanes && simd_kernels::squash(out, x, act == Act::Sigmoid) {
        return;
    }
    match act {
        Act::Relu => map(out, x, relu),
        Act::Sigmoid => map(out, x, sigmoid),
        Act::Tanh => map(out, x, tanh),
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
            fit(&mut self.mask, n, w);
            map(self.mask.as_mut_slice(), x.as_slice(), |v| {
                u8::from(blocked(v))
            });
        }
        activation_into(&mut self.y, x, self.act);
        &self.y
    }

    /// Backward: returns dx for `dout` = dL/dy.
    pub fn backward(&mut self, dout: &DMatrix<T>) -> &DMatrix<T> {
        let (n, w) = dout.shape();
        fit(&mut self.dx, n, w);
        let (dx, g) = (self.dx.as_mut_slice(), dout.as_slice());
        match self.act {
            Act::Relu => map2(dx, g, self.mask.as_slice(), relu_back),
            Act::Sigmoid => map2(dx, g, self.y.as_slice(), sigmoid_back),
            Act::Tanh => map2(dx, g, self.y.as_slice(), tanh_back),
        }
        &self.dx
    }

    /// Units blocked (x ≤ 0) for every sample of the last batch: ReLU only, otherwise none.
    pub fn dead_units(&self) -> Vec<usize> {
        self.dead().collect()
    }

    /// [`Activation::dead_units`] without allocating, in ascending order.
    pub fn dead(&self) -> impl Iterator<Item = usize> + '_ {
        let cols = if self.act == Act::Relu && self.mask.nrows() > 0 {
            self.mask.ncols()
        } else {
            0
        };
        // Column j of the (column-major) mask is one contiguous run of the batch's rows.
        let rows = self.mask.nrows().max(1);
        let columns = self.mask.as_slice().chunks_exact(rows).take(cols);
        columns
            .enumerate()
            .filter(|(_, column)| column.iter().all(|&m| m == 1))
            .map(|(j, _)| j)
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
