//! The portable matrix kernels: the summation order they document, bit for bit, and agreement
//! with nalgebra's products for every transpose combination the layers use.

use backstep_nn::affine::lane_sum;
use backstep_nn::matmul::{Kernels, Op, matmul};
use nalgebra::DMatrix;

fn naive(a: &DMatrix<f64>, b: &DMatrix<f64>) -> DMatrix<f64> {
    a * b
}

/// The textbook orders the kernels promise: ascending p from zero for `A·op(B)`, and
/// [`lane_sum`]'s order for `Aᵀ·B`.
#[test]
fn kernels_sum_in_the_documented_order_bit_for_bit() {
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    for &(m, k, n) in &[
        (32, 2, 8),
        (37, 8, 9),
        (2304, 8, 1),
        (64, 1, 3),
        (33, 0, 2),
        (3, 29, 5),
    ] {
        let a = DMatrix::from_fn(m, k, |i, j| ((i * 7 + j * 3) as f32 * 0.37).sin() * 3.0);
        let b = DMatrix::from_fn(k, n, |i, j| ((i * 5 + j * 11) as f32 * 0.23).cos() - 0.2);
        let want = DMatrix::from_fn(m, n, |i, j| {
            (0..k).fold(0.0f32, |s, p| s + a[(i, p)] * b[(p, j)])
        });
        let bt = b.transpose();
        for (bb, ob) in [(&b, Op::N), (&bt, Op::T)] {
            let mut got = DMatrix::from_element(m, n, f32::NAN);
            matmul(&mut got, &a, Op::N, bb, ob, Kernels::Portable);
            assert_eq!(
                bits(got.as_slice()),
                bits(want.as_slice()),
                "{m}×{k}×{n} {ob:?}"
            );
        }
        // Aᵀ·B with A = the k × m matrix aᵀ: entry (i, j) is lane_sum of the products.
        let at = a.transpose();
        let c = DMatrix::from_fn(k, n, |i, j| ((i * 3 + j) as f32 * 0.41).sin());
        let want = DMatrix::from_fn(m, n, |i, j| {
            let terms: Vec<f32> = (0..k).map(|p| at[(p, i)] * c[(p, j)]).collect();
            lane_sum(&terms)
        });
        let mut got = DMatrix::from_element(m, n, f32::NAN);
        matmul(&mut got, &at, Op::T, &c, Op::N, Kernels::Portable);
        assert_eq!(
            bits(got.as_slice()),
            bits(want.as_slice()),
            "{m}×{k}×{n} Aᵀ·B"
        );
    }
}

#[test]
fn all_transpose_combinations_match_nalgebra_small_and_large() {
    for &(m, k, n) in &[(4, 2, 4), (3, 5, 2), (40, 30, 20), (64, 70, 3)] {
        let a = DMatrix::from_fn(m, k, |i, j| (i as f64 * 0.37 - j as f64 * 0.11).sin());
        let b = DMatrix::from_fn(k, n, |i, j| (i as f64 * 0.23 + j as f64 * 0.71).cos());
        let want = naive(&a, &b);
        let at = a.transpose();
        let bt = b.transpose();
        for (aa, oa) in [(&a, Op::N), (&at, Op::T)] {
            for (bb, ob) in [(&b, Op::N), (&bt, Op::T)] {
                if (oa, ob) == (Op::T, Op::T) {
                    continue;
                }
                for kernels in [Kernels::Fast, Kernels::Portable] {
                    let mut out = DMatrix::zeros(m, n);
                    matmul(&mut out, aa, oa, bb, ob, kernels);
                    let err = (&out - &want).amax();
                    assert!(err < 1e-12, "{m}×{k}×{n} {oa:?} {ob:?} {kernels:?}");
                }
            }
        }
    }
}
