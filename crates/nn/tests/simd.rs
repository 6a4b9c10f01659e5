//! The page's four-lane kernels (`backstep_nn::simd_kernels`, run here with emulated lanes)
//! give the generic loops' bits: every product shape class (panels of 8 and 4 rows, single
//! rows, 4 and single columns, both B layouts, Aᵀ·B with and without a tail), the bias add,
//! and tanh and sigmoid over every f32 of a dense sample.

use backstep_nn::activation::{Act, activation_into};
use backstep_nn::affine::affine_into;
use backstep_nn::fastmath::{sigmoid, tanh};
use backstep_nn::matmul::{Kernels, Op, matmul};
use backstep_nn::simd_kernels::{add_bias, product, squash};
use nalgebra::DMatrix;

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// Values with both signs, zeros of both signs, and magnitudes far apart (so that the order of
/// the additions shows in the last bits).
fn value(i: usize, salt: usize) -> f32 {
    match (i * 31 + salt * 17) % 23 {
        0 => 0.0,
        1 => -0.0,
        r => ((i * 7 + salt * 13) as f32 * 0.37).sin() * 10f32.powi(r as i32 % 7 - 3),
    }
}

#[test]
fn products_have_the_generic_loops_bits() {
    let sizes = [0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 33];
    for &m in &sizes {
        for &k in &[0, 1, 2, 7, 8, 9, 16, 23] {
            for &n in &[1, 2, 3, 4, 5, 8, 9] {
                let a = DMatrix::from_fn(m, k, |i, j| value(i + 40 * j, 1));
                let b = DMatrix::from_fn(k, n, |i, j| value(i + 40 * j, 2));
                let bt = b.transpose();
                for (bb, ob, rsb, csb) in [(&b, Op::N, 1, k), (&bt, Op::T, n, 1)] {
                    let mut want = DMatrix::from_element(m, n, f32::NAN);
                    matmul(&mut want, &a, Op::N, bb, ob, Kernels::Portable);
                    let mut got = DMatrix::from_element(m, n, f32::NAN);
                    let o = got.as_mut_slice();
                    assert!(product(
                        o,
                        a.as_slice(),
                        Op::N,
                        bb.as_slice(),
                        ob,
                        (rsb, csb),
                        (m, k, n)
                    ));
                    assert_eq!(
                        bits(got.as_slice()),
                        bits(want.as_slice()),
                        "{m}×{k}×{n} {ob:?}"
                    );
                }
                if m == 0 {
                    continue; // Aᵀ·B into no rows has no column to walk (the layers never ask).
                }
                // Aᵀ·B: A stored k × m.
                let at = a.transpose();
                let c = DMatrix::from_fn(k, n, |i, j| value(i + 40 * j, 3));
                let mut want = DMatrix::from_element(m, n, f32::NAN);
                matmul(&mut want, &at, Op::T, &c, Op::N, Kernels::Portable);
                let mut got = DMatrix::from_element(m, n, f32::NAN);
                let o = got.as_mut_slice();
                let done = product(
                    o,
                    at.as_slice(),
                    Op::T,
                    c.as_slice(),
                    Op::N,
                    (1, k),
                    (m, k, n),
                );
                assert_eq!(done, k >= 8, "Aᵀ·B takes lanes from k = 8 on");
                if done {
                    assert_eq!(
                        bits(got.as_slice()),
                        bits(want.as_slice()),
                        "{m}×{k}×{n} Aᵀ·B"
                    );
                }
            }
        }
    }
}

#[test]
fn the_bias_add_has_the_generic_loops_bits() {
    for &(n, w) in &[(1, 1), (3, 2), (4, 3), (9, 5), (500, 16)] {
        let x = DMatrix::from_fn(n, 3, |i, j| value(i + 9 * j, 4));
        let wts = DMatrix::from_fn(3, w, |i, j| value(i + 5 * j, 5));
        let b = DMatrix::from_fn(1, w, |_, j| value(j, 6));
        let mut want = DMatrix::zeros(n, w);
        affine_into(&mut want, &x, &wts, &b, Kernels::Portable);
        let mut got = DMatrix::zeros(n, w);
        matmul(&mut got, &x, Op::N, &wts, Op::N, Kernels::Portable);
        assert_eq!(
            add_bias::<true, f32>(got.as_mut_slice(), b.as_slice(), n),
            Some(true)
        );
        assert_eq!(bits(got.as_slice()), bits(want.as_slice()), "{n}×{w}");
    }
}

/// The checked bias add says whether every entry it wrote is finite: false for a NaN or ±Inf
/// anywhere (a lane of a quad or the tail), or for a sum that overflows; true otherwise.
#[test]
fn the_checked_bias_add_finds_every_non_finite_entry() {
    for &(n, w) in &[(1, 1), (3, 2), (4, 3), (5, 2), (9, 3)] {
        let o = DMatrix::from_fn(n, w, |i, j| value(i + 7 * j, 2));
        let b = DMatrix::from_fn(1, w, |_, j| value(j, 3));
        let run = |o: &DMatrix<f32>, b: &DMatrix<f32>| {
            let mut out = o.clone();
            let finite = add_bias::<true, f32>(out.as_mut_slice(), b.as_slice(), n);
            let mut plain = o.clone();
            assert_eq!(
                add_bias::<false, f32>(plain.as_mut_slice(), b.as_slice(), n),
                Some(true)
            );
            assert_eq!(bits(out.as_slice()), bits(plain.as_slice()), "{n}×{w}");
            assert_eq!(finite, Some(out.iter().all(|v| v.is_finite())), "{n}×{w}");
            finite
        };
        assert_eq!(run(&o, &b), Some(true));
        for at in 0..n * w {
            for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, f32::MAX] {
                let mut o = o.clone();
                o[at] = bad;
                // f32::MAX plus a bias ≥ its half-ulp overflows; plus a smaller one it does not.
                let mut b = b.clone();
                b[at / n] = if bad == f32::MAX { f32::MAX } else { b[at / n] };
                assert_eq!(run(&o, &b), Some(false), "{n}×{w}, {bad} at {at}");
            }
        }
    }
}

/// Lanes and the scalar functions agree on every `stride`-th f32 bit pattern (both signs),
/// NaN and the infinities included.
fn squash_agrees(stride: usize, sig: bool, f: fn(f32) -> f32) {
    let mut x: Vec<f32> = (0..=u32::MAX >> 1)
        .step_by(stride)
        .flat_map(|b| [f32::from_bits(b), -f32::from_bits(b)])
        .collect();
    x.extend([
        f32::INFINITY,
        f32::NEG_INFINITY,
        0.0,
        -0.0,
        1e-45,
        0.55,
        10.0,
        104.0,
        7.0,
    ]);
    let mut got = vec![f32::NAN; x.len()];
    assert!(squash(&mut got, &x, sig));
    for (&v, &g) in x.iter().zip(&got) {
        let w = f(v);
        assert!(
            g.to_bits() == w.to_bits() || g.is_nan() && w.is_nan(),
            "{sig} at {v:e}: {g:e} against {w:e}"
        );
    }
}

#[test]
fn tanh_and_sigmoid_lanes_have_the_scalar_bits() {
    squash_agrees(4099, false, tanh);
    squash_agrees(4099, true, sigmoid);
    // Every f32 around tanh's switch between its two formulas, and an odd length (a tail).
    let x: Vec<f32> = (0.53f32.to_bits()..0.57f32.to_bits())
        .map(f32::from_bits)
        .collect();
    let mut got = vec![0.0; x.len()];
    assert!(squash(&mut got, &x, false));
    let want: Vec<f32> = x.iter().map(|&v| tanh(v)).collect();
    assert_eq!(bits(&got), bits(&want));
    // And through the layers' own entry point.
    let m = DMatrix::from_fn(7, 3, |i, j| value(i + 7 * j, 7) * 3.0);
    let mut y = DMatrix::zeros(7, 3);
    activation_into(&mut y, &m, Act::Tanh);
    assert_eq!(
        bits(y.as_slice()),
        bits(&m.as_slice().iter().map(|&v| tanh(v)).collect::<Vec<_>>())
    );
}
