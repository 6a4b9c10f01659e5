//! Experiments worth trying for each notice code of [`crate::glass::notices`]: one-setting changes,
//! named and written as the page's settings form names and writes them, so each can become a
//! one-click button; [`Experiment::apply`] makes the change on a [`Preset`].

use crate::preset::{BETA1, BETA2, EPS, Preset};
use backstep_nn::{Act, Init, OptimizerKind};
use serde::Serialize;

/// A change of one setting worth trying, named as the page's settings form names it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Experiment {
    /// `seed`, `init`, `hidden`, `lr`, `activation` or `optimizer`.
    pub kind: &'static str,
    /// The new value as the form writes it (`hidden` as `8,8`).
    pub value: String,
}

impl Experiment {
    fn new(kind: &'static str, value: impl Into<String>) -> Self {
        Experiment {
            kind,
            value: value.into(),
        }
    }

    /// `p` with this change made; `None` when the value does not parse.
    pub fn apply(&self, p: &Preset) -> Option<Preset> {
        let mut p = p.clone();
        let v = self.value.as_str();
        match self.kind {
            "seed" => {
                // The skip does not change with the seed (Preset::article_skip).
                p.seed = v.parse().ok()?;
            }
            "init" => p.init = Init::parse(v)?,
            "hidden" => {
                p.hidden = v
                    .split(',')
                    .map(|w| w.trim().parse().ok())
                    .collect::<Option<_>>()?
            }
            "lr" => p.optimizer = with_lr(p.optimizer, v.parse().ok()?),
            "activation" => {
                p.activation = [Act::Relu, Act::Sigmoid, Act::Tanh]
                    .into_iter()
                    .find(|a| a.name() == v)?
            }
            "optimizer" if v == "adam" => {
                p.optimizer = OptimizerKind::Adam {
                    lr: p.optimizer.lr(),
                    beta1: BETA1,
                    beta2: BETA2,
                    eps: EPS,
                }
            }
            _ => return None,
        }
        Some(p)
    }
}

fn with_lr(k: OptimizerKind, lr: f64) -> OptimizerKind {
    match k {
        OptimizerKind::Sgd { .. } => OptimizerKind::Sgd { lr },
        OptimizerKind::Momentum { momentum, .. } => OptimizerKind::Momentum { lr, momentum },
        OptimizerKind::Adam {
            beta1, beta2, eps, ..
        } => OptimizerKind::Adam {
            lr,
            beta1,
            beta2,
            eps,
        },
    }
}

/// A learning rate rounded to 6 significant digits, written shortest.
fn lr_text(v: f64) -> String {
    let rounded: f64 = format!("{v:.5e}").parse().unwrap_or(v);
    format!("{rounded}")
}

/// Experiments worth trying for a notice `code` of a run made from `p`, most promising first;
/// none for an unknown code. Each changes one setting.
pub fn experiments(code: &str, p: &Preset) -> Vec<Experiment> {
    let lr = p.optimizer.lr();
    let wider = p
        .hidden
        .iter()
        .map(|w| (w * 2).clamp(2, 16).to_string())
        .collect::<Vec<_>>()
        .join(",");
    let other_seed = Experiment::new("seed", (p.seed.wrapping_add(1) % (1 << 32)).to_string());
    let relu = p.activation == Act::Relu;
    let mut out = match code {
        "dead-unit" => vec![
            Experiment::new("activation", "tanh"),
            Experiment::new("init", if p.init == Init::He { "glorot" } else { "he" }),
            other_seed,
            Experiment::new("lr", lr_text(lr / 10.0)),
        ],
        "plateau" => {
            let mut v = Vec::new();
            if relu {
                v.push(Experiment::new("activation", "tanh"));
            }
            v.push(other_seed);
            v.push(Experiment::new(
                "hidden",
                if wider.is_empty() { "4".into() } else { wider },
            ));
            v.push(Experiment::new("optimizer", "adam"));
            if lr < 0.1 {
                v.push(Experiment::new("lr", lr_text(lr * 10.0)));
            }
            v
        }
        "diverged" => vec![
            Experiment::new("lr", lr_text(lr / 10.0)),
            Experiment::new("init", if relu { "he" } else { "glorot" }),
        ],
        _ => Vec::new(),
    };
    // A suggestion that changes nothing is no experiment.
    out.retain(|e| e.apply(p).is_some_and(|q| q != *p));
    out
}
