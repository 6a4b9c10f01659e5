//! Builds a [`Spec`] from a few choices (dataset, hidden sizes, activation, optimizer, init, seed),
//! drawing the initial weights. The default is the article's run.
//!
//! Weights come from one PyTorch-compatible generator seeded with `seed`: for the article's
//! regression sample it first draws X and T (as the article does), then discards `skip` normals,
//! then draws W of each affine layer in order. The article's XOR run is seed 42 with 72 draws
//! discarded, which reproduces its printed numbers exactly.

use crate::activation::Act;
use crate::data::{self, Dataset, Shape2d};
use crate::error::SpecError;
use crate::init::Init;
use crate::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_WIDTH};
use crate::optim::OptimizerKind;
use crate::rng::TorchGenerator;
use crate::spec::{LayerSpec, Spec, rows};

/// Which data to train on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataChoice {
    /// The XOR truth table (4 samples, 2 features).
    Xor,
    /// The article's random sample: X = randn(2,3), T = randn(2,1).
    Regression,
    /// A generated 2-D set.
    Plane(Shape2d),
}

impl DataChoice {
    /// Every choice, in menu order.
    pub fn all() -> Vec<DataChoice> {
        let mut v = vec![DataChoice::Xor, DataChoice::Regression];
        v.extend(Shape2d::ALL.map(DataChoice::Plane));
        v
    }
    /// The name used on the command line and in the page.
    pub fn name(self) -> &'static str {
        match self {
            DataChoice::Xor => "xor",
            DataChoice::Regression => "regression",
            DataChoice::Plane(s) => s.name(),
        }
    }
    /// Parses a name as given by [`DataChoice::name`].
    pub fn parse(s: &str) -> Option<DataChoice> {
        DataChoice::all().into_iter().find(|d| d.name() == s)
    }
}

/// The choices behind a spec.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// The data.
    pub data: DataChoice,
    /// Hidden layer widths (each followed by the activation); empty means a single affine layer.
    pub hidden: Vec<usize>,
    /// The hidden activation.
    pub activation: Act,
    /// An activation after the output layer, if any (e.g. tanh for ±1-ish outputs).
    pub output: Option<Act>,
    /// The optimizer.
    pub optimizer: OptimizerKind,
    /// How weights are drawn.
    pub init: Init,
    /// Seed of the weights (and of the generated 2-D set and the shuffle).
    pub seed: u64,
    /// Normals discarded before the weights are drawn.
    pub skip: usize,
    /// Samples per step; 0 means full batch.
    pub batch_size: usize,
    /// Points of a generated 2-D set.
    pub points: usize,
    /// Noise of a generated 2-D set, 0 to 1.
    pub noise: f64,
    /// Fraction of a generated 2-D set held out for testing.
    pub test_fraction: f64,
}

impl Default for Preset {
    /// The article's run: XOR, 2-4-1 with ReLU, SGD with lr 0.1, seed 42 after 72 discarded draws.
    fn default() -> Self {
        Preset {
            data: DataChoice::Xor,
            hidden: vec![4],
            activation: Act::Relu,
            output: None,
            optimizer: OptimizerKind::Sgd { lr: 0.1 },
            init: Init::Normal,
            seed: 42,
            skip: 72,
            batch_size: 0,
            points: 200,
            noise: 0.1,
            test_fraction: 0.5,
        }
    }
}

impl Preset {
    /// The article's run (same as `Preset::default()`).
    pub fn article() -> Self {
        Preset::default()
    }

    /// The dataset and the generator the weights will be drawn from.
    fn data_and_generator(&self) -> (Dataset, TorchGenerator) {
        match self.data {
            DataChoice::Xor => (data::xor(), TorchGenerator::new(self.seed)),
            DataChoice::Regression => data::article_regression(self.seed),
            DataChoice::Plane(shape) => (
                data::generate(
                    shape,
                    self.points,
                    self.noise,
                    self.test_fraction,
                    self.seed,
                ),
                TorchGenerator::new(self.seed),
            ),
        }
    }

    /// Draws the weights and writes the full spec (steps = `steps`).
    pub fn spec(&self, steps: u64) -> Result<Spec, SpecError> {
        if self.hidden.len() * 2 + 2 > MAX_LAYERS {
            return Err(SpecError::new(
                "hidden",
                format!("too many hidden layers (at most {})", (MAX_LAYERS - 2) / 2),
            ));
        }
        if let Some(&w) = self.hidden.iter().find(|&&w| w == 0 || w > MAX_WIDTH) {
            return Err(SpecError::new(
                "hidden",
                format!("a width of {w}; each must be from 1 to {MAX_WIDTH}"),
            ));
        }
        if matches!(self.data, DataChoice::Plane(_)) && !(1..=MAX_SAMPLES).contains(&self.points) {
            return Err(SpecError::new(
                "points",
                format!("must be from 1 to {MAX_SAMPLES}, got {}", self.points),
            ));
        }
        if !(0.0..=1.0).contains(&self.noise) {
            return Err(SpecError::new("noise", "must be from 0 to 1"));
        }
        let (data, mut g) = self.data_and_generator();
        g.skip_normals(self.skip);
        let mut widths = vec![data.x.ncols()];
        widths.extend(&self.hidden);
        widths.push(data.t.ncols());
        let mut layers = Vec::new();
        for (k, pair) in widths.windows(2).enumerate() {
            let w = self.init.weights(&mut g, pair[0], pair[1]);
            layers.push(LayerSpec::Affine {
                w: rows(&w),
                b: vec![0.0; pair[1]],
            });
            let act = if k + 2 < widths.len() {
                Some(self.activation)
            } else {
                self.output
            };
            if let Some(a) = act {
                layers.push(match a {
                    Act::Relu => LayerSpec::Relu {},
                    Act::Sigmoid => LayerSpec::Sigmoid {},
                    Act::Tanh => LayerSpec::Tanh {},
                });
            }
        }
        Ok(Spec {
            x: rows(&data.x),
            t: rows(&data.t),
            x_test: rows(&data.x_test),
            t_test: rows(&data.t_test),
            layers,
            loss: "mse".into(),
            optimizer: self.optimizer.into(),
            steps,
            batch_size: (self.batch_size > 0).then_some(self.batch_size),
            seed: (self.batch_size > 0).then_some(self.seed),
        })
    }
}
