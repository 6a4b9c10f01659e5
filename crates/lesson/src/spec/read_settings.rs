//! The settings format's reader (`{dataset, hidden, …}`, any subset, as the page's form and URL
//! and the CLI's options give them), over any parsed document; part of [`crate::spec::read`].

use crate::limits::MAX_LAYERS;
use crate::settings::Settings;
use crate::spec::node::{Fields, Node, list, number, text, whole};
use backstep_nn::error::SpecError;
use backstep_nn::features::Feature;

/// The fields of settings, in `Settings`'s order: the settings table's keys (the page's URL
/// reads the same, through the wasm's `settings_table`).
pub const KEYS: [&str; 22] = crate::settings::table::KEYS;

/// Settings (`{dataset, hidden, …}`, any subset), as the page's form and URL give them.
pub fn settings<N: Node>(v: N) -> Result<Settings, SpecError> {
    let f = Fields::new(v, "", &KEYS)?;
    let count = |v: &N, p: &str| whole(v, p).map(|n| n as usize);
    Ok(Settings {
        dataset: f.opt("dataset", text)?,
        hidden: f.opt("hidden", |v, p| list(v, p, (MAX_LAYERS, "entries"), count))?,
        activation: f.opt("activation", text)?,
        output: f.opt("output", text)?,
        optimizer: f.opt("optimizer", text)?,
        lr: f.opt("lr", number)?,
        momentum: f.opt("momentum", number)?,
        beta1: f.opt("beta1", number)?,
        beta2: f.opt("beta2", number)?,
        eps: f.opt("eps", number)?,
        init: f.opt("init", text)?,
        seed: f.opt("seed", whole)?,
        skip: f.opt("skip", count)?,
        batch_size: f.opt("batch_size", count)?,
        points: f.opt("points", count)?,
        noise: f.opt("noise", number)?,
        test_fraction: f.opt("test_fraction", number)?,
        classes: f.opt("classes", count)?,
        loss: f.opt("loss", text)?,
        regularization: f.opt("regularization", text)?,
        regularization_rate: f.opt("regularization_rate", number)?,
        features: f.opt("features", |v, p| {
            list(v, p, (Feature::ALL.len(), "entries"), text)
        })?,
    })
}
