//! The model options shared by `step`, `train` and `spec`: every one optional, gathered into a
//! [`Settings`] that the library completes from the data set's defaults (the one place a
//! default lives), then turned into a preset and a spec. The names a choice takes come from
//! the library too ([`choices`]).

use crate::Failure;
use backstep_lesson::settings::choices;
use backstep_lesson::settings::table::setting;
use backstep_lesson::{Preset, Settings, Spec};
use backstep_nn::SpecError;
use backstep_nn::message::Lang;
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
    /// The `dataset` setting (help from the settings table).
    #[arg(long, help = help("dataset"), value_parser = PossibleValuesParser::new(choices("dataset")))]
    pub dataset: Option<String>,
    /// The `hidden` setting (help from the settings table).
    #[arg(long, help = help("hidden"), value_parser = widths, num_args = 0..=1, default_missing_value = "")]
    pub hidden: Option<Widths>,
    /// The `activation` setting (help from the settings table).
    #[arg(long, help = help("activation"), value_parser = PossibleValuesParser::new(choices("activation")))]
    pub activation: Option<String>,
    /// The `output` setting (help from the settings table).
    #[arg(long, help = help("output"), value_parser = PossibleValuesParser::new(choices("output")))]
    pub output_activation: Option<String>,
    /// The `optimizer` setting (help from the settings table).
    #[arg(long, help = help("optimizer"), value_parser = PossibleValuesParser::new(choices("optimizer")))]
    pub optimizer: Option<String>,
    /// The `lr` setting (help from the settings table).
    #[arg(long, help = help("lr"), allow_negative_numbers = true)]
    pub lr: Option<f64>,
    /// The `momentum` setting (help from the settings table).
    #[arg(long, help = help("momentum"), allow_negative_numbers = true)]
    pub momentum: Option<f64>,
    /// The `beta1` setting (help from the settings table).
    #[arg(long, help = help("beta1"), allow_negative_numbers = true)]
    pub beta1: Option<f64>,
    /// The `beta2` setting (help from the settings table).
    #[arg(long, help = help("beta2"), allow_negative_numbers = true)]
    pub beta2: Option<f64>,
    /// The `eps` setting (help from the settings table).
    #[arg(long, help = help("eps"), allow_negative_numbers = true)]
    pub eps: Option<f64>,
    /// The `init` setting (help from the settings table).
    #[arg(long, help = help("init"), value_parser = PossibleValuesParser::new(choices("init")))]
    pub init: Option<String>,
    /// The `seed` setting (help from the settings table).
    #[arg(long, help = help("seed"))]
    pub seed: Option<u64>,
    /// The `skip` setting (help from the settings table).
    #[arg(long, help = help("skip"))]
    pub skip: Option<usize>,
    /// The `batch_size` setting (help from the settings table).
    #[arg(long, help = help("batch_size"))]
    pub batch_size: Option<usize>,
    /// The `points` setting (help from the settings table).
    #[arg(long, help = help("points"))]
    pub points: Option<usize>,
    /// The `noise` setting (help from the settings table).
    #[arg(long, help = help("noise"), allow_negative_numbers = true)]
    pub noise: Option<f64>,
    /// The `test_fraction` setting (help from the settings table).
    #[arg(long, help = help("test_fraction"), allow_negative_numbers = true)]
    pub test_fraction: Option<f64>,
    /// The `classes` setting (help from the settings table).
    #[arg(long, help = help("classes"))]
    pub classes: Option<usize>,
    /// The `loss` setting (help from the settings table).
    #[arg(long, help = help("loss"), value_parser = PossibleValuesParser::new(choices("loss")))]
    pub loss: Option<String>,
    /// The `regularization` setting (help from the settings table).
    #[arg(long, help = help("regularization"), value_parser = PossibleValuesParser::new(choices("regularization")))]
    pub regularization: Option<String>,
    /// The `regularization_rate` setting (help from the settings table).
    #[arg(long, help = help("regularization_rate"), allow_negative_numbers = true)]
    pub regularization_rate: Option<f64>,
    /// The `features` setting (help from the settings table).
    #[arg(long, help = help("features"), value_delimiter = ',', value_parser = PossibleValuesParser::new(choices("features")))]
    pub features: Option<Vec<String>>,
}

/// The help of setting `key` in English, from the library's settings table, with the default
/// the data set (xor, without `--dataset`) takes.
fn help(key: &str) -> String {
    setting_help(key, Lang::En)
}

/// The help of setting `key` in `lang` (`--help` and `--help --lang ja`): the table's text with
/// its range and the library's default ([`default_text`]).
pub fn setting_help(key: &str, lang: Lang) -> String {
    setting(key).map_or_else(String::new, |s| s.help(lang, &default_text(key)))
}

/// The default of setting `key` as `--help` states it: xor's (the data set without
/// `--dataset`), the optimizers' hyper-parameters and the penalty's rate included, all from the
/// library's presets (the one home of every default).
fn default_text(key: &str) -> String {
    let mut all = serde_json::Map::new();
    for (optimizer, regularization) in [("momentum", "none"), ("adam", "l2")] {
        let s = Settings {
            optimizer: Some(optimizer.into()),
            regularization: Some(regularization.into()),
            ..Settings::default()
        };
        if let Ok(serde_json::Value::Object(m)) = s
            .preset()
            .map(|p| p.settings())
            .map(serde_json::to_value)
            .unwrap_or(Ok(serde_json::Value::Null))
        {
            for (k, v) in m {
                all.entry(k).or_insert(v);
            }
        }
    }
    match all.get(key) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// Names a library field by the option that sets it (`optimizer.lr` → `--lr`).
fn option_error(e: SpecError) -> Failure {
    let field = e.field.strip_prefix("optimizer.").unwrap_or(&e.field);
    let field = match field {
        "output" => "output-activation".to_string(),
        "regularization.rate" => "regularization-rate".to_string(),
        "regularization.type" => "regularization".to_string(),
        f if f.starts_with("features") => "features".to_string(),
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
            features: self.features.clone(),
        }
    }

    /// The preset these options describe.
    pub fn preset(&self) -> Result<Preset, Failure> {
        let preset = self.settings().preset().map_err(option_error)?;
        // Check the hyper-parameters here so the message names the option.
        backstep_lesson::spec::validate::optimizer(preset.optimizer).map_err(option_error)?;
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
