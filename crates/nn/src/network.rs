//! A stack of layers and the loss, with forward, loss and backward callable one layer at a time.
//!
//! Layer i reads its input from layer i−1's cached output (layer 0 from the batch), and its
//! incoming gradient from layer i+1's cached dx (the last layer from the loss's dL/dy).
//! An optional penalty on the weights ([`crate::regularize`]) joins the loss in the loss phase
//! and each affine layer's dW in its backward.

use crate::affine::Affine;
use crate::layer::Layer;
use crate::loss::{Loss, LossKind};
use crate::matmul::Kernels;
use crate::real::Real;
use crate::regularize::Penalty;
use nalgebra::DMatrix;

/// Layers plus the loss. Build it with [`Network::new`] (`backstep-lesson` builds one from a spec).
#[derive(Clone, Debug)]
pub struct Network<T: Real> {
    layers: Vec<Layer<T>>,
    loss: Loss<T>,
    penalty: Option<Penalty>,
}

impl<T: Real> Network<T> {
    /// A network from ready layers with the article's loss (`mse`) and no penalty (shapes are
    /// validated by the spec before this point).
    pub fn new(layers: Vec<Layer<T>>) -> Self {
        Network::with_loss(layers, LossKind::Mse, None)
    }

    /// A network from ready layers with the loss `kind` and an optional penalty on every W.
    pub fn with_loss(layers: Vec<Layer<T>>, kind: LossKind, penalty: Option<Penalty>) -> Self {
        Network {
            layers,
            loss: Loss::new(kind),
            penalty,
        }
    }

    /// The penalty on the weights, if any.
    pub fn penalty(&self) -> Option<Penalty> {
        self.penalty
    }

    /// The penalty's value at the current weights (0 without one): its term of the loss.
    pub fn penalty_value(&self) -> T {
        self.penalty.map_or(T::zero(), |p| {
            self.affines().fold(T::zero(), |s, a| s + p.value(a.w()))
        })
    }

    /// The layers, in order.
    pub fn layers(&self) -> &[Layer<T>] {
        &self.layers
    }
    /// Mutable layers, for optimizers and gradient checks.
    pub fn layers_mut(&mut self) -> &mut [Layer<T>] {
        &mut self.layers
    }
    /// The loss and its cache.
    pub fn loss(&self) -> &Loss<T> {
        &self.loss
    }
    /// The affine layers, in order.
    pub fn affines(&self) -> impl Iterator<Item = &Affine<T>> {
        self.layers.iter().filter_map(Layer::as_affine)
    }
    /// Chooses how every affine layer computes its products ([`Kernels::Portable`] for the same
    /// bits on every machine).
    pub fn set_kernels(&mut self, kernels: Kernels) {
        for a in self.affines_mut() {
            a.set_kernels(kernels);
        }
    }
    /// The affine layers, mutable, in order.
    pub fn affines_mut(&mut self) -> impl Iterator<Item = &mut Affine<T>> {
        self.layers.iter_mut().filter_map(|l| match l {
            Layer::Affine(a) => Some(a),
            Layer::Act(_) => None,
        })
    }
    /// The output of the last forward pass through every layer.
    pub fn output(&self) -> &DMatrix<T> {
        self.layers
            .last()
            .expect("a network has at least one layer")
            .y()
    }

    /// The input of layer `i` in the last forward pass: the previous layer's output, or for
    /// layer 0 the `batch` it was given.
    pub fn input<'a>(&'a self, i: usize, batch: &'a DMatrix<T>) -> &'a DMatrix<T> {
        if i == 0 {
            batch
        } else {
            self.layers[i - 1].y()
        }
    }

    /// The gradient that flows into layer `i` from above in the last backward pass: the next
    /// layer's dx, or for the last layer dL/dy of the loss.
    pub fn dout(&self, i: usize) -> &DMatrix<T> {
        self.layers.get(i + 1).map_or(self.loss.dy(), Layer::dx)
    }

    /// Forward through layer `i` (layer 0 reads `x`, later ones the previous output).
    pub fn forward_layer(&mut self, i: usize, x: &DMatrix<T>) -> &DMatrix<T> {
        let (before, rest) = self.layers.split_at_mut(i);
        let input = before.last().map_or(x, Layer::y);
        rest[0].forward(input)
    }

    /// The loss of the last output against `t`, plus the penalty's term if there is one.
    pub fn loss_forward(&mut self, t: &DMatrix<T>) -> T {
        let y = self
            .layers
            .last()
            .expect("a network has at least one layer")
            .y();
        let data = self.loss.forward(y, t);
        match self.penalty {
            None => data,
            Some(_) => data + self.penalty_value(),
        }
    }

    /// dL/dy of the loss (computed with the loss), the start of the backward pass.
    pub fn loss_backward(&self) -> &DMatrix<T> {
        self.loss.backward()
    }

    /// Backward through layer `i` (the last layer reads dL/dy, earlier ones the next layer's dx).
    pub fn backward_layer(&mut self, i: usize) -> &DMatrix<T> {
        let (head, after) = self.layers.split_at_mut(i + 1);
        let dout = after.first().map_or(self.loss.dy(), Layer::dx);
        head[i].backward(dout);
        if let (Layer::Affine(a), Some(p)) = (&mut head[i], self.penalty) {
            let (dw, w) = a.dw_and_w();
            p.add_gradient(dw, w);
        }
        head[i].dx()
    }

    /// Forward through every layer, then the loss against `t`; returns the loss.
    pub fn forward_loss(&mut self, x: &DMatrix<T>, t: &DMatrix<T>) -> T {
        for i in 0..self.layers.len() {
            self.forward_layer(i, x);
        }
        self.loss_forward(t)
    }

    /// dL/dy, then backward through every layer, last to first.
    pub fn backward(&mut self) {
        self.loss_backward();
        for i in (0..self.layers.len()).rev() {
            self.backward_layer(i);
        }
    }
}
