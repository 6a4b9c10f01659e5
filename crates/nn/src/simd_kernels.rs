//! The page's four-lane kernels, in [`V4`] lanes: `A·op(B)`, `Aᵀ·B`, the bias add and the
//! activations over a slice. Each gives the bits of the generic loop it replaces (in
//! `matmul.rs`, `affine.rs`, `activation.rs`): every output entry sees the same additions and
//! multiplications in the same order, only four entries at a time. The wasm build uses them
//! for f32 (see [`crate::simd::NATIVE_LANES`]); native builds run them, lanes emulated, only
//! in the tests that check those bits.

use crate::fastmath::{sigmoid_lanes, tanh_lanes};
use crate::real::Real;
use crate::simd::{Lanes, V4};

/// Whether an operand enters the product as stored or transposed. It lives here, below
/// [`crate::matmul`] (which re-exports it), because the kernels read it too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Use the matrix as stored.
    N,
    /// Use its transpose.
    T,
}

/// `o = A·op(B)` or `o = Aᵀ·B` (column-major slices, `op(A)` m×k, `op(B)` k×n, B's strides
/// `rsb`, `csb` as `op(B)` is read) in four-lane kernels when `T` is `f32`. Returns false, and
/// leaves `o` alone, when `T` is not `f32`, for `Aᵀ·B` with k < 8 (the generic loop does it
/// without lanes) and for `Aᵀ·Bᵀ` (no kernel).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub fn product<T: Real>(
    o: &mut [T],
    a: &[T],
    oa: Op,
    b: &[T],
    ob: Op,
    (rsb, csb): (usize, usize),
    (m, k, n): (usize, usize, usize),
) -> bool {
    let (Some(o), Some(a), Some(b)) = (T::f32s_mut(o), T::f32s(a), T::f32s(b)) else {
        return false;
    };
    match (oa, ob) {
        (Op::N, _) => product_n(o, a, b, rsb, csb, m, k, n),
        (Op::T, Op::N) if k >= LANES => product_t(o, a, b, m, k),
        (Op::T, _) => return false,
    }
    true
}

/// `A·op(B)`: panels of 8 rows (two vectors) × 4 columns accumulate in registers, then panels
/// of 4 rows, then single rows; each entry is `s += a·b` over p ascending from zero.
#[allow(clippy::too_many_arguments)]
fn product_n(
    o: &mut [f32],
    a: &[f32],
    b: &[f32],
    rsb: usize,
    csb: usize,
    m: usize,
    k: usize,
    n: usize,
) {
    let full_cols = n - n % 4;
    for j in (0..full_cols).step_by(4) {
        columns::<4, 2>(o, a, b, (rsb, csb), (m, k), j);
    }
    for j in full_cols..n {
        columns::<1, 4>(o, a, b, (rsb, csb), (m, k), j);
    }
}

/// Columns `j..j + C` of `A·op(B)`: `4·R` rows at a time, then 4, then one by one.
#[inline(always)]
fn columns<const C: usize, const R: usize>(
    o: &mut [f32],
    a: &[f32],
    b: &[f32],
    sb: (usize, usize),
    (m, k): (usize, usize),
    j: usize,
) {
    let mut i = 0;
    while m - i >= 4 * R {
        store(o, m, i, j, panel::<C, R>(a, b, sb, (m, k), i, j));
        i += 4 * R;
    }
    while m - i >= 4 {
        store(o, m, i, j, panel::<C, 1>(a, b, sb, (m, k), i, j));
        i += 4;
    }
    for i in i..m {
        for c in 0..C {
            let mut s = 0.0f32;
            for p in 0..k {
                s += a[p * m + i] * b[p * sb.0 + (j + c) * sb.1];
            }
            o[(j + c) * m + i] = s;
        }
    }
}

/// Writes a panel to rows `i..i + 4R` of columns `j..j + C` of the m-row output.
#[inline(always)]
fn store<const C: usize, const R: usize>(
    o: &mut [f32],
    m: usize,
    i: usize,
    j: usize,
    acc: [[V4; R]; C],
) {
    for (c, col) in acc.iter().enumerate() {
        for (r, v) in col.iter().enumerate() {
            v.store(&mut o[(j + c) * m + i + 4 * r..]);
        }
    }
}

/// Rows `i..i + 4R` of columns `j..j + C` of `A·op(B)`, each entry summed over p ascending.
#[inline(always)]
fn panel<const C: usize, const R: usize>(
    a: &[f32],
    b: &[f32],
    (rsb, csb): (usize, usize),
    (m, k): (usize, usize),
    i: usize,
    j: usize,
) -> [[V4; R]; C] {
    let mut acc = [[V4::splat(0.0); R]; C];
    if k == 0 {
        return acc;
    }
    // Every read of the loop lies inside A and B: checked once here, not at every read.
    assert!(
        i + 4 * R <= m && (k - 1) * m + i + 4 * R <= a.len(),
        "A's panel"
    );
    assert!((k - 1) * rsb + (j + C - 1) * csb < b.len(), "B's panel");
    let (a0, b0) = (a.as_ptr(), b.as_ptr());
    for p in 0..k {
        // A's rows i..i + 4R of column p, and B's entries (p, j..j + C).
        let (ap, bp) = (p * m + i, p * rsb + j * csb);
        // SAFETY: p < k, r < R and c < C, so every offset is within the bounds asserted above.
        let av: [V4; R] = std::array::from_fn(|r| unsafe { V4::load_ptr(a0.add(ap + 4 * r)) });
        for (c, col) in acc.iter_mut().enumerate() {
            // SAFETY: as above.
            let bv = V4::splat(unsafe { *b0.add(bp + c * csb) });
            for (s, &v) in col.iter_mut().zip(&av) {
                *s = *s + v * bv;
            }
        }
    }
    acc
}

/// Lanes of the dot products in `Aᵀ·B` (two vectors).
const LANES: usize = 8;

/// `Aᵀ·B` (k ≥ 8): entry (i, j) is the dot product of A's column i with B's column j in the
/// order of [`crate::affine::lane_sum`]: lane l sums the terms p ≡ l (mod 8) ascending, the
/// eight lanes are added left to right from zero, then the terms left over, ascending. Four
/// columns of A share each load of B's column.
fn product_t(o: &mut [f32], a: &[f32], b: &[f32], m: usize, k: usize) {
    let full = m - m % 4;
    for (ocol, bcol) in o.chunks_exact_mut(m).zip(b.chunks_exact(k)) {
        for i in (0..full).step_by(4) {
            ocol[i..i + 4].copy_from_slice(&dots::<4>(&a[i * k..(i + 4) * k], bcol));
        }
        for i in full..m {
            ocol[i] = dots::<1>(&a[i * k..(i + 1) * k], bcol)[0];
        }
    }
}

/// The dot products of `C` consecutive length-k columns in `a` with `b` (length k ≥ 8).
#[inline(always)]
fn dots<const C: usize>(a: &[f32], b: &[f32]) -> [f32; C] {
    let k = b.len();
    let full = k - k % LANES;
    // Every read of the loop lies inside `a` and `b`: checked once here.
    assert!(a.len() >= C * k, "A's columns");
    let (a0, b0) = (a.as_ptr(), b.as_ptr());
    // Lanes 0–3 and 4–7 of each column's eight partial sums.
    let mut acc = [[V4::splat(0.0); 2]; C];
    for p in (0..full).step_by(LANES) {
        // SAFETY: p + 8 ≤ k and c < C, so every read is within the bounds asserted above.
        let bv = unsafe { [V4::load_ptr(b0.add(p)), V4::load_ptr(b0.add(p + 4))] };
        for (c, lanes) in acc.iter_mut().enumerate() {
            // SAFETY: as above.
            let av = unsafe {
                [
                    V4::load_ptr(a0.add(c * k + p)),
                    V4::load_ptr(a0.add(c * k + p + 4)),
                ]
            };
            lanes[0] = lanes[0] + av[0] * bv[0];
            lanes[1] = lanes[1] + av[1] * bv[1];
        }
    }
    std::array::from_fn(|c| {
        let mut s = 0.0f32;
        for l in acc[c][0].to_array().into_iter().chain(acc[c][1].to_array()) {
            s += l;
        }
        for p in full..k {
            s += a[c * k + p] * b[p];
        }
        s
    })
}

/// Adds `b[j]` to every entry of column j of the column-major `o` (n rows), as
/// [`crate::affine::affine_into`] does, when `T` is `f32` (`None` otherwise). With `CHECK`,
/// also says whether every entry written is finite (`Some(false)` if one is not); without,
/// `Some(true)` only says it is done.
#[inline(always)]
pub fn add_bias<const CHECK: bool, T: Real>(o: &mut [T], b: &[T], n: usize) -> Option<bool> {
    let (Some(o), Some(b)) = (T::f32s_mut(o), T::f32s(b)) else {
        return None;
    };
    // v·0 is ±0 for a finite v and NaN for NaN or ±Inf; a sum of zeros stays a zero exactly.
    let zero = V4::splat(0.0);
    let mut nan = zero;
    let mut tail = 0.0f32;
    for (col, &bj) in o.chunks_exact_mut(n).zip(b) {
        let bv = V4::splat(bj);
        let mut quads = col.chunks_exact_mut(4);
        for q in &mut quads {
            let v = V4::load(q) + bv;
            v.store(q);
            if CHECK {
                nan = nan + v * zero;
            }
        }
        for v in quads.into_remainder() {
            *v += bj;
            if CHECK {
                tail += *v * 0.0;
            }
        }
    }
    if !CHECK {
        return Some(true);
    }
    let mut lanes = [0.0f32; 4];
    nan.store(&mut lanes);
    Some(lanes.iter().fold(tail, |s, &l| s + l) == 0.0)
}

/// `out = tanh(x)` (or the sigmoid, with `sigmoid` true) element-wise in four lanes when `T`
/// is `f32`, the bits of [`crate::fastmath`]'s scalar functions; returns false otherwise.
#[inline(always)]
pub fn squash<T: Real>(out: &mut [T], x: &[T], sigmoid: bool) -> bool {
    let (Some(out), Some(x)) = (T::f32s_mut(out), T::f32s(x)) else {
        return false;
    };
    if sigmoid {
        map(out, x, sigmoid_lanes::<V4>, sigmoid_lanes::<f32>);
    } else {
        map(out, x, tanh_lanes::<V4>, tanh_lanes::<f32>);
    }
    true
}

/// `out[i] = f(x[i])`, four at a time, the last few one by one.
// Not inlined: one copy of the long vector tanh (or sigmoid) in the wasm, whatever the callers.
#[inline(never)]
fn map(out: &mut [f32], x: &[f32], f4: impl Fn(V4) -> V4, f1: impl Fn(f32) -> f32) {
    let mut outs = out.chunks_exact_mut(4);
    let mut xs = x.chunks_exact(4);
    for (o, v) in (&mut outs).zip(&mut xs) {
        f4(V4::load(v)).store(o);
    }
    for (o, &v) in outs.into_remainder().iter_mut().zip(xs.remainder()) {
        *o = f1(v);
    }
}
