//! The benchmark workloads W1–W5, shared by the criterion benches, `backstep bench` and the
//! comparison script, so every figure in BENCHMARKS.md measures the same thing.

use crate::preset::{DataChoice, Preset};
use backstep_nn::activation::Act;
use backstep_nn::data::Shape2d;
use backstep_nn::init::Init;
use backstep_nn::optim::OptimizerKind;
use nalgebra::DMatrix;

/// W1: the article's XOR 2-4-1 ReLU, full batch, SGD 0.1.
pub fn w1() -> Preset {
    Preset::article()
}

/// W2: circle, 500 points, 2-8-8-1 tanh with a tanh output, batch 10, SGD 0.03.
pub fn w2() -> Preset {
    Preset {
        data: DataChoice::Plane(Shape2d::Circle),
        hidden: vec![8, 8],
        activation: Act::Tanh,
        output: Some(Act::Tanh),
        optimizer: OptimizerKind::Sgd { lr: 0.03 },
        init: Init::Glorot,
        seed: 1,
        skip: 0,
        batch_size: 10,
        points: 500,
        noise: 0.1,
        test_fraction: 0.0,
        ..Preset::article()
    }
}

/// W3's input: a `side` × `side` grid over [−6, 6]², one point per row (row-major, y down).
pub fn grid(side: usize) -> DMatrix<f32> {
    let at = |k: usize| -6.0 + 12.0 * (k as f32 + 0.5) / side as f32;
    DMatrix::from_fn(side * side, 2, |r, c| {
        if c == 0 { at(r % side) } else { -at(r / side) }
    })
}

/// W4: 2-64-64-1 ReLU on 1024 spiral points, full batch, He init, SGD 1e-4 (the loss is a sum,
/// so the rate is small enough for 1024 points not to diverge).
pub fn w4() -> Preset {
    Preset {
        data: DataChoice::Plane(Shape2d::Spiral),
        hidden: vec![64, 64],
        activation: Act::Relu,
        output: None,
        optimizer: OptimizerKind::Sgd { lr: 1e-4 },
        init: Init::He,
        seed: 4,
        skip: 0,
        batch_size: 0,
        points: 1024,
        noise: 0.1,
        test_fraction: 0.0,
        ..Preset::article()
    }
}

/// W5: the page's largest net, 2-16-16-16-16-1 tanh with a tanh output, on 500 spiral points,
/// full batch, Glorot init, SGD 6e-5 (TF Playground's default rate 0.03 averaged over 500
/// points, as a rate on the summed loss).
pub fn w5() -> Preset {
    Preset {
        data: DataChoice::Plane(Shape2d::Spiral),
        hidden: vec![16, 16, 16, 16],
        activation: Act::Tanh,
        output: Some(Act::Tanh),
        optimizer: OptimizerKind::Sgd { lr: 6e-5 },
        init: Init::Glorot,
        seed: 5,
        skip: 0,
        batch_size: 0,
        points: 500,
        noise: 0.1,
        test_fraction: 0.0,
        ..Preset::article()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workloads_run_without_diverging() {
        for (name, p, steps) in [
            ("w1", w1(), 200),
            ("w2", w2(), 200),
            ("w4", w4(), 10),
            ("w5", w5(), 50),
        ] {
            let mut s = p.spec(1).unwrap().session().unwrap();
            for _ in 0..steps {
                s.step().unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
        let g = grid(100);
        assert_eq!(g.shape(), (10_000, 2));
        assert!(g.iter().all(|v| v.abs() < 6.0));
    }
}
