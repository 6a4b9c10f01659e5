//! A loss that says a finite loss means a finite dL/dy ([`LossKind::finite_loss_means_finite_dy`],
//! which lets the step's guard skip that check) keeps its word on finite outputs and targets
//! from zero to the edge of f32's range, where y − t or its square overflows.

use backstep_nn::loss::{Loss, LossKind};
use nalgebra::DMatrix;

/// Finite values from 0 to f32::MAX, both signs: squares overflow from about 1.8e19 on, and
/// differences from about 1.7e38.
const VALUES: [f32; 13] = [
    0.0,
    1.0,
    -1.0,
    0.5,
    1e10,
    -1e10,
    1.8e19,
    -1.9e19,
    1e30,
    -1e30,
    1.7e38,
    f32::MAX,
    f32::MIN,
];

#[test]
fn a_finite_loss_leaves_a_finite_dy_where_the_loss_says_so() {
    let mut finite_losses = 0;
    for kind in LossKind::ALL {
        if !kind.finite_loss_means_finite_dy() {
            continue;
        }
        let mut loss = Loss::<f32>::new(kind);
        // A 2 × 2 batch: every combination of the values in y, against targets from the same
        // set (mse) or one-hot rows (cross-entropy, as its data are).
        let n = VALUES.len();
        for code in 0..n.pow(4) {
            let pick = |i: u32| VALUES[code / n.pow(i) % n];
            let y = DMatrix::from_column_slice(2, 2, &[pick(0), pick(1), pick(2), pick(3)]);
            let targets: Vec<DMatrix<f32>> = match kind {
                LossKind::Mse => vec![
                    DMatrix::from_column_slice(2, 2, &[pick(3), pick(2), pick(1), pick(0)]),
                    DMatrix::from_column_slice(2, 2, &[-pick(1), 0.0, pick(0), -pick(2)]),
                ],
                LossKind::SoftmaxCrossEntropy => vec![
                    DMatrix::from_column_slice(2, 2, &[1.0, 0.0, 0.0, 1.0]),
                    DMatrix::from_column_slice(2, 2, &[0.0, 1.0, 1.0, 0.0]),
                ],
            };
            for t in &targets {
                let l = loss.forward(&y, t);
                if l.is_finite() {
                    finite_losses += 1;
                    let dy = loss.backward();
                    assert!(
                        dy.iter().all(|v| v.is_finite()),
                        "{}: loss {l} finite but dL/dy {dy} is not (y {y}, t {t})",
                        kind.name()
                    );
                }
            }
        }
    }
    // The claim was put to the test: many finite losses, next to the overflowing ones.
    assert!(finite_losses > 10_000, "{finite_losses}");
}
