//! Builds a [`Spec`] from a few choices (dataset, hidden sizes, activation, optimizer, init, seed),
//! drawing the initial weights. This is the one home of every default: the article's run
//! ([`Preset::default`]), each data set's settings ([`Preset::for_data`]), the optimizers'
//! hyper-parameters ([`MOMENTUM`], [`BETA1`], [`BETA2`], [`EPS`]) and the article's rule for
//! discarded draws ([`Preset::article_skip`]). The CLI, the wasm glue and the page take them
//! from here (through [`crate::settings::Settings`]).
//!
//! Weights come from one PyTorch-compatible generator seeded with `seed`: for the article's
//! regression sample it first draws X and T (as the article does), then discards `skip` normals,
//! then draws W of each affine layer in order. The article's XOR run is seed 42 with 72 draws
//! discarded, which reproduces its printed numbers exactly.

use crate::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_SKIP, MAX_WIDTH};
use crate::spec::{LayerSpec, RegularizationSpec, Spec, rows};
use backstep_nn::activation::Act;
use backstep_nn::data::{self, Dataset, Shape2d};
use backstep_nn::error::SpecError;
use backstep_nn::features::Feature;
use backstep_nn::init::Init;
use backstep_nn::loss::LossKind;
use backstep_nn::message::Msg;
use backstep_nn::optim::OptimizerKind;
use backstep_nn::regularize::Penalty;
use backstep_nn::rng::TorchGenerator;
use nalgebra::DMatrix;

/// Momentum's coefficient when none is given (PyTorch's customary value).
pub const MOMENTUM: f64 = 0.9;
/// Adam's first-moment decay when none is given (PyTorch's default).
pub const BETA1: f64 = 0.9;
/// Adam's second-moment decay when none is given (PyTorch's default).
pub const BETA2: f64 = 0.999;
/// Adam's denominator guard when none is given (PyTorch's default).
pub const EPS: f64 = 1e-8;
/// The rate of a regularization chosen without one (TF Playground's smallest above 0).
pub const REGULARIZATION_RATE: f64 = 0.001;
/// Normals the article's notebook draws before its weights (its data cell: randn(2,3),
/// randn(2,1), …): 72 on PyTorch's small-tensor path. Skipping them for XOR, at any seed, gives
/// the weights the article's program would print with that seed; at seed 42, its printed ones.
pub const ARTICLE_SKIP: usize = 72;

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
    /// Classes of a generated 2-D set (2 to [`data::MAX_CLASSES`]; more than 2 for spiral and
    /// gaussians only).
    pub classes: usize,
    /// The loss; under softmax cross-entropy (or more than 2 classes) the targets are one-hot.
    pub loss: LossKind,
    /// A penalty on the weights, if any.
    pub regularization: Option<Penalty>,
    /// The network's input features of a 2-D point (x₁, x₂ by default).
    pub features: Vec<Feature>,
}

impl Default for Preset {
    /// The article's run: XOR, 2-4-1 with ReLU, SGD with lr 0.1, seed 42 after 72 discarded draws.
    fn default() -> Self {
        Preset::for_data(DataChoice::Xor)
    }
}

impl Preset {
    /// The article's run (same as `Preset::default()`).
    pub fn article() -> Self {
        Preset::default()
    }

    /// Settings that train well on `data`: the article's run for XOR and its regression sample;
    /// for the generated 2-D sets a tanh net (8, 8, Glorot, lr 0.01, batches of 10) that reaches
    /// 99–100% on circle, quadrants and gaussians within 3000 steps (spiral stays hard).
    pub fn for_data(data: DataChoice) -> Self {
        let article = Preset {
            data,
            hidden: vec![4],
            activation: Act::Relu,
            output: None,
            optimizer: OptimizerKind::Sgd { lr: 0.1 },
            init: Init::Normal,
            seed: 42,
            skip: Preset::article_skip(data),
            batch_size: 0,
            points: 200,
            noise: 0.1,
            test_fraction: 0.2,
            classes: 2,
            loss: LossKind::Mse,
            regularization: None,
            features: Feature::PLAIN.to_vec(),
        };
        match data {
            DataChoice::Xor | DataChoice::Regression => article,
            DataChoice::Plane(_) => Preset {
                hidden: vec![8, 8],
                activation: Act::Tanh,
                optimizer: OptimizerKind::Sgd { lr: 0.01 },
                init: Init::Glorot,
                batch_size: 10,
                ..article
            },
        }
    }

    /// Normals discarded before the weights unless told otherwise: [`ARTICLE_SKIP`] for XOR
    /// (whatever the seed), none for the other data sets.
    pub fn article_skip(data: DataChoice) -> usize {
        if data == DataChoice::Xor {
            ARTICLE_SKIP
        } else {
            0
        }
    }

    /// The dataset and the generator the weights will be drawn from.
    fn data_and_generator(&self) -> (Dataset, TorchGenerator) {
        match self.data {
            DataChoice::Xor => (data::xor(), TorchGenerator::new(self.seed)),
            DataChoice::Regression => data::article_regression(self.seed),
            DataChoice::Plane(shape) => (
                data::generate(
                    shape,
                    (self.points, self.classes),
                    self.noise,
                    self.test_fraction,
                    self.seed,
                ),
                TorchGenerator::new(self.seed),
            ),
        }
    }

    /// Checks `classes` and, for softmax cross-entropy or more than 2 classes, turns the data's
    /// labels into one-hot rows (the network's output then has one unit per class).
    fn classes_into(&self, data: &mut Dataset) -> Result<(), SpecError> {
        let k = self.classes;
        let takes = matches!(self.data, DataChoice::Plane(s) if s.takes_classes());
        if !(2..=data::MAX_CLASSES).contains(&k) || (k > 2 && !takes) {
            let max = data::MAX_CLASSES;
            return Err(SpecError::new("classes", Msg::Classes { max }));
        }
        if k == 2 && self.loss == LossKind::Mse {
            return Ok(());
        }
        let hot = |t: &DMatrix<f32>| {
            data::one_hot(t, k).ok_or_else(|| SpecError::new("loss", Msg::NeedsClasses))
        };
        data.t = hot(&data.t)?;
        data.t_test = hot(&data.t_test)?;
        Ok(())
    }

    /// Draws the weights and writes the full spec (steps = `steps`).
    pub fn spec(&self, steps: u64) -> Result<Spec, SpecError> {
        if self.hidden.len() * 2 + 2 > MAX_LAYERS {
            let max = (MAX_LAYERS - 2) / 2;
            return Err(SpecError::new("hidden", Msg::HiddenLayers { max }));
        }
        if let Some(&w) = self.hidden.iter().find(|&&w| w == 0 || w > MAX_WIDTH) {
            let max = MAX_WIDTH;
            return Err(SpecError::new("hidden", Msg::Width { w, max }));
        }
        if matches!(self.data, DataChoice::Plane(_)) && !(1..=MAX_SAMPLES).contains(&self.points) {
            let (max, got) = (MAX_SAMPLES as u64, self.points as u64);
            return Err(SpecError::new("points", Msg::RangeGot { min: 1, max, got }));
        }
        if self.skip > MAX_SKIP {
            let (max, got) = (MAX_SKIP as u64, self.skip as u64);
            return Err(SpecError::new("skip", Msg::RangeGot { min: 0, max, got }));
        }
        if !(0.0..=1.0).contains(&self.noise) {
            let (min, max) = ("0", "1");
            return Err(SpecError::new("noise", Msg::Between { min, max }));
        }
        if !(0.0..=0.9).contains(&self.test_fraction) {
            let (min, max) = ("0", "0.9");
            return Err(SpecError::new("test_fraction", Msg::Between { min, max }));
        }
        let (mut data, mut g) = self.data_and_generator();
        self.classes_into(&mut data)?;
        g.skip_normals(self.skip);
        // Features other than the plain x₁, x₂ make the input their width (the spec says which).
        let plain = self.features == Feature::PLAIN;
        if !plain && (data.x.ncols() != 2 || self.features.is_empty()) {
            return Err(SpecError::new("features", Msg::FeaturesNeedPlane));
        }
        let mut widths = vec![if plain {
            data.x.ncols()
        } else {
            self.features.len()
        }];
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
            features: (!plain).then(|| self.features.iter().map(|f| f.name().into()).collect()),
            layers,
            loss: self.loss.name().into(),
            regularization: self.regularization.map(|p| RegularizationSpec {
                kind: p.kind.name().into(),
                rate: p.rate,
            }),
            optimizer: self.optimizer,
            steps,
            batch_size: (self.batch_size > 0).then_some(self.batch_size),
            seed: (self.batch_size > 0).then_some(self.seed),
        })
    }
}
