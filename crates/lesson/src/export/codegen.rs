//! The session's next step as a runnable PyTorch script written from scratch: layer classes
//! with hand-written forward and backward methods on float32 tensors (no autograd), the batch
//! the next step trains on, the current weights and optimizer state, one step, and a last line
//! of JSON with the loss, the gradients and the updated parameters.
//!
//! Every f32 is printed in its shortest round-trip form (`{:?}`), so Python reads back the very
//! same float32 values. The script's last line is
//! `{"loss": L, "grads": [{"dW": [[..]], "db": [..]}, ..], "params": [{"W": [[..]], "b": [..]}, ..]}`
//! with one entry per affine layer, in order.

use crate::cycle::Session;
use crate::export::pytorch_text::{
    HEAD, L1, L2, MSE, PENALTY_BACKWARD, PENALTY_FORWARD, RELU, SIGMOID, SOFTMAX_CROSS_ENTROPY,
    STEP_BACKWARD, STEP_FORWARD, STEP_UPDATE, TANH, optimizer_code,
};
use backstep_nn::activation::Act;
use backstep_nn::layer::Layer;
use backstep_nn::loss::LossKind;
use backstep_nn::optim::OptimizerKind;
use backstep_nn::regularize::PenaltyKind;
use nalgebra::DMatrix;
use std::fmt::Write;

/// The session's next step as a Python script; see the module documentation. The batch is the
/// one the next step trains on (the one in progress when a step is half done: parameters and
/// optimizer state only change at its update, so the script runs that whole step).
pub fn pytorch_code(s: &Session<f32>) -> String {
    let layers = s.network().layers();
    let needs = |a: Act| layers.iter().any(|l| l.act() == Some(a));
    let mut out = String::with_capacity(4096);
    out.push_str(
        "# One training step of a backstep session, written from scratch on PyTorch tensors.\n",
    );
    let _ = writeln!(
        out,
        "# Completed steps so far: {}. Optimizer: {}.\n",
        s.steps(),
        s.optimizer().kind().name()
    );
    out.push_str(HEAD);
    for (a, code) in [
        (Act::Relu, RELU),
        (Act::Sigmoid, SIGMOID),
        (Act::Tanh, TANH),
    ] {
        if needs(a) {
            out.push_str(code);
        }
    }
    let (loss_class, loss_code) = match s.network().loss().kind() {
        LossKind::Mse => ("MSE", MSE),
        LossKind::SoftmaxCrossEntropy => ("SoftmaxCrossEntropy", SOFTMAX_CROSS_ENTROPY),
    };
    out.push_str(loss_code);
    let penalty = s.network().penalty();
    if let Some(p) = penalty {
        out.push_str(match p.kind {
            PenaltyKind::L1 => L1,
            PenaltyKind::L2 => L2,
        });
    }
    out.push_str(optimizer_code(s.optimizer().kind()));
    out.push_str("\n\n# The batch this step trains on");
    let batch = s.batcher().current();
    if s.batcher().is_full() {
        out.push_str(" (the whole training set).\n");
    } else {
        let _ = writeln!(out, ": rows {batch:?} of the training set.");
    }
    let pick = |m: &DMatrix<f32>| DMatrix::from_fn(batch.len(), m.ncols(), |r, c| m[(batch[r], c)]);
    let _ = writeln!(out, "x = tensor({})", matrix(&pick(s.x()), 0));
    let _ = writeln!(out, "t = tensor({})\n", matrix(&pick(s.t()), 0));
    out.push_str("# The layers with their current parameters.\nlayers = [\n");
    for l in layers {
        match l {
            Layer::Affine(a) => {
                let _ = writeln!(
                    out,
                    "    Affine(\n        tensor({}),\n        tensor({}),\n    ),",
                    matrix(a.w(), 8),
                    list(a.b().as_slice())
                );
            }
            Layer::Act(a) => {
                let name = match a.act() {
                    Act::Relu => "Relu",
                    Act::Sigmoid => "Sigmoid",
                    Act::Tanh => "Tanh",
                };
                let _ = writeln!(out, "    {name}(),");
            }
        }
    }
    let _ = writeln!(out, "]\nloss_layer = {loss_class}()");
    out.push_str("affines = [l for l in layers if isinstance(l, Affine)]\n");
    if let Some(p) = penalty {
        let class = p.kind.name().to_uppercase();
        let _ = writeln!(out, "penalty = {class}(rate={:?})", p.rate);
    }
    out.push_str(&optimizer_state(s));
    out.push_str(STEP_FORWARD);
    if penalty.is_some() {
        out.push_str(PENALTY_FORWARD);
    }
    out.push_str(STEP_BACKWARD);
    if penalty.is_some() {
        out.push_str(PENALTY_BACKWARD);
    }
    out.push_str(STEP_UPDATE);
    out
}

/// The optimizer object with its current state (one buffer per parameter: W then b of each
/// affine layer, as in [`backstep_nn::Optimizer::slots`]).
fn optimizer_state(s: &Session<f32>) -> String {
    let opt = s.optimizer();
    let buffers = |v: &dyn Fn(&backstep_nn::optim::Slot<f32>) -> &DMatrix<f32>| {
        let mut out = String::from("[\n");
        // Slots alternate W (nested rows) and b (a flat list).
        for (k, slot) in opt.slots().iter().enumerate() {
            let m = v(slot);
            let text = if k % 2 == 1 {
                list(m.as_slice())
            } else {
                matrix(m, 4)
            };
            let _ = writeln!(out, "    tensor({text}),");
        }
        out.push(']');
        out
    };
    match opt.kind() {
        OptimizerKind::Sgd { lr } => format!("\noptimizer = SGD(lr={lr:?})\n"),
        OptimizerKind::Momentum { lr, momentum } => format!(
            "\n# The velocity of each parameter (W, then b, of each affine layer).\n\
             velocities = {}\noptimizer = Momentum(lr={lr:?}, mu={momentum:?}, velocities=velocities)\n",
            buffers(&|s| &s.m)
        ),
        OptimizerKind::Adam {
            lr,
            beta1,
            beta2,
            eps,
        } => format!(
            "\n# Adam's averages for each parameter (W, then b, of each affine layer), and its \
             count of updates so far.\nm = {}\nv = {}\noptimizer = Adam(lr={lr:?}, beta1={beta1:?}, \
             beta2={beta2:?}, eps={eps:?}, m=m, v=v, t={})\n",
            buffers(&|s| &s.m),
            buffers(&|s| &s.v),
            opt.steps()
        ),
    }
}

/// Nested rows, one row per line when there are several, the closing bracket indented by
/// `indent` spaces.
fn matrix(m: &DMatrix<f32>, indent: usize) -> String {
    let rows: Vec<String> = m
        .row_iter()
        .map(|r| list(&r.iter().copied().collect::<Vec<f32>>()))
        .collect();
    if rows.len() <= 1 {
        format!("[{}]", rows.join(""))
    } else {
        let (inner, outer) = (" ".repeat(indent + 4), " ".repeat(indent));
        format!("[\n{inner}{},\n{outer}]", rows.join(&format!(",\n{inner}")))
    }
}

/// A flat list of f32 in shortest round-trip form.
fn list(v: &[f32]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("{x:?}")).collect();
    format!("[{}]", items.join(", "))
}
