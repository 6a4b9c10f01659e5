//! The settings a person chooses (data set, hidden widths, activation, optimizer, …) as one
//! serde struct whose every field is optional: the CLI's options, the page's form and its URL
//! all fill one in, and [`Settings::preset`] completes it from the chosen data set's defaults
//! ([`Preset::for_data`]), the one place a default lives. Names of choices live here too
//! ([`choices`]), so a front end lists and checks them without retyping them.

pub mod table;

use crate::preset::{BETA1, BETA2, DataChoice, EPS, MOMENTUM, Preset, REGULARIZATION_RATE};
use backstep_nn::activation::Act;
use backstep_nn::error::SpecError;
use backstep_nn::features::Feature;
use backstep_nn::init::Init;
use backstep_nn::loss::LossKind;
use backstep_nn::message::Msg;
use backstep_nn::optim::OptimizerKind;
use backstep_nn::regularize::{Penalty, PenaltyKind};
use serde::Serialize;

/// Chosen settings; `None` takes the data set's default.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Settings {
    /// `xor`, `regression`, `circle`, `quadrants`, `gaussians`, `spiral`, `plane` or `hills`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
    /// Hidden layer widths.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden: Option<Vec<usize>>,
    /// The hidden activation: `relu`, `sigmoid` or `tanh`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activation: Option<String>,
    /// The output activation: `none`, `relu`, `sigmoid` or `tanh`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// `sgd`, `momentum` or `adam`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optimizer: Option<String>,
    /// Learning rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lr: Option<f64>,
    /// Momentum coefficient (momentum).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub momentum: Option<f64>,
    /// First-moment decay (Adam).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beta1: Option<f64>,
    /// Second-moment decay (Adam).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beta2: Option<f64>,
    /// Denominator guard (Adam).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eps: Option<f64>,
    /// `normal`, `he` or `glorot`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub init: Option<String>,
    /// Seed of the weights, the generated data and the shuffle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Normals discarded before the weights are drawn.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip: Option<usize>,
    /// Samples per step; 0 is the full batch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch_size: Option<usize>,
    /// Points of a generated 2-D set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<usize>,
    /// Noise of a generated 2-D set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noise: Option<f64>,
    /// Fraction of a generated 2-D set held out for testing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub test_fraction: Option<f64>,
    /// Classes of spiral or gaussians, 2 to [`backstep_nn::data::MAX_CLASSES`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classes: Option<usize>,
    /// `mse` or `softmax_cross_entropy`; by default softmax for more than 2 classes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loss: Option<String>,
    /// `none`, `l1` or `l2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regularization: Option<String>,
    /// The regularization's rate (default [`crate::preset::REGULARIZATION_RATE`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regularization_rate: Option<f64>,
    /// The input features of a 2-D point (`x1`, `x2`, `x1_sq`, …; default x1, x2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<String>>,
}

/// Hidden activations, in menu order.
const ACTS: [Act; 3] = [Act::Relu, Act::Tanh, Act::Sigmoid];
/// Initialisation schemes, in menu order.
const INITS: [Init; 3] = [Init::Normal, Init::He, Init::Glorot];
/// Optimizer names, in menu order.
const OPTIMIZERS: [&str; 3] = ["sgd", "momentum", "adam"];

/// The names a field of [`Settings`] takes, in menu order (empty for numeric fields).
pub fn choices(field: &str) -> Vec<&'static str> {
    match field {
        "dataset" => DataChoice::all()
            .into_iter()
            .map(DataChoice::name)
            .collect(),
        "activation" => ACTS.map(Act::name).to_vec(),
        "output" => std::iter::once("none").chain(ACTS.map(Act::name)).collect(),
        "optimizer" => OPTIMIZERS.to_vec(),
        "init" => INITS.map(Init::name).to_vec(),
        "loss" => LossKind::ALL.map(LossKind::name).to_vec(),
        "features" => Feature::ALL.map(Feature::name).to_vec(),
        "regularization" => std::iter::once("none")
            .chain(PenaltyKind::ALL.map(PenaltyKind::name))
            .collect(),
        _ => Vec::new(),
    }
}

fn unknown(field: &str, value: &str) -> SpecError {
    let (value, allowed) = (value.into(), choices(field).join(", "));
    SpecError::new(field, Msg::UnknownValue { value, allowed })
}

fn act(field: &str, name: &str) -> Result<Option<Act>, SpecError> {
    if name == "none" && field == "output" {
        return Ok(None);
    }
    ACTS.into_iter()
        .find(|a| a.name() == name)
        .map(Some)
        .ok_or_else(|| unknown(field, name))
}

impl Settings {
    /// The preset these settings describe: the data set's defaults ([`Preset::for_data`]) with
    /// every given field in their place. An unknown name is an error naming the field; numbers
    /// are checked when the spec is built ([`Preset::spec`]).
    pub fn preset(&self) -> Result<Preset, SpecError> {
        let data = match &self.dataset {
            Some(name) => DataChoice::parse(name).ok_or_else(|| unknown("dataset", name))?,
            None => DataChoice::Xor,
        };
        let mut p = Preset::for_data(data);
        if let Some(h) = &self.hidden {
            p.hidden = h.clone();
        }
        if let Some(a) = &self.activation {
            p.activation = act("activation", a)?.ok_or_else(|| unknown("activation", a))?;
        }
        if let Some(a) = &self.output {
            p.output = act("output", a)?;
        }
        let name = self.optimizer.as_deref().unwrap_or(p.optimizer.name());
        let lr = self.lr.unwrap_or(p.optimizer.lr());
        p.optimizer = match name {
            "sgd" => OptimizerKind::Sgd { lr },
            "momentum" => OptimizerKind::Momentum {
                lr,
                momentum: self.momentum.unwrap_or(MOMENTUM),
            },
            "adam" => OptimizerKind::Adam {
                lr,
                beta1: self.beta1.unwrap_or(BETA1),
                beta2: self.beta2.unwrap_or(BETA2),
                eps: self.eps.unwrap_or(EPS),
            },
            other => return Err(unknown("optimizer", other)),
        };
        if let Some(i) = &self.init {
            p.init = INITS
                .into_iter()
                .find(|k| k.name() == i)
                .ok_or_else(|| unknown("init", i))?;
        }
        if let Some(seed) = self.seed {
            p.seed = seed;
        }
        p.skip = self.skip.unwrap_or(Preset::article_skip(data));
        let or = |v: Option<usize>, d: usize| v.unwrap_or(d);
        p.batch_size = or(self.batch_size, p.batch_size);
        p.points = or(self.points, p.points);
        p.noise = self.noise.unwrap_or(p.noise);
        p.test_fraction = self.test_fraction.unwrap_or(p.test_fraction);
        p.classes = self.classes.unwrap_or(p.classes);
        p.loss = match &self.loss {
            Some(name) => LossKind::parse(name).ok_or_else(|| unknown("loss", name))?,
            None if p.classes > 2 => LossKind::SoftmaxCrossEntropy,
            None => p.loss,
        };
        if let Some(name) = &self.regularization {
            let rate = self.regularization_rate.unwrap_or(REGULARIZATION_RATE);
            p.regularization = match PenaltyKind::parse(name) {
                Some(kind) => Some(Penalty { kind, rate }),
                None if name == "none" => None,
                None => return Err(unknown("regularization", name)),
            };
        }
        if let Some(names) = &self.features {
            p.features = crate::spec::features::parse(names)?;
        }
        Ok(p)
    }
}

impl Preset {
    /// Every setting of this preset, filled in (what the page's form and URL show).
    pub fn settings(&self) -> Settings {
        let (momentum, beta1, beta2, eps) = match self.optimizer {
            OptimizerKind::Sgd { .. } => (None, None, None, None),
            OptimizerKind::Momentum { momentum, .. } => (Some(momentum), None, None, None),
            OptimizerKind::Adam {
                beta1, beta2, eps, ..
            } => (None, Some(beta1), Some(beta2), Some(eps)),
        };
        Settings {
            dataset: Some(self.data.name().into()),
            hidden: Some(self.hidden.clone()),
            activation: Some(self.activation.name().into()),
            output: Some(self.output.map_or("none", Act::name).into()),
            optimizer: Some(self.optimizer.name().into()),
            lr: Some(self.optimizer.lr()),
            momentum,
            beta1,
            beta2,
            eps,
            init: Some(self.init.name().into()),
            seed: Some(self.seed),
            skip: Some(self.skip),
            batch_size: Some(self.batch_size),
            points: Some(self.points),
            noise: Some(self.noise),
            test_fraction: Some(self.test_fraction),
            classes: Some(self.classes),
            loss: Some(self.loss.name().into()),
            regularization: Some(self.regularization.map_or("none", |p| p.kind.name()).into()),
            regularization_rate: self.regularization.map(|p| p.rate),
            features: Some(self.features.iter().map(|f| f.name().into()).collect()),
        }
    }
}
