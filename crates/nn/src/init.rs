//! Weight initialisation schemes. Biases always start at zero, as in the article.
//!
//! - `Normal`: W = randn(in, out) from the PyTorch-compatible generator, as the article does.
//! - `He`: randn(in, out) · √(2 / in), for ReLU nets.
//! - `Glorot`: uniform on [−a, a] with a = √(6 / (in + out)), for sigmoid and tanh nets
//!   (drawn from 53-bit uniforms of the same generator, not from `torch.nn.init`'s stream).

use crate::rng::TorchGenerator;
use nalgebra::DMatrix;

/// How the weights of each affine layer are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// Standard normal (the article's `torch.randn`).
    Normal,
    /// Normal scaled by √(2 / fan_in).
    He,
    /// Uniform with the Glorot (Xavier) bound.
    Glorot,
}

impl Init {
    /// The name used on the command line and in the page: `normal`, `he`, `glorot`.
    pub fn name(self) -> &'static str {
        match self {
            Init::Normal => "normal",
            Init::He => "he",
            Init::Glorot => "glorot",
        }
    }

    /// Parses a name as given by [`Init::name`].
    pub fn parse(s: &str) -> Option<Init> {
        [Init::Normal, Init::He, Init::Glorot]
            .into_iter()
            .find(|i| i.name() == s)
    }

    /// Draws a fan_in × fan_out weight matrix, filled in row-major order as `torch.randn` fills.
    pub fn weights(self, g: &mut TorchGenerator, fan_in: usize, fan_out: usize) -> DMatrix<f32> {
        let n = fan_in * fan_out;
        let values: Vec<f32> = match self {
            Init::Normal => g.randn(n),
            Init::He => {
                let s = (2.0 / fan_in as f64).sqrt() as f32;
                g.randn(n).into_iter().map(|v| v * s).collect()
            }
            Init::Glorot => {
                let a = (6.0 / (fan_in + fan_out) as f64).sqrt();
                (0..n)
                    .map(|_| ((2.0 * g.uniform53() - 1.0) * a) as f32)
                    .collect()
            }
        };
        DMatrix::from_row_slice(fan_in, fan_out, &values)
    }
}
