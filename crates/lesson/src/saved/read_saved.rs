//! Reading a saved run (docs/checkpoint-format.md) with the one reader of [`crate::spec::read`]:
//! a [`TimelineCheckpoint`] (events, loss history, the state at its step) and the
//! [`Checkpoint`] inside it. Only the format is checked here; restoring checks shapes against
//! the spec and finiteness ([`crate::Session::restore`], [`crate::Timeline::resume`]).

use crate::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_WIDTH};
use crate::saved::TimelineCheckpoint;
use crate::saved::checkpoint::{Checkpoint, LayerMoments, Moments, OptimizerState, Params};
use crate::spec::read::{Node, floats, list, number, optimizer, rows, whole};
use crate::timeline::MAX_STEPS;
use crate::timeline::event::{Change, Event};
use backstep_nn::batch::BatchState;
use backstep_nn::error::SpecError;
use backstep_nn::message::Msg;

type Read<T> = Result<T, SpecError>;

/// Most events one saved run holds.
pub const MAX_EVENTS: usize = 100_000;
/// The shuffle generator's state: 624 words.
const RNG_WORDS: usize = 624;

fn count<N: Node>(v: &N, path: &str) -> Read<usize> {
    whole(v, path).map(|n| n as usize)
}

fn word<N: Node>(v: &N, path: &str) -> Read<u32> {
    let n = whole(v, path)?;
    u32::try_from(n).map_err(|_| SpecError::new(path, Msg::Below32))
}

fn lengths<N: Node, T>(
    v: &N,
    path: &str,
    max: usize,
    read: impl Fn(&N, &str) -> Read<T>,
) -> Read<Vec<T>> {
    list(v, path, (max, "entries"), read)
}

/// A saved run: `{"events": [...], "history": [...], "state": {...}}`.
pub fn timeline_checkpoint<N: Node>(v: N) -> Read<TimelineCheckpoint> {
    let f = crate::spec::read::fields(v, "", &["events", "history", "state"])?;
    Ok(TimelineCheckpoint {
        events: f.need("events", |v, p| lengths(v, p, MAX_EVENTS, event))?,
        history: f.need("history", |v, p| {
            list(v, p, (MAX_STEPS as usize, "entries"), |n, q| {
                number(n, q).map(|x| x as f32)
            })
        })?,
        state: f.need("state", |v, p| checkpoint(v.clone(), p))?,
    })
}

fn event<N: Node>(v: &N, path: &str) -> Read<Event> {
    let f = crate::spec::read::fields(v.clone(), path, &["step", "change"])?;
    Ok(Event {
        step: f.need("step", whole)?,
        change: f.need("change", change)?,
    })
}

fn change<N: Node>(v: &N, path: &str) -> Read<Change> {
    let ty = crate::spec::read::type_of(v, path)?;
    match ty.as_str() {
        "optimizer" => {
            let f = crate::spec::read::fields(v.clone(), path, &["type", "rule"])?;
            Ok(Change::Optimizer {
                rule: f.need("rule", optimizer)?,
            })
        }
        "weight" => {
            let f = crate::spec::read::fields(
                v.clone(),
                path,
                &["type", "layer", "row", "col", "value"],
            )?;
            Ok(Change::Weight {
                layer: f.need("layer", count)?,
                row: f.need("row", count)?,
                col: f.need("col", count)?,
                value: f.need("value", number)? as f32,
            })
        }
        "bias" => {
            let f = crate::spec::read::fields(v.clone(), path, &["type", "layer", "col", "value"])?;
            Ok(Change::Bias {
                layer: f.need("layer", count)?,
                col: f.need("col", count)?,
                value: f.need("value", number)? as f32,
            })
        }
        other => Err(crate::spec::read::unknown_type(
            path,
            other,
            "`optimizer`, `weight`, `bias`",
        )),
    }
}

/// The state of a run between steps.
pub fn checkpoint<N: Node>(v: N, path: &str) -> Read<Checkpoint> {
    let keys = ["version", "steps", "params", "optimizer", "batch"];
    let f = crate::spec::read::fields(v, path, &keys)?;
    let version = f.need("version", word)?;
    Ok(Checkpoint {
        version,
        steps: f.need("steps", whole)?,
        params: f.need("params", |v, p| lengths(v, p, MAX_LAYERS, params))?,
        optimizer: f.need("optimizer", optimizer_state)?,
        batch: f.need("batch", batch)?,
    })
}

fn params<N: Node>(v: &N, path: &str) -> Read<Params> {
    let f = crate::spec::read::fields(v.clone(), path, &["layer", "W", "b"])?;
    Ok(Params {
        layer: f.need("layer", count)?,
        w: f.need("W", rows)?,
        b: f.need("b", floats)?,
    })
}

fn optimizer_state<N: Node>(v: &N, path: &str) -> Read<OptimizerState> {
    let f = crate::spec::read::fields(v.clone(), path, &["rule", "t", "state"])?;
    Ok(OptimizerState {
        rule: f.need("rule", optimizer)?,
        t: f.need("t", whole)?,
        state: f.need("state", |v, p| lengths(v, p, MAX_LAYERS, layer_moments))?,
    })
}

fn layer_moments<N: Node>(v: &N, path: &str) -> Read<LayerMoments> {
    let f = crate::spec::read::fields(v.clone(), path, &["W", "b"])?;
    Ok(LayerMoments {
        w: f.need("W", moments)?,
        b: f.need("b", moments)?,
    })
}

fn moments<N: Node>(v: &N, path: &str) -> Read<Moments> {
    let f = crate::spec::read::fields(v.clone(), path, &["m", "v"])?;
    let rows = |v: &N, p: &str| list(v, p, (MAX_WIDTH, "rows"), floats);
    Ok(Moments {
        m: f.need("m", rows)?,
        v: f.need("v", rows)?,
    })
}

fn batch<N: Node>(v: &N, path: &str) -> Read<BatchState> {
    let f = crate::spec::read::fields(v.clone(), path, &["epoch", "position", "order", "rng"])?;
    Ok(BatchState {
        epoch: f.need("epoch", whole)?,
        position: f.need("position", count)?,
        order: f.need("order", |v, p| lengths(v, p, MAX_SAMPLES, word))?,
        rng: f.need("rng", |v, p| lengths(v, p, RNG_WORDS, word))?,
    })
}

#[cfg(feature = "json")]
impl TimelineCheckpoint {
    /// Parses a saved run's JSON; a problem names its field.
    pub fn parse(json: &str) -> Read<TimelineCheckpoint> {
        timeline_checkpoint(&json_value(json)?)
    }
}

/// `json` as a JSON value; a syntax error as the unnamed field's `Msg::Json`.
#[cfg(feature = "json")]
fn json_value(json: &str) -> Read<serde_json::Value> {
    serde_json::from_str(json).map_err(|e| {
        SpecError::new(
            "",
            Msg::Json {
                detail: e.to_string(),
            },
        )
    })
}

#[cfg(feature = "json")]
impl Checkpoint {
    /// Parses a checkpoint's JSON; a problem names its field.
    pub fn parse(json: &str) -> Read<Checkpoint> {
        checkpoint(&json_value(json)?, "")
    }
}
