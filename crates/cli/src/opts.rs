//! The model options shared by `step`, `train` and `spec`: every one optional, gathered into a
//! [`Settings`] that the library completes from the data set's defaults (the one place a
//! default lives), then turned into a preset and a spec. The names a choice takes come from
//! the library too ([`choices`]).

use crate::Failure;
use backstep_lesson::settings::choices;
use backstep_lesson::{Preset, Settings, Spec};
use backstep_nn::SpecError;
use clap::Args;
use clap::builder::PossibleValuesParser;

/// Hidden layer widths as `--hidden` takes them: `16,16`, or `''` (or nothing) for none.
#[derive(Clone, Debug)]
pub struct Widths(pub Vec<usize>);

/// `text` as comma-separated widths; the empty text is no hidden layer.
fn widths(text: &str) -> Result<Widths, String> {
    if text.is_empty() {
        return Ok(Widths(Vec::new()));
    }
    text.split(',')
        .map(|w| {
            w.parse()
                .map_err(|_| format!("expected whole numbers separated by commas, got {w:?}"))
        })
        .collect::<Result<_, _>>()
        .map(Widths)
}

/// Which network to build and how to train it. Options left out take the data set's defaults:
/// the article's run for xor and regression, a tanh net for the 2-D sets (`backstep spec
/// --dataset NAME` prints them).
#[derive(Args, Clone)]
pub struct Model {
    /// Training data [default: xor].
    #[arg(long, value_parser = PossibleValuesParser::new(choices("dataset")))]
    pub dataset: Option<String>,
    /// Hidden layer widths, comma-separated (1 to 256 each); 0 hidden layers with --hidden ''.
    #[arg(long, value_parser = widths, num_args = 0..=1, default_missing_value = "")]
    pub hidden: Option<Widths>,
    /// Activation after each hidden layer.
    #[arg(long, value_parser = PossibleValuesParser::new(choices("activation")))]
    pub activation: Option<String>,
    /// Activation after the output layer [default: none].
    #[arg(long, value_parser = PossibleValuesParser::new(choices("output")))]
    pub output_activation: Option<String>,
    /// Optimizer.
    #[arg(long, value_parser = PossibleValuesParser::new(choices("optimizer")))]
    pub optimizer: Option<String>,
    /// Learning rate.
    #[arg(long, allow_negative_numbers = true)]
    pub lr: Option<f64>,
    /// Momentum coefficient (momentum optimizer) [default: 0.9].
    #[arg(long, allow_negative_numbers = true)]
    pub momentum: Option<f64>,
    /// Adam's β1 [default: 0.9].
    #[arg(long, allow_negative_numbers = true)]
    pub beta1: Option<f64>,
    /// Adam's β2 [default: 0.999].
    #[arg(long, allow_negative_numbers = true)]
    pub beta2: Option<f64>,
    /// Adam's ε [default: 1e-8].
    #[arg(long, allow_negative_numbers = true)]
    pub eps: Option<f64>,
    /// Weight initialisation.
    #[arg(long, value_parser = PossibleValuesParser::new(choices("init")))]
    pub init: Option<String>,
    /// Seed of the weights (torch.manual_seed), the generated data and the shuffle [default: 42].
    #[arg(long)]
    pub seed: Option<u64>,
    /// Normals discarded before drawing weights (0 to 1000000) [default: 72 for xor at any
    /// seed, the draws of the article's data cell; else 0].
    #[arg(long)]
    pub skip: Option<usize>,
    /// Samples per step; 0 means the full batch.
    #[arg(long)]
    pub batch_size: Option<usize>,
    /// Points of a generated 2-D set (1 to 10000) [default: 200].
    #[arg(long)]
    pub points: Option<usize>,
    /// Noise of a generated 2-D set, 0 to 1 [default: 0.1].
    #[arg(long, allow_negative_numbers = true)]
    pub noise: Option<f64>,
    /// Fraction of a generated 2-D set held out for testing, 0 to 0.9 [default: 0.2].
    #[arg(long, allow_negative_numbers = true)]
    pub test_fraction: Option<f64>,
    /// Classes of spiral or gaussians, 2 to 5 (one output per class, one-hot targets, above 2 or
    /// under softmax) [default: 2].
    #[arg(long)]
    pub classes: Option<usize>,
    /// Loss [default: softmax_cross_entropy for more than 2 classes, else mse].
    #[arg(long, value_parser = PossibleValuesParser::new(choices("loss")))]
    pub loss: Option<String>,
    /// A penalty on every W, added to the loss and to dW [default: none].
    #[arg(long, value_parser = PossibleValuesParser::new(choices("regularization")))]
    pub regularization: Option<String>,
    /// The regularization's rate r (finite, ≥ 0) [default: 0.001].
    #[arg(long, allow_negative_numbers = true)]
    pub regularization_rate: Option<f64>,
}

/// Names a library field by the option that sets it (`optimizer.lr` → `--lr`).
fn option_error(e: SpecError) -> Failure {
    let field = e.field.strip_prefix("optimizer.").unwrap_or(&e.field);
    let field = match field {
        "output" => "output-activation".to_string(),
        "regularization.rate" => "regularization-rate".to_string(),
        "regularization.type" => "regularization".to_string(),
        f => f.replace('_', "-"),
    };
    Failure::Input(format!("--{field}: {}", e.message()))
}

impl Model {
    /// The settings these options give (the rest take the data set's defaults).
    pub fn settings(&self) -> Settings {
        Settings {
            dataset: self.dataset.clone(),
            hidden: self.hidden.clone().map(|w| w.0),
            activation: self.activation.clone(),
            output: self.output_activation.clone(),
            optimizer: self.optimizer.clone(),
            lr: self.lr,
            momentum: self.momentum,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            init: self.init.clone(),
            seed: self.seed,
            skip: self.skip,
            batch_size: self.batch_size,
            points: self.points,
            noise: self.noise,
            test_fraction: self.test_fraction,
            classes: self.classes,
            loss: self.loss.clone(),
            regularization: self.regularization.clone(),
            regularization_rate: self.regularization_rate,
        }
    }

    /// The preset these options describe.
    pub fn preset(&self) -> Result<Preset, Failure> {
        let preset = self.settings().preset().map_err(option_error)?;
        // Check the hyper-parameters here so the message names the option.
        backstep_lesson::spec::validate::optimizer(preset.optimizer.into())
            .map_err(option_error)?;
        Ok(preset)
    }

    /// The spec these options describe, with `steps` recorded for a trace.
    pub fn spec(&self, steps: u64) -> Result<Spec, Failure> {
        let spec = self.preset()?.spec(steps).map_err(option_error)?;
        // Validate once here, so every later use of the spec is known to be sound.
        spec.session().map_err(option_error)?;
        Ok(spec)
    }
}
