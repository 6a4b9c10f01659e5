//! The pinned PyTorch reference: `tests/fixtures/torch_reference.json`, written by
//! `tests/reference/torch_reference.py` (autograd + torch.optim), replayed through the spec and
//! trace and compared within 1e-5 of each tensor's scale.

mod common;

use backstep_lesson::Spec;
use backstep_lesson::export::trace::{Trace, run_with};
use backstep_nn::Kernels;
use common::{close, close_rows};

const FIXTURE: &str = include_str!("../../../tests/fixtures/torch_reference.json");
const TOL: f64 = 1e-5;
/// Tensors whose entries are all below 1e-2 (e.g. a bias after an update that cancels) are
/// compared at that scale: an absolute bound of 1e-7.
const FLOOR: f64 = 1e-2;

#[test]
fn every_case_matches_pytorch() {
    let doc: serde_json::Value = serde_json::from_str(FIXTURE).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 6, "the fixture holds every case");
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let spec = Spec::parse(&case["spec"].to_string()).unwrap();
        let want: Trace = serde_json::from_value(case["trace"].clone()).unwrap();
        // Both kernels: the portable loops (traces, the page) and matrixmultiply (training).
        for kernels in [Kernels::Portable, Kernels::Fast] {
            let got = run_with(&spec, kernels).unwrap_or_else(|e| panic!("{name}: {e}"));
            compare(&format!("{name} ({kernels:?})"), &got, &want);
        }
    }
}

fn compare(name: &str, got: &Trace, want: &Trace) {
    assert_eq!(got.steps.len(), want.steps.len(), "{name}");
    for (g, w) in got.steps.iter().zip(&want.steps) {
        let at = |what: &str| format!("{name} step {} {what}", w.step);
        // Every list has PyTorch's length: a missing layer fails, never zips away.
        assert_eq!(g.outputs.len(), w.outputs.len(), "{}", at("outputs"));
        assert_eq!(g.grads.len(), w.grads.len(), "{}", at("grads"));
        assert_eq!(g.params.len(), w.params.len(), "{}", at("params"));
        close(&at("loss"), &[g.loss], &[w.loss], TOL, FLOOR);
        for (i, (go, wo)) in g.outputs.iter().zip(&w.outputs).enumerate() {
            close_rows(&at(&format!("outputs[{i}]")), go, wo, TOL, FLOOR);
        }
        for (i, (gg, wg)) in g.grads.iter().zip(&w.grads).enumerate() {
            close_rows(&at(&format!("grads[{i}].dx")), &gg.dx, &wg.dx, TOL, FLOOR);
            assert_eq!(gg.dw.is_some(), wg.dw.is_some(), "{}", at("dW presence"));
            if let (Some(a), Some(b)) = (&gg.dw, &wg.dw) {
                close_rows(&at(&format!("grads[{i}].dW")), a, b, TOL, FLOOR);
                close(
                    &at(&format!("grads[{i}].db")),
                    gg.db.as_ref().unwrap(),
                    wg.db.as_ref().unwrap(),
                    TOL,
                    FLOOR,
                );
            }
        }
        for (i, (gp, wp)) in g.params.iter().zip(&w.params).enumerate() {
            assert_eq!(gp.w.is_some(), wp.w.is_some(), "{}", at("W presence"));
            if let (Some(a), Some(b)) = (&gp.w, &wp.w) {
                close_rows(&at(&format!("params[{i}].W")), a, b, TOL, FLOOR);
                close(
                    &at(&format!("params[{i}].b")),
                    gp.b.as_ref().unwrap(),
                    wp.b.as_ref().unwrap(),
                    TOL,
                    FLOOR,
                );
            }
        }
    }
    close(
        &format!("{name} final_loss"),
        &[got.final_loss],
        &[want.final_loss],
        TOL,
        FLOOR,
    );
}
