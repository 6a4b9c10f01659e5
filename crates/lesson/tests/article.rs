//! The article's printed run (`shared/reference/article-run.md`), tensor by tensor, and where it
//! ends up: stuck in a local minimum with hidden unit 0 dead.

// The figures are written as article-run.md prints them (8 significant digits), even where an
// f32 cannot hold every digit.
#![allow(clippy::excessive_precision)]

mod common;

use backstep_lesson::{MicroStep, Preset, Session};
use backstep_nn::Inference;
use common::{close, close_rows};
use nalgebra::DMatrix;

/// Two f32 ulps or so: the article's figures are printed to 8 significant digits.
const TOL: f64 = 2.5e-7;

fn rows(m: &DMatrix<f32>) -> Vec<Vec<f32>> {
    backstep_lesson::spec::rows(m)
}

fn article() -> Session<f32> {
    Preset::article().spec(1).unwrap().session().unwrap()
}

fn affine(s: &Session<f32>, i: usize) -> &backstep_nn::Affine<f32> {
    s.network().layers()[i].as_affine().unwrap()
}

#[test]
fn initial_weights_are_bit_exact() {
    let s = article();
    let w1: Vec<u32> = affine(&s, 0)
        .w()
        .transpose()
        .iter()
        .map(|v| v.to_bits())
        .collect();
    assert_eq!(
        w1,
        [
            0xbe08b0c8, 0x3eaed794, 0xbd929404, 0xbdba24bc, 0xbfaa335b, 0xbf0ae6b2, 0x3f0c0ea5,
            0x3f249fd3
        ]
    );
    let w2: Vec<u32> = affine(&s, 2).w().iter().map(|v| v.to_bits()).collect();
    assert_eq!(w2, [0xbf4a5cf8, 0xbf67e4ef, 0xbe857dd4, 0xbf0be81b]);
    assert!(
        affine(&s, 0)
            .b()
            .iter()
            .chain(affine(&s, 2).b().iter())
            .all(|&v| v == 0.0)
    );
}

#[test]
fn one_cycle_reproduces_every_printed_tensor() {
    let mut s = article();
    // 知る: forward through the three layers.
    assert_eq!(s.substep().unwrap(), MicroStep::Forward(0));
    close_rows(
        "X·W1+b1",
        &rows(s.network().layers()[0].y()),
        &[
            vec![0.0, 0.0, 0.0, 0.0],
            vec![-1.329_692_2, -0.542_582_63, 0.547_098_46, 0.643_063_72],
            vec![-0.133_486_87, 0.341_488_48, -0.071_571_38, -0.090_890_378],
            vec![-1.463_179_1, -0.201_094_15, 0.475_527_08, 0.552_173_38],
        ],
        TOL,
        1.0,
    );
    s.substep().unwrap();
    let relu = s.network().layers()[1].as_act().unwrap();
    assert_eq!(
        relu.dead_units(),
        [0],
        "hidden unit 0 is ≤ 0 for every row from step 0"
    );
    s.substep().unwrap();
    close(
        "y",
        s.network().output().as_slice(),
        &[0.0, -0.494_083_61, -0.309_332_91, -0.425_750_58],
        TOL,
        1.0,
    );
    // ロス.
    assert_eq!(s.substep().unwrap(), MicroStep::Loss);
    close("loss", &[s.loss().unwrap()], &[2.063_951], TOL, 1.0);
    assert_eq!(format!("{:.4}", s.loss().unwrap()), "2.0640");
    // 考える: backward, last layer first.
    for want in [2, 1, 0] {
        assert_eq!(s.substep().unwrap(), MicroStep::Backward(want));
    }
    close_rows(
        "dW1",
        &rows(affine(&s, 0).dw()),
        &[
            vec![0.0, 1.186_042_2, 0.111_004_08, 0.232_677_12],
            vec![0.0, 0.0, 0.500_549_97, 1.049_209_4],
        ],
        TOL,
        1.0,
    );
    let printed: Vec<String> = affine(&s, 0)
        .dw()
        .transpose()
        .iter()
        .map(|v| format!("{v:.4}"))
        .collect();
    assert_eq!(
        printed,
        [
            "0.0000", "1.1860", "0.1110", "0.2327", "0.0000", "0.0000", "0.5005", "1.0492"
        ]
    );
    close(
        "db1",
        affine(&s, 0).db().as_slice(),
        &[0.0, 1.186_042_2, 0.500_549_97, 1.049_209_4],
        TOL,
        1.0,
    );
    close(
        "dW2",
        affine(&s, 2).dw().as_slice(),
        &[0.0, -0.447_122_1, -1.019_866_8, -1.195_879_1],
        TOL,
        1.0,
    );
    close(
        "db2",
        affine(&s, 2).db().as_slice(),
        &[-3.229_167],
        TOL,
        1.0,
    );
    // 更新.
    assert_eq!(s.substep().unwrap(), MicroStep::Update);
    close_rows(
        "W1 after",
        &rows(affine(&s, 0).w()),
        &[
            vec![-0.133_486_87, 0.222_884_27, -0.082_671_791, -0.114_158_09],
            vec![-1.329_692_2, -0.542_582_63, 0.497_043_46, 0.538_142_8],
        ],
        TOL,
        1.0,
    );
    close(
        "b1 after",
        affine(&s, 0).b().as_slice(),
        &[0.0, -0.118_604_22, -0.050_054_997, -0.104_920_94],
        TOL,
        1.0,
    );
    close(
        "W2 after",
        affine(&s, 2).w().as_slice(),
        &[-0.790_481_09, -0.861_124_81, -0.158_738_94, -0.426_922_5],
        TOL,
        1.0,
    );
    close(
        "b2 after",
        affine(&s, 2).b().as_slice(),
        &[0.322_916_72],
        TOL,
        1.0,
    );
    // The weights before the update stay readable next to the new ones.
    assert_eq!(affine(&s, 2).w_before()[(0, 0)].to_bits(), 0xbf4a5cf8);
    // 確認: the loss of the updated network.
    let after = Inference::new().loss(s.network(), s.x(), s.t());
    close("loss after", &[after], &[0.789_730_07], TOL, 1.0);
    assert_eq!(format!("{after:.4}"), "0.7897");
    assert_eq!(s.steps(), 1);
}

#[test]
fn two_thousand_steps_settle_in_the_local_minimum() {
    let mut s = article();
    for _ in 0..2000 {
        s.step().unwrap();
    }
    let loss = Inference::new().loss(s.network(), s.x(), s.t());
    assert!((loss - 0.25).abs() < 1e-3, "loss {loss}");
    let y = Inference::new().run(s.network(), s.x()).clone();
    close("y", y.as_slice(), &[0.5, 1.0, 0.5, 0.0], 2e-2, 1.0);
    let relu = s.network().layers()[1].as_act().unwrap();
    assert!(relu.dead_units().contains(&0), "unit 0 never turns on");
}
