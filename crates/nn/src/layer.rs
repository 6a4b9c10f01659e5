//! One entry of a network's layer list: an affine layer or an activation.

use crate::activation::{Act, Activation};
use crate::affine::Affine;
use crate::real::Real;
use nalgebra::DMatrix;

/// A layer of the network, in the order of the spec's `layers` list.
// A network holds a handful of long-lived layers, so the size difference between the variants
// costs nothing; boxing the affine layer would add an indirection to every micro-step.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Layer<T: Real> {
    /// `y = x·W + b`.
    Affine(Affine<T>),
    /// An element-wise activation.
    Act(Activation<T>),
}

impl<T: Real> Layer<T> {
    /// The spec's name for this layer: `affine`, `relu`, `sigmoid` or `tanh`.
    pub fn kind(&self) -> &'static str {
        match self {
            Layer::Affine(_) => "affine",
            Layer::Act(a) => a.act().name(),
        }
    }

    /// Forward through this layer; the result stays readable as [`Layer::y`].
    pub fn forward(&mut self, x: &DMatrix<T>) -> &DMatrix<T> {
        match self {
            Layer::Affine(l) => l.forward(x),
            Layer::Act(l) => l.forward(x),
        }
    }

    /// Backward through this layer; the result stays readable as [`Layer::dx`].
    pub fn backward(&mut self, dout: &DMatrix<T>) -> &DMatrix<T> {
        match self {
            Layer::Affine(l) => l.backward(dout),
            Layer::Act(l) => l.backward(dout),
        }
    }

    /// The last output.
    pub fn y(&self) -> &DMatrix<T> {
        match self {
            Layer::Affine(l) => l.y(),
            Layer::Act(l) => l.y(),
        }
    }
    /// The last dL/dx.
    pub fn dx(&self) -> &DMatrix<T> {
        match self {
            Layer::Affine(l) => l.dx(),
            Layer::Act(l) => l.dx(),
        }
    }
    /// The affine layer inside, if this is one.
    pub fn as_affine(&self) -> Option<&Affine<T>> {
        match self {
            Layer::Affine(l) => Some(l),
            Layer::Act(_) => None,
        }
    }
    /// The activation inside, if this is one.
    pub fn as_act(&self) -> Option<&Activation<T>> {
        match self {
            Layer::Act(l) => Some(l),
            Layer::Affine(_) => None,
        }
    }
    /// The activation function, if this is an activation.
    pub fn act(&self) -> Option<Act> {
        self.as_act().map(Activation::act)
    }
}
