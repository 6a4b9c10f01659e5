//! The generated PyTorch script (`codegen`), run with python3 and torch: its loss, gradients and
//! updated parameters must match the library's next step within 1e-5 of each tensor's scale.
//!
//! The tests that run Python are named `python_…`. They use PyTorch when `import torch` works,
//! or, where `cargo xtask test` found only numpy, the float32 numpy stand-in for the few torch
//! calls the script makes (`BACKSTEP_TORCH_STANDIN` names its folder, put on PYTHONPATH).
//! Without either, `cargo xtask test` leaves them out by name and reports them skipped; run
//! alone, they fail saying what to install.

mod common;

use backstep_lesson::export::codegen::pytorch_code;
use backstep_lesson::{DataChoice, MicroStep, Preset, Session};
use backstep_nn::data::Shape2d;
use backstep_nn::loss::LossKind;
use backstep_nn::regularize::{Penalty, PenaltyKind};
use backstep_nn::{Act, Init, OptimizerKind};
use common::{close, close_rows};
use serde_json::Value;
use std::process::Command;

const TOL: f64 = 1e-5;
/// The scale floor for a tensor that is (nearly) all zero.
const FLOOR: f64 = 1e-6;

fn run_python(name: &str, code: &str) -> Value {
    let path =
        std::env::temp_dir().join(format!("backstep-codegen-{}-{name}.py", std::process::id()));
    std::fs::write(&path, code).unwrap();
    let mut python = Command::new("python3");
    if let Some(dir) = std::env::var_os("BACKSTEP_TORCH_STANDIN") {
        python.env("PYTHONPATH", dir);
    }
    let out = python.arg(&path).output().unwrap_or_else(|e| {
        panic!("cannot run python3 ({e}): install Python 3 with numpy (or PyTorch)")
    });
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named 'torch'"),
        "neither PyTorch nor the numpy stand-in: run these through `cargo xtask test`, which uses \
         tests/torch-standin when numpy is there (`python3 -m pip install numpy`), or install \
         PyTorch (`pip install torch`, about 2.8 GB)"
    );
    assert!(out.status.success(), "{name}: python3 failed:\n{stderr}");
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("{name}: last line is not JSON ({e})"))
}

fn rows(v: &Value) -> Vec<Vec<f32>> {
    v.as_array().unwrap().iter().map(flat).collect::<Vec<_>>()
}

fn flat(v: &Value) -> Vec<f32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap() as f32)
        .collect()
}

/// Generates the script for `s`'s next step, runs it, and compares it with the library's step.
fn check(name: &str, s: &Session<f32>) {
    let py = run_python(name, &pytorch_code(s));
    let mut lib = s.clone();
    let loss = lib.step().unwrap();
    close(
        &format!("{name}: loss"),
        &[py["loss"].as_f64().unwrap() as f32],
        &[loss],
        TOL,
        FLOOR,
    );
    let affines: Vec<_> = lib.network().affines().collect();
    let (grads, params) = (
        py["grads"].as_array().unwrap(),
        py["params"].as_array().unwrap(),
    );
    assert_eq!(
        grads.len(),
        affines.len(),
        "{name}: one entry per affine layer"
    );
    for (k, a) in affines.iter().enumerate() {
        let lib_rows = backstep_lesson::spec::rows;
        close_rows(
            &format!("{name}: dW{k}"),
            &rows(&grads[k]["dW"]),
            &lib_rows(a.dw()),
            TOL,
            FLOOR,
        );
        let db: Vec<f32> = a.db().iter().copied().collect();
        close(
            &format!("{name}: db{k}"),
            &flat(&grads[k]["db"]),
            &db,
            TOL,
            FLOOR,
        );
        close_rows(
            &format!("{name}: W{k} after the update"),
            &rows(&params[k]["W"]),
            &lib_rows(a.w()),
            TOL,
            FLOOR,
        );
        let b: Vec<f32> = a.b().iter().copied().collect();
        close(
            &format!("{name}: b{k} after"),
            &flat(&params[k]["b"]),
            &b,
            TOL,
            FLOOR,
        );
    }
}

fn session(p: &Preset) -> Session<f32> {
    p.spec(1).unwrap().session().unwrap()
}

fn plane(shape: Shape2d, act: Act, optimizer: OptimizerKind, batch_size: usize) -> Preset {
    Preset {
        data: DataChoice::Plane(shape),
        hidden: vec![8, 8],
        activation: act,
        optimizer,
        init: Init::Glorot,
        batch_size,
        points: 250,
        ..Preset::default()
    }
}

#[test]
fn python_the_article_run_at_step_0_and_later() {
    let mut s = session(&Preset::article());
    check("article step 0", &s);
    for _ in 0..20 {
        s.step().unwrap();
    }
    check("article step 20", &s);
    // Half way through a step the script runs that step.
    s.substep().unwrap();
    s.substep().unwrap();
    assert_eq!(s.next(), MicroStep::Forward(2));
    check("article mid-step", &s);
}

#[test]
fn python_tanh_adam_on_mini_batches() {
    let adam = OptimizerKind::Adam {
        lr: 0.01,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
    };
    let mut s = session(&plane(Shape2d::Circle, Act::Tanh, adam, 10));
    check("adam step 0", &s);
    for _ in 0..30 {
        s.step().unwrap();
    }
    assert!(s.optimizer().steps() == 30);
    check("adam step 30", &s);
}

#[test]
fn python_sigmoid_momentum_and_a_relu_regression() {
    let momentum = OptimizerKind::Momentum {
        lr: 0.05,
        momentum: 0.9,
    };
    let mut s = session(&Preset {
        output: Some(Act::Sigmoid),
        ..plane(Shape2d::Spiral, Act::Sigmoid, momentum, 25)
    });
    for _ in 0..12 {
        s.step().unwrap();
    }
    check("sigmoid momentum step 12", &s);
    let mut r = session(&Preset {
        data: DataChoice::Regression,
        ..Preset::article()
    });
    for _ in 0..3 {
        r.step().unwrap();
    }
    check("regression step 3", &r);
}

#[test]
fn the_script_is_self_contained_and_uses_no_autograd() {
    let code = pytorch_code(&session(&Preset::article()));
    assert!(
        code.contains("class Affine") && code.contains("class Relu") && code.contains("class MSE")
    );
    assert!(
        !code.contains("class Tanh"),
        "only the activations the net uses"
    );
    for banned in ["requires_grad", "loss.backward()", "autograd", "torch.nn"] {
        assert!(!code.contains(banned), "the script uses {banned}");
    }
    // The article's first weight, in its shortest round-trip form.
    assert!(code.contains(&format!("{:?}", f32::from_bits(0xbe08b0c8))));
}

/// A preset with softmax cross-entropy on `k` gaussian clouds and an optional penalty.
fn classes(k: usize, regularization: Option<Penalty>) -> Preset {
    Preset {
        classes: k,
        loss: LossKind::SoftmaxCrossEntropy,
        regularization,
        ..plane(
            Shape2d::Gaussians,
            Act::Tanh,
            OptimizerKind::Sgd { lr: 0.01 },
            10,
        )
    }
}

#[test]
fn python_softmax_cross_entropy_and_the_penalties() {
    let mut s = session(&classes(3, None));
    check("softmax 3 classes step 0", &s);
    s.run(15).unwrap();
    check("softmax 3 classes step 15", &s);
    for kind in PenaltyKind::ALL {
        let p = Some(Penalty { kind, rate: 0.05 });
        let mut s = session(&classes(2, p));
        s.run(5).unwrap();
        check(&format!("softmax 2 classes, {} step 5", kind.name()), &s);
        let mut m = session(&Preset {
            regularization: p,
            ..Preset::article()
        });
        m.run(3).unwrap();
        check(&format!("article, {} step 3", kind.name()), &m);
    }
}

#[test]
fn the_script_names_its_loss_and_penalty() {
    let p = Some(Penalty {
        kind: PenaltyKind::L2,
        rate: 0.25,
    });
    let code = pytorch_code(&session(&classes(4, p)));
    assert!(code.contains("class SoftmaxCrossEntropy") && !code.contains("class MSE"));
    assert!(code.contains("loss_layer = SoftmaxCrossEntropy()"));
    assert!(code.contains("class L2") && code.contains("penalty = L2(rate=0.25)"));
    assert!(code.contains("loss = loss + penalty.forward([a.W for a in affines])"));
    assert!(code.contains("a.dW = a.dW + penalty.backward(a.W)"));
    for banned in ["requires_grad", "loss.backward()", "autograd", "torch.nn"] {
        assert!(!code.contains(banned), "the script uses {banned}");
    }
    let plain = pytorch_code(&session(&Preset::article()));
    assert!(!plain.contains("penalty") && plain.contains("loss_layer = MSE()"));
}

/// Input features: the code's x is the features of the batch's points, so the same next step.
#[test]
fn python_input_features() {
    use backstep_nn::features::Feature;
    let sgd = OptimizerKind::Sgd { lr: 0.05 };
    let mut s = session(&Preset {
        features: Feature::ALL.to_vec(),
        ..plane(Shape2d::Spiral, Act::Tanh, sgd, 10)
    });
    for _ in 0..5 {
        s.step().unwrap();
    }
    check("every feature step 5", &s);
}
