//! `backstep trace`: reads a spec (bounded in size), refuses it before running if its trace
//! would be too large, then runs it and writes each step's record as soon as it is computed,
//! straight from the session's matrices: memory stays that of the network, however many steps.
//! The bytes are those of `serde_json::to_string(&backstep_lesson::export::trace::run(spec)?)` plus a newline.

use crate::Failure;
use backstep_lesson::export::trace::{self, TraceError, check_size};
use backstep_lesson::limits::{MAX_LAYERS, MAX_SAMPLES, MAX_WIDTH};
use backstep_lesson::{Session, Spec};
use backstep_nn::error::quote;
use backstep_nn::{Inference, Kernels, Layer};
use nalgebra::{DMatrix, Scalar};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use std::io::{BufWriter, Read, Write};

/// Largest spec accepted, in bytes: far above what the size limits allow.
pub const MAX_SPEC_BYTES: u64 = 64 << 20;

/// Most JSON values a spec within the limits holds (x and t at their widest, every layer at
/// its widest, with room for the rest), and most arrays and objects (a row each).
pub const MAX_SPEC_VALUES: usize =
    2 * MAX_SAMPLES * (MAX_WIDTH + 1) + MAX_LAYERS * (MAX_WIDTH + 1) * (MAX_WIDTH + 1) + 4096;
const MAX_SPEC_CONTAINERS: usize = 2 * MAX_SAMPLES + MAX_LAYERS * (MAX_WIDTH + 2) + 4096;
/// Bytes a parsed value takes (serde_json's `Value`), and an array or object with its buffer.
const VALUE_BYTES: usize = 32;
const CONTAINER_BYTES: usize = 160;

/// Whether parsing `json` could take more memory than the largest spec within the limits:
/// counted before anything is parsed (64 MiB of `[0],` would take over 1 GB).
fn too_costly(json: &str) -> bool {
    let (mut commas, mut opens) = (0usize, 0usize);
    for b in json.bytes() {
        match b {
            b',' => commas += 1,
            b'[' | b'{' => opens += 1,
            _ => {}
        }
    }
    let cost = VALUE_BYTES * (commas + opens + 1) + CONTAINER_BYTES * opens;
    cost > VALUE_BYTES * MAX_SPEC_VALUES + CONTAINER_BYTES * MAX_SPEC_CONTAINERS
}

/// Reads the spec at `path` (`-` for stdin), refusing more than [`MAX_SPEC_BYTES`] (a file's
/// size is looked at before it is read) or more values than the limits allow (counted before
/// anything is parsed). A leading UTF-8 byte-order mark is skipped.
pub fn read(path: &str) -> Result<String, Failure> {
    let name = if path == "-" {
        "stdin".into()
    } else {
        quote(path)
    };
    let too_large = || {
        Failure::Input(format!(
            "the spec in {name} is larger than {} MiB",
            MAX_SPEC_BYTES >> 20
        ))
    };
    let mut json = String::new();
    let read = if path == "-" {
        std::io::stdin()
            .take(MAX_SPEC_BYTES + 1)
            .read_to_string(&mut json)
    } else {
        let file = std::fs::File::open(path);
        if let Ok(len) = file.as_ref().map(|f| f.metadata().map_or(0, |m| m.len())) {
            if len > MAX_SPEC_BYTES {
                return Err(too_large());
            }
        }
        file.and_then(|f| f.take(MAX_SPEC_BYTES + 1).read_to_string(&mut json))
    };
    read.map_err(|e| Failure::Input(format!("cannot read the spec from {name}: {e}")))?;
    if json.len() as u64 > MAX_SPEC_BYTES {
        return Err(too_large());
    }
    if too_costly(&json) {
        return Err(Failure::Input(format!(
            "the spec in {name} holds more values than the limits allow (at most {MAX_SPEC_VALUES})"
        )));
    }
    // A UTF-8 byte-order mark is not part of the document (the page skips it too).
    if json.starts_with('\u{feff}') {
        json.drain(..'\u{feff}'.len_utf8());
    }
    Ok(json)
}

/// Parses and checks a spec, size of its trace included, and builds its session with the
/// portable kernels (the same bits on every machine).
pub fn prepare(json: &str) -> Result<(Spec, Session<f32>), Failure> {
    let spec = Spec::parse(json).map_err(|e| Failure::Input(e.to_string()))?;
    let mut s = spec.session().map_err(|e| Failure::Input(e.to_string()))?;
    check_size(&spec).map_err(|e| Failure::Input(TraceError::Spec(e).to_string()))?;
    s.set_kernels(Kernels::Portable);
    Ok((spec, s))
}

/// Runs `steps` steps of `s`, writing the trace to `out` step by step.
pub fn write(s: &mut Session<f32>, steps: u64, out: &mut impl Write) -> Result<(), Failure> {
    out.write_all(b"{\"steps\":[")?;
    for k in 0..steps {
        s.step().map_err(|e| Failure::Diverged(e.to_string()))?;
        if k > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &Record(s)).map_err(std::io::Error::from)?;
    }
    out.write_all(b"],\"final_loss\":")?;
    let final_loss = Inference::new().loss(s.network(), s.x(), s.t());
    serde_json::to_writer(&mut *out, &final_loss).map_err(std::io::Error::from)?;
    out.write_all(b"}\n")?;
    Ok(out.flush()?)
}

/// `backstep trace PATH`.
pub fn run(path: &str) -> Result<(), Failure> {
    let (spec, mut s) = prepare(&read(path)?)?;
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    write(&mut s, spec.steps, &mut out)
}

/// The record of the step a session completed last, serialised as `trace::StepRecord` is.
struct Record<'a>(&'a Session<f32>);

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let layers = s.network().layers();
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("step", &s.steps())?;
        if !s.batcher().is_full() {
            m.serialize_entry("batch", s.batch())?;
        }
        m.serialize_entry("outputs", &Each(layers, output))?;
        m.serialize_entry("loss", &s.loss().unwrap_or(f32::NAN))?;
        if let Some(p) = trace::probabilities(s) {
            m.serialize_entry("probabilities", &Rows(p))?;
        }
        if let Some(p) = trace::penalty(s) {
            m.serialize_entry("penalty", &p)?;
        }
        m.serialize_entry("grads", &Each(layers, Grads))?;
        m.serialize_entry("params", &Each(layers, Params))?;
        m.serialize_entry("masks", &Each(layers, Mask))?;
        m.serialize_entry("dead_units", &Each(layers, dead_units))?;
        m.end()
    }
}

/// A layer's output, batch × width.
fn output(l: &Layer<f32>) -> Rows<'_, f32> {
    Rows(l.y())
}

/// The units of a ReLU layer blocked for every sample of the batch; none for other layers.
fn dead_units(l: &Layer<f32>) -> Vec<usize> {
    l.as_act().map(|a| a.dead_units()).unwrap_or_default()
}

/// One value per layer, made by `F`.
struct Each<'a, F>(&'a [Layer<f32>], F);

impl<'a, F: Fn(&'a Layer<f32>) -> V, V: Serialize> Serialize for Each<'a, F> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.iter().map(&self.1))
    }
}

/// A matrix as nested rows.
struct Rows<'a, T: Scalar>(&'a DMatrix<T>);

impl<T: Scalar + Serialize> Serialize for Rows<'_, T> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut seq = ser.serialize_seq(Some(self.0.nrows()))?;
        for r in self.0.row_iter() {
            seq.serialize_element(&Flat(r.iter()))?;
        }
        seq.end()
    }
}

/// The entries of an iterator, as one list.
struct Flat<I>(I);

impl<'a, T: Serialize + 'a, I: Iterator<Item = &'a T> + Clone> Serialize for Flat<I> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.0.clone())
    }
}

/// A layer's gradients: dx, and dW and db for an affine layer.
struct Grads<'a>(&'a Layer<f32>);

impl Serialize for Grads<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("dx", &Rows(self.0.dx()))?;
        if let Some(a) = self.0.as_affine() {
            m.serialize_entry("dW", &Rows(a.dw()))?;
            m.serialize_entry("db", &Flat(a.db().iter()))?;
        }
        m.end()
    }
}

/// A layer's parameters after the update: W and b, or nothing for an activation.
struct Params<'a>(&'a Layer<f32>);

impl Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(None)?;
        if let Some(a) = self.0.as_affine() {
            m.serialize_entry("W", &Rows(a.w()))?;
            m.serialize_entry("b", &Flat(a.b().iter()))?;
        }
        m.end()
    }
}

/// A ReLU layer's mask as booleans (true where x ≤ 0), `null` for other layers.
struct Mask<'a>(&'a Layer<f32>);

impl Serialize for Mask<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Layer::Act(a) if a.mask().nrows() > 0 => {
                let mask = a.mask();
                let mut seq = ser.serialize_seq(Some(mask.nrows()))?;
                for r in mask.row_iter() {
                    let row: Vec<bool> = r.iter().map(|&m| m == 1).collect();
                    seq.serialize_element(&row)?;
                }
                seq.end()
            }
            _ => ser.serialize_none(),
        }
    }
}
