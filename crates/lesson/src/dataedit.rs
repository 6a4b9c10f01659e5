//! Editing a run's training data, as the page offers it: a point added or removed, one target
//! changed, the targets of a truth table set to a logic gate's, or a whole set of `x1, x2, label`
//! rows read from CSV text. Each edit returns a new spec with the same layers (so the same
//! initial weights), the same optimizer and the same batch settings: the run starts again from
//! step 0 on the new data. A spec describes the edited run completely, so saving it, going back
//! and replaying it need nothing else. Refusals are a [`SpecError`] naming the field; the
//! original spec is never changed.

use crate::limits::PAGE_SAMPLES;
use crate::spec::Spec;
use backstep_nn::error::SpecError;
use backstep_nn::message::Msg;

/// The gates [`gate`] knows, in menu order.
pub const GATES: [&str; 4] = ["xor", "and", "or", "nand"];

/// The spec with the point (`x1`, `x2`) of target `label` appended to the training set; for k
/// classes (one-hot targets of width k ≥ 2) `label` is the class, 0 to k − 1, and its row is
/// one-hot.
pub fn add_point(spec: &Spec, x1: f32, x2: f32, label: f32) -> Result<Spec, SpecError> {
    let k = plane_or_classes(spec)?;
    finite("addPoint.x1", x1)?;
    finite("addPoint.x2", x2)?;
    finite("addPoint.label", label)?;
    let row = if k < 2 {
        vec![label]
    } else if label >= 0.0 && label.fract() == 0.0 && (label as usize) < k {
        (0..k)
            .map(|c| f32::from(u8::from(c == label as usize)))
            .collect()
    } else {
        let msg = Msg::ClassRange { last: k - 1 };
        return Err(SpecError::new("addPoint.label", msg));
    };
    if spec.x.len() >= PAGE_SAMPLES {
        return Err(too_many(spec.x.len() + 1));
    }
    let mut out = spec.clone();
    out.x.push(vec![x1, x2]);
    out.t.push(row);
    Ok(out)
}

/// The spec without training sample `i`; the last sample cannot go.
pub fn remove_point(spec: &Spec, i: usize) -> Result<Spec, SpecError> {
    in_range("removePoint.i", i, spec.x.len())?;
    if spec.x.len() == 1 {
        return Err(SpecError::new("x", Msg::LastSample));
    }
    let mut out = spec.clone();
    out.x.remove(i);
    out.t.remove(i);
    Ok(out)
}

/// The spec with the target of training sample `i` (its only output) set to `value`.
pub fn set_target(spec: &Spec, i: usize, value: f32) -> Result<Spec, SpecError> {
    in_range("setTarget.i", i, spec.t.len())?;
    one_output(spec)?;
    finite("setTarget.value", value)?;
    let mut out = spec.clone();
    out.t[i][0] = value;
    Ok(out)
}

/// The spec with every target set to a gate (`xor`, `and`, `or`, `nand`) of its two inputs,
/// which must each be 0 or 1 (a truth table).
pub fn gate(spec: &Spec, name: &str) -> Result<Spec, SpecError> {
    plane(spec)?;
    let f: fn(bool, bool) -> bool = match name {
        "xor" => |a, b| a != b,
        "and" => |a, b| a && b,
        "or" => |a, b| a || b,
        "nand" => |a, b| !(a && b),
        _ => {
            let msg = Msg::UnknownValue {
                value: name.into(),
                allowed: GATES.join(", "),
            };
            return Err(SpecError::new("gate", msg));
        }
    };
    let bit = |v: f32| v == 0.0 || v == 1.0;
    if !spec.x.iter().all(|r| r.iter().all(|&v| bit(v))) {
        return Err(SpecError::new("x", Msg::TruthTable));
    }
    let mut out = spec.clone();
    for (x, t) in out.x.iter().zip(out.t.iter_mut()) {
        t[0] = f32::from(u8::from(f(x[0] == 1.0, x[1] == 1.0)));
    }
    Ok(out)
}

/// The spec with its training set replaced by CSV text of `x1, x2, label` rows (commas or
/// semicolons; a first line that is not three numbers is a header; blank lines are skipped)
/// and no test set (it belonged to the old data).
pub fn from_csv(spec: &Spec, text: &str) -> Result<Spec, SpecError> {
    plane(spec)?;
    let mut x = Vec::new();
    let mut t = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split([',', ';']).map(str::trim).collect();
        let numbers: Option<Vec<f32>> = fields.iter().map(|f| number(f)).collect();
        match numbers {
            Some(v) if v.len() == 3 => {
                if x.len() == PAGE_SAMPLES {
                    return Err(too_many(PAGE_SAMPLES + 1));
                }
                x.push(vec![v[0], v[1]]);
                t.push(vec![v[2]]);
            }
            // A header: the first line, with three fields that are not all numbers.
            None if x.is_empty() && k == first_line(text) && fields.len() == 3 => {}
            _ => {
                let msg = Msg::CsvLine { line: k + 1 };
                return Err(SpecError::new("csv", msg));
            }
        }
    }
    if x.is_empty() {
        return Err(SpecError::new("csv", Msg::CsvEmpty));
    }
    let mut out = spec.clone();
    out.x = x;
    out.t = t;
    out.x_test.clear();
    out.t_test.clear();
    Ok(out)
}

/// The index of the first non-blank line.
fn first_line(text: &str) -> usize {
    text.lines().position(|l| !l.trim().is_empty()).unwrap_or(0)
}

/// A finite number, or `None`.
fn number(field: &str) -> Option<f32> {
    field.parse::<f32>().ok().filter(|v| v.is_finite())
}

/// Points on the plane need a network with 2 inputs and 1 output.
fn plane(spec: &Spec) -> Result<(), SpecError> {
    let inputs = spec.x.first().map_or(0, Vec::len);
    let outputs = spec.t.first().map_or(0, Vec::len);
    if inputs == 2 && outputs == 1 {
        return Ok(());
    }
    let msg = Msg::Plane { inputs, outputs };
    Err(SpecError::new("x", msg))
}

/// Points on the plane of one output (1) or of k ≥ 2 classes (k one-hot outputs).
fn plane_or_classes(spec: &Spec) -> Result<usize, SpecError> {
    let inputs = spec.x.first().map_or(0, Vec::len);
    match spec.t.first().map_or(0, Vec::len) {
        k if inputs == 2 && k >= 2 => Ok(k),
        _ => plane(spec).map(|()| 1),
    }
}

fn one_output(spec: &Spec) -> Result<(), SpecError> {
    match spec.t.first().map_or(0, Vec::len) {
        1 => Ok(()),
        n => {
            let msg = Msg::OneOutput { n };
            Err(SpecError::new("t", msg))
        }
    }
}

fn finite(field: &str, v: f32) -> Result<(), SpecError> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(SpecError::new(field, Msg::Finite))
    }
}

fn in_range(field: &str, i: usize, len: usize) -> Result<(), SpecError> {
    if i < len {
        Ok(())
    } else {
        let msg = Msg::SampleRange { len };
        Err(SpecError::new(field, msg))
    }
}

fn too_many(n: usize) -> SpecError {
    let msg = Msg::TooMany {
        n,
        what: "rows",
        max: PAGE_SAMPLES,
    };
    SpecError::new("x", msg)
}
