//! Softmax cross-entropy and the L1/L2 penalties against a float64 reference written here from
//! the definitions (softmax without the max trick, the penalty's gradient by hand), one step of
//! a 3-4-3 tanh net; and the spec errors of both, one line naming the field.
//! The grid's softmax (the page's class map) equals the loss phase's p bit for bit.

mod common;

use backstep_lesson::Spec;
use backstep_lesson::export::trace;
use common::{close, close_rows};
use nalgebra::DMatrix;
use serde_json::{Value, json};

const TOL: f64 = 1e-5;

type M = DMatrix<f64>;

fn m(rows: &[&[f64]]) -> M {
    DMatrix::from_fn(rows.len(), rows[0].len(), |r, c| rows[r][c])
}

fn x() -> M {
    m(&[
        &[0.5, -1.0, 2.0],
        &[1.5, 0.25, -0.75],
        &[-2.0, 1.0, 0.0],
        &[0.0, -0.5, 1.25],
        &[3.0, 2.0, -1.0],
    ])
}
fn t() -> M {
    m(&[
        &[1.0, 0.0, 0.0],
        &[0.0, 1.0, 0.0],
        &[0.0, 0.0, 1.0],
        &[0.0, 1.0, 0.0],
        &[1.0, 0.0, 0.0],
    ])
}
fn w1() -> M {
    m(&[
        &[0.3, -0.2, 0.5, 0.1],
        &[-0.4, 0.6, 0.0, 0.2],
        &[0.25, 0.1, -0.3, -0.5],
    ])
}
fn w2() -> M {
    m(&[
        &[1.0, -0.5, 0.2],
        &[0.3, 0.8, -1.1],
        &[-0.7, 0.4, 0.9],
        &[0.0, -0.6, 0.5],
    ])
}
const B1: [f64; 4] = [0.1, -0.1, 0.05, 0.0];
const B2: [f64; 3] = [0.2, 0.0, -0.2];
const LR: f64 = 0.5;

fn f32_rows(m: &M) -> Vec<Vec<f32>> {
    m.row_iter()
        .map(|r| r.iter().map(|&v| v as f32).collect())
        .collect()
}

fn spec(regularization: Option<(&str, f64)>) -> Value {
    let mut doc = json!({
        "x": f32_rows(&x()), "t": f32_rows(&t()),
        "layers": [
            {"type": "affine", "W": f32_rows(&w1()), "b": B1},
            {"type": "tanh"},
            {"type": "affine", "W": f32_rows(&w2()), "b": B2},
        ],
        "loss": "softmax_cross_entropy",
        "optimizer": {"type": "sgd", "lr": LR},
    });
    if let Some((kind, rate)) = regularization {
        doc["regularization"] = json!({"type": kind, "rate": rate});
    }
    doc
}

/// What the reference computes: the loss, p, dW of both layers and W after the update.
struct Reference {
    loss: f64,
    p: M,
    dw: [M; 2],
    w_after: [M; 2],
}

fn reference(regularization: Option<(&str, f64)>) -> Reference {
    let (x, t, w1, w2) = (x(), t(), w1(), w2());
    let bias = |b: &[f64], n: usize| DMatrix::from_fn(n, b.len(), |_, c| b[c]);
    let h = (&x * &w1 + bias(&B1, 5)).map(f64::tanh);
    let y = &h * &w2 + bias(&B2, 5);
    let e = y.map(f64::exp);
    let p = DMatrix::from_fn(5, 3, |r, c| e[(r, c)] / e.row(r).sum());
    let mut loss = -t.zip_map(&p, |ti, pi| ti * pi.ln()).sum();
    let dy = &p - &t;
    let mut dw2 = h.transpose() * &dy;
    let dh = (&dy * w2.transpose()).zip_map(&h, |g, hv| g * (1.0 - hv * hv));
    let mut dw1 = x.transpose() * dh;
    if let Some((kind, r)) = regularization {
        for (w, dw) in [(&w1, &mut dw1), (&w2, &mut dw2)] {
            if kind == "l2" {
                loss += 0.5 * r * w.map(|v| v * v).sum();
                *dw += w * r;
            } else {
                loss += r * w.map(f64::abs).sum();
                *dw += w.map(|v| {
                    r * if v > 0.0 {
                        1.0
                    } else if v < 0.0 {
                        -1.0
                    } else {
                        0.0
                    }
                });
            }
        }
    }
    Reference {
        loss,
        p,
        w_after: [&w1 - &dw1 * LR, &w2 - &dw2 * LR],
        dw: [dw1, dw2],
    }
}

#[test]
fn one_step_matches_the_float64_reference() {
    for reg in [None, Some(("l2", 0.1)), Some(("l1", 0.05))] {
        let doc = spec(reg);
        let spec = Spec::parse(&doc.to_string()).unwrap();
        let record = &trace::run(&spec).unwrap().steps[0];
        let r = reference(reg);
        let name = format!("{reg:?}");
        close(
            &format!("{name}: loss"),
            &[record.loss],
            &[r.loss as f32],
            TOL,
            1e-6,
        );
        let p = record
            .probabilities
            .as_ref()
            .expect("softmax's p is recorded");
        close_rows(&format!("{name}: p"), p, &f32_rows(&r.p), TOL, 1e-6);
        // The logits stay the outputs: p is their softmax.
        let logits = &record.outputs[2];
        let row0: f32 = logits[0].iter().map(|v| v.exp()).sum();
        assert!((p[0][0] - logits[0][0].exp() / row0).abs() < 1e-6);
        for (k, layer) in [0, 2].into_iter().enumerate() {
            let dw = record.grads[layer].dw.as_ref().unwrap();
            close_rows(
                &format!("{name}: dW{k}"),
                dw,
                &f32_rows(&r.dw[k]),
                TOL,
                1e-6,
            );
            let w = record.params[layer].w.as_ref().unwrap();
            let after = f32_rows(&r.w_after[k]);
            close_rows(&format!("{name}: W{k} after"), w, &after, TOL, 1e-6);
        }
        match reg {
            None => assert_eq!(record.penalty, None),
            Some(_) => assert!(record.penalty.unwrap() > 0.0),
        }
    }
}

#[test]
fn the_default_loss_records_no_probabilities_or_penalty() {
    let spec = backstep_lesson::Preset::article().spec(1).unwrap();
    let record = &trace::run(&spec).unwrap().steps[0];
    assert_eq!((&record.probabilities, record.penalty), (&None, None));
    let text = serde_json::to_string(record).unwrap();
    assert!(!text.contains("probabilities") && !text.contains("penalty"));
}

fn error(doc: &Value) -> String {
    common::spec_error(doc)
}

#[test]
fn bad_softmax_and_regularization_specs_name_their_field() {
    let mut narrow = spec(None);
    narrow["t"] = json!([[1.0], [0.0], [1.0], [0.0], [1.0]]);
    narrow["layers"][2]["W"] = json!([[1.0], [0.3], [-0.7], [0.0]]);
    narrow["layers"][2]["b"] = json!([0.0]);
    assert_eq!(
        error(&narrow),
        "t: softmax_cross_entropy needs one-hot rows of at least 2 classes; t has width 1"
    );
    let mut wide = spec(None);
    wide["t"] = json!([[1, 0], [0, 1], [1, 0], [0, 1], [1, 0]]);
    assert_eq!(
        error(&wide),
        "layers: the network's output has width 3 but t has width 2"
    );
    let mut soft = spec(None);
    soft["t"][3] = json!([0.5, 0.5, 0.0]);
    assert_eq!(
        error(&soft),
        "t[3]: is not one-hot (one 1, the rest 0), as softmax_cross_entropy needs"
    );
    let mut unknown = spec(None);
    unknown["loss"] = json!("hinge");
    assert_eq!(
        error(&unknown),
        "loss: unknown loss `hinge`, expected one of `mse`, `softmax_cross_entropy`"
    );
    assert_eq!(
        error(&spec(Some(("l3", 0.1)))),
        "regularization.type: unknown type `l3`, expected one of `l1`, `l2`"
    );
    let want = "regularization.rate: must be a finite number ≥ 0";
    let mut negative = spec(Some(("l2", 0.1)));
    negative["regularization"]["rate"] = json!(-0.5);
    assert_eq!(error(&negative), want);
    // JSON holds no infinity, but a document from JavaScript can.
    let mut s = Spec::parse(&spec(Some(("l1", 0.1))).to_string()).unwrap();
    for rate in [f64::INFINITY, f64::NAN] {
        s.regularization.as_mut().unwrap().rate = rate;
        assert_eq!(s.session().unwrap_err().to_string(), want);
    }
    let mut missing = spec(Some(("l2", 0.1)));
    missing["regularization"] = json!({"type": "l2"});
    assert_eq!(error(&missing), "regularization: missing field `rate`");
    let mut extra = spec(Some(("l1", 0.1)));
    extra["regularization"]["on"] = json!("b");
    assert_eq!(
        error(&extra),
        "regularization: unknown field `on`, expected one of `type`, `rate`"
    );
}

/// The page's grid takes p = softmax(y) of logits outside a loss phase: the same bits as the
/// loss phase's p on the same y.
#[test]
fn softmax_into_equals_the_loss_phase_p() {
    use backstep_nn::loss::{Loss, LossKind, softmax_into};
    let y = DMatrix::<f32>::from_fn(6, 4, |r, c| ((r * 7 + c * 3) % 11) as f32 * 0.9 - 4.0);
    let t = DMatrix::<f32>::from_fn(6, 4, |r, c| f32::from(u8::from(r % 4 == c)));
    let mut loss = Loss::new(LossKind::SoftmaxCrossEntropy);
    loss.forward(&y, &t);
    let mut p = DMatrix::zeros(0, 0);
    softmax_into(&mut p, &y);
    let bits = |m: &DMatrix<f32>| m.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&p), bits(loss.probabilities()));
}
