//! Forward passes that leave the training caches alone: for the loss on the whole set or the test
//! set, and for the decision-boundary grid, where every neuron's output over the grid is kept.

use crate::activation::activation_into;
use crate::affine::affine_into;
use crate::layer::Layer;
use crate::matmul::fit;
use crate::network::Network;
use crate::real::Real;
use nalgebra::DMatrix;

/// Preallocated outputs, one matrix per layer; reused across calls of the same batch size.
#[derive(Clone, Debug, Default)]
pub struct Inference<T: Real> {
    outs: Vec<DMatrix<T>>,
}

impl<T: Real> Inference<T> {
    /// Empty buffers; the first [`Inference::run`] sizes them.
    pub fn new() -> Self {
        Inference { outs: Vec::new() }
    }

    /// Runs `x` (samples × features) through `net` and returns the final output.
    pub fn run<'a>(&'a mut self, net: &Network<T>, x: &'a DMatrix<T>) -> &'a DMatrix<T> {
        let layers = net.layers();
        self.outs.resize_with(layers.len(), || DMatrix::zeros(0, 0));
        for (i, layer) in layers.iter().enumerate() {
            let (done, rest) = self.outs.split_at_mut(i);
            let input = done.last().unwrap_or(x);
            let out = &mut rest[0];
            match layer {
                Layer::Affine(a) => {
                    fit(out, input.nrows(), a.fan_out());
                    affine_into(out, input, a.w(), a.b(), a.kernels());
                }
                Layer::Act(a) => {
                    fit(out, input.nrows(), input.ncols());
                    activation_into(out, input, a.act());
                }
            }
        }
        self.outs.last().unwrap_or(x)
    }

    /// Every layer's output from the last run (samples × width each).
    pub fn outputs(&self) -> &[DMatrix<T>] {
        &self.outs
    }

    /// The loss of `net` on (x, t), as a step takes it: its loss summed over the set (0.5·Σ(y − t)²
    /// for `mse`), plus its penalty on the weights if any; zero for an empty set.
    pub fn loss(&mut self, net: &Network<T>, x: &DMatrix<T>, t: &DMatrix<T>) -> T {
        if x.nrows() == 0 {
            return T::zero();
        }
        let y = self.run(net, x);
        let data = net.loss().kind().value(y, t);
        match net.penalty() {
            None => data,
            Some(_) => data + net.penalty_value(),
        }
    }
}
