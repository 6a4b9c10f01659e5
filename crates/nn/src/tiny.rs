//! Products whose rows and sum each have at most [`TINY`] entries (the article's four samples
//! through 2-4-1: 4×2·2×4, 4×4·4×1, 2×4·4×4 and the like), as straight-line code.
//! [`crate::matmul`] sends them here up to its small-product size, so at most 4 096
//! multiply-adds (past it, its lanes and packed kernels are faster).
//!
//! Such a product is a few dozen multiply-adds, and the general loops of [`crate::matmul`] spend
//! more on their own control (panels, strides, the sum's loop) than on the arithmetic: on the
//! article's step, natively, about 330 instructions a product. Here the rows `M` and the sum's
//! length `K` are constants, one function per pair, so op(A) is held in registers and every
//! entry's sum is unrolled; only the columns are counted at run time, each reading its K values
//! of B.
//!
//! The bits are those of the general loops: every entry is `s += a·b` over p ascending from
//! zero, which is [`crate::matmul`]'s order for `A·op(B)` at any k and for `Aᵀ·B` below its
//! eight lanes (K ≤ 4 here). `tests` compares the two on every shape this path takes.

use crate::real::Real;
use crate::simd_kernels::Op;

/// The most rows, and the longest sum, that this path takes.
pub const TINY: usize = 4;

/// `o = op(a)·op(b)` when `T` is `f32` and `op(a)` is m×k with m, k ≤ [`TINY`] (any n);
/// false, and `o` left alone, otherwise or for `Aᵀ·Bᵀ`. Slices are column-major as stored; `o`
/// is m×n. (`f64`, for checks only, keeps the general loops: half the code to download.)
#[inline]
pub fn product<T: Real>(
    o: &mut [T],
    a: &[T],
    oa: Op,
    b: &[T],
    ob: Op,
    (m, k, n): (usize, usize, usize),
) -> bool {
    let (Some(o), Some(a), Some(b)) = (T::f32s_mut(o), T::f32s(a), T::f32s(b)) else {
        return false;
    };
    if m > TINY || k > TINY {
        return false;
    }
    macro_rules! by_k {
        ($m:literal) => {
            match k {
                1 => by_ops::<$m, 1>(o, a, oa, b, ob, n),
                2 => by_ops::<$m, 2>(o, a, oa, b, ob, n),
                3 => by_ops::<$m, 3>(o, a, oa, b, ob, n),
                4 => by_ops::<$m, 4>(o, a, oa, b, ob, n),
                _ => false,
            }
        };
    }
    match m {
        1 => by_k!(1),
        2 => by_k!(2),
        3 => by_k!(3),
        4 => by_k!(4),
        _ => false,
    }
}

#[inline(always)]
fn by_ops<const M: usize, const K: usize>(
    o: &mut [f32],
    a: &[f32],
    oa: Op,
    b: &[f32],
    ob: Op,
    n: usize,
) -> bool {
    // op(B)(p, j) is b[p·rs + j·cs]: B's column j as stored, or (transposed) B's row j.
    let strides = if ob == Op::T { (n, 1) } else { (1, K) };
    match (oa, ob) {
        (Op::N, _) => columns::<M, K, false>(o, a, b, strides, n),
        (Op::T, Op::N) => columns::<M, K, true>(o, a, b, strides, n),
        (Op::T, Op::T) => return false,
    }
    true
}

/// Column j of the output is op(A) (M×K, all of it, held in registers) times column j of
/// op(B), K values `rs` apart starting at `j·cs`.
#[inline(never)]
fn columns<const M: usize, const K: usize, const TA: bool>(
    o: &mut [f32],
    a: &[f32],
    b: &[f32],
    (rs, cs): (usize, usize),
    n: usize,
) {
    let a = &a[..M * K];
    // op(A)(i, p): A's column p (as stored, M apart) or, transposed, A's column i (K apart).
    let ap: [[f32; K]; M] = std::array::from_fn(|i| {
        std::array::from_fn(|p| if TA { a[i * K + p] } else { a[p * M + i] })
    });
    let (o, b) = (&mut o[..M * n], &b[..K * n]);
    for j in 0..n {
        let bj: [f32; K] = std::array::from_fn(|p| b[p * rs + j * cs]);
        let oj: &mut [f32; M] = (&mut o[j * M..][..M]).try_into().expect("M rows");
        for (out, row) in oj.iter_mut().zip(&ap) {
            let mut s = 0.0;
            for (&x, &y) in row.iter().zip(&bj) {
                s += x * y;
            }
            *out = s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matmul::loops;
    use nalgebra::DMatrix;

    /// Values with every sign and scale, -0.0 among them (and ±Inf if `inf`), so a different
    /// order or a dropped +0 start would show in the bits.
    fn values(rows: usize, cols: usize, seed: u32, inf: bool) -> DMatrix<f32> {
        let mut x = seed.wrapping_mul(2_654_435_761).max(1);
        DMatrix::from_fn(rows, cols, |_, _| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            match x % 11 {
                0 => -0.0,
                1 => 1e-30,
                2 if inf => f32::INFINITY,
                3 if inf => f32::NEG_INFINITY,
                _ => (x % 2001) as f32 / 97.0 - 10.0,
            }
        })
    }

    /// Every shape this path takes, in every op it takes, against the general loops: n from 0
    /// to 9 and the widest [`crate::matmul`] sends here, finite values and values with ±Inf (NaN
    /// results compared as NaN: their payloads are not part of the contract).
    #[test]
    fn tiny_products_have_the_general_loops_bits() {
        let same = |x: f32, y: f32| x.to_bits() == y.to_bits() || x.is_nan() && y.is_nan();
        for m in 1..=TINY {
            for k in 1..=TINY {
                let widest = 4096 / (m * k);
                for n in (0..=9).chain([widest]) {
                    for (oa, ob) in [(Op::N, Op::N), (Op::N, Op::T), (Op::T, Op::N)] {
                        for inf in [false, true] {
                            let seed = (m * 1000 + k * 100 + n) as u32 + u32::from(inf);
                            let (a, b) = (values(m, k, seed, inf), values(k, n, seed + 7, inf));
                            let sa = if oa == Op::T { a.transpose() } else { a };
                            let (sb, strides) = match ob {
                                Op::T => (b.transpose(), (n, 1)),
                                Op::N => (b, (1, k)),
                            };
                            let mut tiny = vec![f32::NAN; m * n];
                            let mut general = vec![f32::NAN; m * n];
                            let (sa, sb) = (sa.as_slice(), sb.as_slice());
                            assert!(product(&mut tiny, sa, oa, sb, ob, (m, k, n)));
                            loops(&mut general, sa, oa, sb, ob, strides, (m, k, n));
                            for (i, (&x, &y)) in tiny.iter().zip(&general).enumerate() {
                                assert!(same(x, y), "{m}×{k}·{k}×{n} {oa:?}{ob:?} [{i}]: {x} {y}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn other_shapes_are_left_to_the_general_loops() {
        let mut o = [0.0f32; 40];
        let a = [1.0f32; 40];
        assert!(!product(&mut o, &a, Op::N, &a, Op::N, (5, 2, 2)));
        assert!(!product(&mut o, &a, Op::N, &a, Op::N, (2, 5, 2)));
        assert!(!product(&mut o, &a, Op::T, &a, Op::T, (2, 2, 2)));
        assert_eq!(o, [0.0; 40]);
    }
}
