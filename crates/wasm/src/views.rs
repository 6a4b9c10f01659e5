//! Typed-array views: where each matrix the page draws lives in wasm memory, and its shape.
//!
//! A matrix is named by (layer, what). `layer` indexes the spec's layers, or is a [`Slot`]: the
//! loss and the batch, the data set, the grid (`Grid + 1 + i`: layer i's output on the grid). JS reads
//! `ptr`, `rows` and `cols`, then builds a `Float32Array` (a `Uint8Array` for masks) over
//! `memory.buffer`, column-major. Pointers change when a buffer is resized (a new batch size,
//! a reset), so JS asks again each frame; that costs three calls, not a copy.

use crate::trainer::Trainer;
use backstep_lesson::MicroStep;
use backstep_lesson::glass::inspect::has_run;
use backstep_nn::Layer;
use backstep_nn::features::features_into;
use backstep_nn::loss::{LossKind, softmax_into};
use nalgebra::DMatrix;
use wasm_bindgen::prelude::*;

/// `layer` values that name something other than a layer of the spec (exported to JS as
/// `Slot`, so the page never retypes the numbers).
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum Slot {
    /// The loss and the current batch.
    Loss = 1000,
    /// The data set.
    Data = 1001,
    /// The decision-boundary grid's points; `Grid + 1 + i` is layer i's output on the grid.
    Grid = 2000,
}

const LOSS: usize = Slot::Loss as usize;
const DATA: usize = Slot::Data as usize;
const GRID: usize = Slot::Grid as usize;

/// What to view (the `what` argument, exported to JS as `What`). With a layer index: its input
/// x, output y, incoming gradient dout, dx, W, b, dW, db, W and b before the update, the ReLU
/// mask (u8, 1 where x ≤ 0). With [`Slot::Loss`]: X the batch, Y the prediction, T the batch
/// targets, DY dL/dy, P softmax(y) (softmax cross-entropy only; 0 × 0 otherwise). With
/// [`Slot::Data`]: X, T, XTest, TTest. With [`Slot::Grid`]: X, and P the softmax of the grid's
/// last output (softmax cross-entropy only).
#[wasm_bindgen]
#[derive(Clone, Copy)]
pub enum What {
    /// Input x.
    X = 0,
    /// Output y.
    Y = 1,
    /// Incoming gradient.
    Dout = 2,
    /// dL/dx.
    Dx = 3,
    /// Weights.
    W = 4,
    /// Bias.
    B = 5,
    /// dL/dW.
    Dw = 6,
    /// dL/db.
    Db = 7,
    /// W before the last update.
    WBefore = 8,
    /// b before the last update.
    BBefore = 9,
    /// ReLU mask.
    Mask = 10,
    /// Targets.
    T = 11,
    /// dL/dy.
    Dy = 12,
    /// Test inputs.
    XTest = 13,
    /// Test targets.
    TTest = 14,
    /// p = softmax(y), under softmax cross-entropy.
    P = 15,
    /// The data's points in the plane (x₁, x₂), whatever features the network takes.
    Plane = 16,
    /// The test points in the plane.
    PlaneTest = 17,
}

/// The `what` numbers as constants, for matching.
mod what {
    use super::What;
    pub const X: u32 = What::X as u32;
    pub const Y: u32 = What::Y as u32;
    pub const DOUT: u32 = What::Dout as u32;
    pub const DX: u32 = What::Dx as u32;
    pub const W: u32 = What::W as u32;
    pub const B: u32 = What::B as u32;
    pub const DW: u32 = What::Dw as u32;
    pub const DB: u32 = What::Db as u32;
    pub const W_BEFORE: u32 = What::WBefore as u32;
    pub const B_BEFORE: u32 = What::BBefore as u32;
    pub const MASK: u32 = What::Mask as u32;
    pub const T: u32 = What::T as u32;
    pub const DY: u32 = What::Dy as u32;
    pub const X_TEST: u32 = What::XTest as u32;
    pub const T_TEST: u32 = What::TTest as u32;
    pub const P: u32 = What::P as u32;
    pub const PLANE: u32 = What::Plane as u32;
    pub const PLANE_TEST: u32 = What::PlaneTest as u32;
}

impl Trainer {
    fn matrix(&self, layer: usize, w: u32) -> Option<&DMatrix<f32>> {
        let s = self.session();
        let net = s.network();
        match layer {
            LOSS => match w {
                what::X => Some(s.batch_x()),
                what::Y => net.layers().last().map(Layer::y),
                what::T => Some(s.batch_t()),
                what::DY => Some(net.loss().dy()),
                what::P => Some(net.loss().probabilities()),
                _ => None,
            },
            DATA => match w {
                what::X => Some(s.x()),
                what::T => Some(s.t()),
                what::X_TEST => Some(s.x_test()),
                what::T_TEST => Some(s.t_test()),
                what::PLANE => Some(self.plane.as_ref().map_or(s.x(), |p| &p.0)),
                what::PLANE_TEST => Some(self.plane.as_ref().map_or(s.x_test(), |p| &p.1)),
                _ => None,
            },
            GRID if w == what::P => Some(&self.grid_p),
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
            let act = self.session().network().layers().get(layer)?.as_act()?;
            let m = act.mask();
            return Some((m.as_ptr() as usize, m.nrows(), m.ncols()));
        }
        self.matrix(layer, w)
            .map(|m| (m.as_ptr() as usize, m.nrows(), m.ncols()))
    }
}

#[wasm_bindgen]
impl Trainer {
    /// Whether matrix (layer, what) holds numbers this run has computed: a gradient once the
    /// backward pass has reached it, W and b before the update once an update has run (in this
    /// step, or in any completed step). Before that the page shows "not yet", never the zeros
    /// the buffers start with. Inputs, outputs, W, b and targets: always.
    pub fn computed(&self, layer: usize, what: u32) -> bool {
        let s = self.session();
        if s.steps() > 0 {
            return true;
        }
        let n = s.network().layers().len();
        let ran = |ms| has_run(s, ms);
        // The gradient into layer i's output: from the loss for the last layer, else from the
        // backward pass of the layer after it.
        let dout = |i: usize| {
            if i + 1 >= n {
                ran(MicroStep::Loss)
            } else {
                ran(MicroStep::Backward(i + 1))
            }
        };
        match (layer, what) {
            (LOSS, what::DY) => ran(MicroStep::Loss),
            (i, what::DOUT) if i < n => dout(i),
            (i, what::DX | what::DW | what::DB) if i < n => ran(MicroStep::Backward(i)),
            (_, what::W_BEFORE | what::B_BEFORE) => ran(MicroStep::Update),
            _ => true,
        }
    }
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
            self.grid = DMatrix::zeros(side * side, 2);
        }
        let at = |k: usize, lo: f32, hi: f32| lo + (hi - lo) * (k as f32 + 0.5) / side as f32;
        for r in 0..side * side {
            self.grid[(r, 0)] = at(r % side, x0, x1);
            self.grid[(r, 1)] = at(side - 1 - r / side, y0, y1);
        }
        let net = self.course.run().session().network();
        let softmax = net.loss().kind() == LossKind::SoftmaxCrossEntropy;
        if let Some(features) = &self.features {
            // The grid's points go through the run's features, as the data did.
            features_into(&mut self.grid_features, &self.grid, features);
        }
        let input = if self.features.is_some() {
            &self.grid_features
        } else {
            &self.grid
        };
        if input.ncols() == self.session().x().ncols() {
            let y = self.infer.run(net, input);
            if softmax {
                softmax_into(&mut self.grid_p, y);
            }
        }
        if !softmax && self.grid_p.nrows() > 0 {
            self.grid_p = DMatrix::zeros(0, 0);
        }
    }
}
