//! The model options shared by `step`, `train` and `spec`, turned into a preset and a spec.

use crate::Failure;
use backstep_nn::data::Shape2d;
use backstep_nn::{Act, DataChoice, Init, OptimizerKind, Preset, Spec, SpecError};
use clap::{Args, ValueEnum};

/// Data sets on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum Data {
    /// The XOR truth table (the article's run).
    Xor,
    /// The article's random sample: X = randn(2,3), T = randn(2,1).
    Regression,
    /// A disc inside a ring (2-D).
    Circle,
    /// Four quadrants, XOR-style (2-D).
    Quadrants,
    /// Two gaussian clouds (2-D).
    Gaussians,
    /// Two spiral arms (2-D).
    Spiral,
}

/// Activations on the command line.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Activation {
    /// max(0, x)
    Relu,
    /// 1 / (1 + e^−x)
    Sigmoid,
    /// tanh(x)
    Tanh,
    /// No activation (output layer only).
    None,
}

/// Optimizers on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum Optimizer {
    /// W −= lr·dW
    Sgd,
    /// v = μ·v + dW; W −= lr·v
    Momentum,
    /// Adam with bias correction.
    Adam,
}

/// Initialisation schemes on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum InitArg {
    /// Standard normal, as the article's torch.randn.
    Normal,
    /// Normal scaled by √(2/fan_in).
    He,
    /// Glorot (Xavier) uniform.
    Glorot,
}

/// Which network to build and how to train it. The defaults are the article's run.
#[derive(Args, Clone)]
pub struct Model {
    /// Training data.
    #[arg(long, value_enum, default_value = "xor")]
    pub dataset: Data,
    /// Hidden layer widths, comma-separated (1 to 256 each); 0 hidden layers with --hidden ''.
    #[arg(long, default_value = "4", value_delimiter = ',', num_args = 0..)]
    pub hidden: Vec<usize>,
    /// Activation after each hidden layer.
    #[arg(long, value_enum, default_value = "relu")]
    pub activation: Activation,
    /// Activation after the output layer.
    #[arg(long, value_enum, default_value = "none")]
    pub output_activation: Activation,
    /// Optimizer.
    #[arg(long, value_enum, default_value = "sgd")]
    pub optimizer: Optimizer,
    /// Learning rate.
    #[arg(long, default_value_t = 0.1, allow_negative_numbers = true)]
    pub lr: f64,
    /// Momentum coefficient (momentum optimizer).
    #[arg(long, default_value_t = 0.9, allow_negative_numbers = true)]
    pub momentum: f64,
    /// Adam's β1.
    #[arg(long, default_value_t = 0.9, allow_negative_numbers = true)]
    pub beta1: f64,
    /// Adam's β2.
    #[arg(long, default_value_t = 0.999, allow_negative_numbers = true)]
    pub beta2: f64,
    /// Adam's ε.
    #[arg(long, default_value_t = 1e-8, allow_negative_numbers = true)]
    pub eps: f64,
    /// Weight initialisation.
    #[arg(long, value_enum, default_value = "normal")]
    pub init: InitArg,
    /// Seed of the weights (torch.manual_seed), the generated data and the shuffle.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Normals discarded before drawing weights [default: 72 for xor, the article's run; else 0].
    #[arg(long)]
    pub skip: Option<usize>,
    /// Samples per step; 0 means the full batch.
    #[arg(long, default_value_t = 0)]
    pub batch_size: usize,
    /// Points of a generated 2-D set (1 to 10000).
    #[arg(long, default_value_t = 200)]
    pub points: usize,
    /// Noise of a generated 2-D set, 0 to 1.
    #[arg(long, default_value_t = 0.1, allow_negative_numbers = true)]
    pub noise: f64,
    /// Fraction of a generated 2-D set held out for testing, 0 to 0.9.
    #[arg(long, default_value_t = 0.2, allow_negative_numbers = true)]
    pub test_fraction: f64,
}

fn act(a: Activation) -> Option<Act> {
    match a {
        Activation::Relu => Some(Act::Relu),
        Activation::Sigmoid => Some(Act::Sigmoid),
        Activation::Tanh => Some(Act::Tanh),
        Activation::None => None,
    }
}

/// Names a library field by the option that sets it (`optimizer.lr` → `--lr`).
fn option_error(e: SpecError) -> Failure {
    let field = e
        .field
        .strip_prefix("optimizer.")
        .unwrap_or(&e.field)
        .replace('_', "-");
    Failure::Input(format!("--{field}: {}", e.message))
}

impl Model {
    /// The preset these options describe.
    pub fn preset(&self) -> Result<Preset, Failure> {
        let data = match self.dataset {
            Data::Xor => DataChoice::Xor,
            Data::Regression => DataChoice::Regression,
            Data::Circle => DataChoice::Plane(Shape2d::Circle),
            Data::Quadrants => DataChoice::Plane(Shape2d::XorQuadrants),
            Data::Gaussians => DataChoice::Plane(Shape2d::Gaussians),
            Data::Spiral => DataChoice::Plane(Shape2d::Spiral),
        };
        let activation = act(self.activation).ok_or_else(|| {
            Failure::Input("--activation: hidden layers need relu, sigmoid or tanh".into())
        })?;
        let optimizer = match self.optimizer {
            Optimizer::Sgd => OptimizerKind::Sgd { lr: self.lr },
            Optimizer::Momentum => OptimizerKind::Momentum {
                lr: self.lr,
                momentum: self.momentum,
            },
            Optimizer::Adam => OptimizerKind::Adam {
                lr: self.lr,
                beta1: self.beta1,
                beta2: self.beta2,
                eps: self.eps,
            },
        };
        // Check the hyper-parameters here so the message names the option.
        backstep_nn::spec::optimizer(optimizer.into()).map_err(option_error)?;
        if !(0.0..=0.9).contains(&self.test_fraction) {
            return Err(Failure::Input(format!(
                "--test-fraction: must be from 0 to 0.9, got {}",
                self.test_fraction
            )));
        }
        Ok(Preset {
            data,
            hidden: self.hidden.clone(),
            activation,
            output: act(self.output_activation),
            optimizer,
            init: match self.init {
                InitArg::Normal => Init::Normal,
                InitArg::He => Init::He,
                InitArg::Glorot => Init::Glorot,
            },
            seed: self.seed,
            skip: self
                .skip
                .unwrap_or(if data == DataChoice::Xor { 72 } else { 0 }),
            batch_size: self.batch_size,
            points: self.points,
            noise: self.noise,
            test_fraction: self.test_fraction,
        })
    }

    /// The spec these options describe, with `steps` recorded for a trace.
    pub fn spec(&self, steps: u64) -> Result<Spec, Failure> {
        let spec = self.preset()?.spec(steps).map_err(option_error)?;
        // Validate once here, so every later use of the spec is known to be sound.
        spec.session().map_err(option_error)?;
        Ok(spec)
    }
}
