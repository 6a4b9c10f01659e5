//! Typed-array views: where each matrix the page draws lives in wasm memory, and its shape.
//!
//! A matrix is named by (layer, what). `layer` indexes the spec's layers; [`LOSS`] names the
//! loss and the batch, [`DATA`] the data set, [`GRID`] + i the grid output of layer i. JS reads
//! `ptr`, `rows` and `cols`, then builds a `Float32Array` (a `Uint8Array` for masks) over
//! `memory.buffer`, column-major. Pointers change when a buffer is resized (a new batch size,
//! a reset), so JS asks again each frame; that costs three calls, not a copy.

use crate::trainer::Trainer;
use backstep_nn::{Layer, workloads};
use nalgebra::DMatrix;
use wasm_bindgen::prelude::*;

/// `layer` value naming the loss and the current batch.
pub const LOSS: usize = 1000;
/// `layer` value naming the data set.
pub const DATA: usize = 1001;
/// `layer` values from here name the decision-boundary grid: GRID + i is layer i's output.
pub const GRID: usize = 2000;

/// What to view (the `what` argument). Layer quantities:
/// 0 input x, 1 output y, 2 incoming gradient dout, 3 dx, 4 W, 5 b, 6 dW, 7 db, 8 W before the
/// update, 9 b before the update, 10 the ReLU mask (u8, 1 where x ≤ 0).
/// With [`LOSS`]: 0 batch x, 1 prediction y, 11 batch targets t, 12 dL/dy.
/// With [`DATA`]: 0 x, 11 t, 13 test x, 14 test t. With [`GRID`]: 0 the grid points.
pub mod what {
    /// Input x.
    pub const X: u32 = 0;
    /// Output y.
    pub const Y: u32 = 1;
    /// Incoming gradient.
    pub const DOUT: u32 = 2;
    /// dL/dx.
    pub const DX: u32 = 3;
    /// Weights.
    pub const W: u32 = 4;
    /// Bias.
    pub const B: u32 = 5;
    /// dL/dW.
    pub const DW: u32 = 6;
    /// dL/db.
    pub const DB: u32 = 7;
    /// W before the last update.
    pub const W_BEFORE: u32 = 8;
    /// b before the last update.
    pub const B_BEFORE: u32 = 9;
    /// ReLU mask.
    pub const MASK: u32 = 10;
    /// Targets.
    pub const T: u32 = 11;
    /// dL/dy.
    pub const DY: u32 = 12;
    /// Test inputs.
    pub const X_TEST: u32 = 13;
    /// Test targets.
    pub const T_TEST: u32 = 14;
}

impl Trainer {
    fn matrix(&self, layer: usize, w: u32) -> Option<&DMatrix<f32>> {
        let s = &self.session;
        let net = s.network();
        match layer {
            LOSS => match w {
                what::X => Some(s.batch_x()),
                what::Y => net.layers().last().map(Layer::y),
                what::T => Some(s.batch_t()),
                what::DY => Some(net.loss().dy()),
                _ => None,
            },
            DATA => match w {
                what::X => Some(s.x()),
                what::T => Some(s.t()),
                what::X_TEST => Some(s.x_test()),
                what::T_TEST => Some(s.t_test()),
                _ => None,
            },
            GRID => Some(&self.grid),
            g if g > GRID => self.infer.outputs().get(g - GRID - 1),
            i if i < net.layers().len() => {
                let l = &net.layers()[i];
                let a = l.as_affine();
                match w {
                    what::X => Some(net.input(i, s.batch_x())),
                    what::Y => Some(l.y()),
                    what::DOUT => Some(net.dout(i)),
                    what::DX => Some(l.dx()),
                    what::W => a.map(|a| a.w()),
                    what::B => a.map(|a| a.b()),
                    what::DW => a.map(|a| a.dw()),
                    what::DB => a.map(|a| a.db()),
                    what::W_BEFORE => a.map(|a| a.w_before()),
                    what::B_BEFORE => a.map(|a| a.b_before()),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl Trainer {
    /// (pointer, rows, cols) of a matrix: the u8 ReLU mask or an f32 matrix.
    fn view(&self, layer: usize, w: u32) -> Option<(usize, usize, usize)> {
        if w == what::MASK {
            let act = self.session.network().layers().get(layer)?.as_act()?;
            let m = act.mask();
            return Some((m.as_ptr() as usize, m.nrows(), m.ncols()));
        }
        self.matrix(layer, w)
            .map(|m| (m.as_ptr() as usize, m.nrows(), m.ncols()))
    }
}

#[wasm_bindgen]
impl Trainer {
    /// Where the matrix starts in wasm memory (0 if there is no such matrix).
    pub fn ptr(&self, layer: usize, what: u32) -> usize {
        self.view(layer, what).map_or(0, |v| v.0)
    }
    /// Its rows (0 if there is no such matrix).
    pub fn rows(&self, layer: usize, what: u32) -> usize {
        self.view(layer, what).map_or(0, |v| v.1)
    }
    /// Its columns (0 if there is no such matrix).
    pub fn cols(&self, layer: usize, what: u32) -> usize {
        self.view(layer, what).map_or(0, |v| v.2)
    }

    /// Runs a `side` × `side` grid over [x0, x1] × [y0, y1] through the network in one batched
    /// forward pass (the training caches are untouched). The outputs are then viewable as
    /// `GRID + 1 + i` for layer i, one row per grid point, row-major from the top-left.
    pub fn grid(&mut self, side: usize, x0: f32, x1: f32, y0: f32, y1: f32) {
        let side = side.clamp(2, 200);
        if self.grid.nrows() != side * side {
            self.grid = workloads::grid(side);
        }
        let at = |k: usize, lo: f32, hi: f32| lo + (hi - lo) * (k as f32 + 0.5) / side as f32;
        for r in 0..side * side {
            self.grid[(r, 0)] = at(r % side, x0, x1);
            self.grid[(r, 1)] = at(side - 1 - r / side, y0, y1);
        }
        if self.session.x().ncols() == 2 {
            self.infer.run(self.session.network(), &self.grid);
        }
    }
}
