//! Matrix products `A·B`, `A·Bᵀ` and `Aᵀ·B` into preallocated outputs, without allocating.
//!
//! nalgebra stores matrices column-major, so a transpose is only a swap of strides. The tiniest
//! products (the article's 4×2·2×4) are straight-line code ([`crate::tiny`]); small ones run
//! fixed-order, register-blocked loops, whose call costs a few nanoseconds, and vectorise (wasm
//! `simd128` included) because each panel of entries accumulates in registers in a fixed
//! order; on native targets larger products go to `matrixmultiply`'s packed kernels.
//! [`Kernels::Portable`] runs the loops for every product, so the arithmetic has one order on
//! every machine: traces use it, and the wasm build always does, so the page and
//! `backstep trace` agree bit for bit.

use crate::real::Real;
use crate::simd::NATIVE_LANES;
use crate::simd_kernels;
pub use crate::simd_kernels::Op;
use crate::tiny;
use nalgebra::DMatrix;

/// Products with `m·k·n` at or below this run the plain loop.
const SMALL: usize = 4096;

/// How products larger than the small-product threshold are computed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kernels {
    /// matrixmultiply's vectorised kernels (native targets only): fastest, but the order of
    /// the sums, and whether they use fused multiply-adds, depends on the CPU.
    #[default]
    Fast,
    /// The fixed-order loops for every size: the same bits on every machine and in the page.
    Portable,
}

/// `out = op(a) · op(b)`; `out` must already have the product's shape. The layers need
/// `A·B`, `A·Bᵀ` and `Aᵀ·B`; `Aᵀ·Bᵀ` has no kernel.
///
/// # Panics
/// If the shapes do not agree, or on `Aᵀ·Bᵀ` (programming errors: shapes are validated when a
/// network is built).
pub fn matmul<T: Real>(
    out: &mut DMatrix<T>,
    a: &DMatrix<T>,
    oa: Op,
    b: &DMatrix<T>,
    ob: Op,
    kernels: Kernels,
) {
    let (m, k, rsa, csa) = view(a, oa);
    let (k2, n, rsb, csb) = view(b, ob);
    assert!(
        k == k2 && out.nrows() == m && out.ncols() == n,
        "matmul shapes: {m}×{k} · {k2}×{n} into {}×{}",
        out.nrows(),
        out.ncols()
    );
    let (o, sa, sb) = (out.as_mut_slice(), a.as_slice(), b.as_slice());
    // The article's products (rows and sum at most 4) as straight-line code, up to the small
    // size (past it, lanes and packed kernels do better).
    let small = m * k * n <= SMALL;
    if !cfg!(feature = "compact") && small && tiny::product(o, sa, oa, sb, ob, (m, k, n)) {
        return;
    }
    if small || kernels == Kernels::Portable || cfg!(target_arch = "wasm32") {
        loops(o, sa, oa, sb, ob, (rsb as usize, csb as usize), (m, k, n));
        return;
    }
    T::gemm(
        (m, k, n),
        (sa, rsa, csa),
        (sb, rsb, csb),
        (o, 1, m as isize),
    );
}

/// The fixed-order loops (in four-lane kernels where the page's lanes pay): every product's
/// bits on every machine, [`crate::tiny`]'s included. Kept out of [`matmul`], so that a tiny
/// product does not pay for this one's registers and locals on entry.
#[inline(never)]
pub(crate) fn loops<T: Real>(
    o: &mut [T],
    a: &[T],
    oa: Op,
    b: &[T],
    ob: Op,
    (rsb, csb): (usize, usize),
    (m, k, n): (usize, usize, usize),
) {
    // Small products (a batch of 10) keep the plain loops: their calls cost less than the
    // lanes' set-up.
    let lanes = NATIVE_LANES && m * k * n > SMALL;
    if lanes && simd_kernels::product(o, a, oa, b, ob, (rsb, csb), (m, k, n)) {
        return;
    }
    match (oa, ob) {
        (Op::N, _) => product_n(o, a, b, rsb, csb, m, k, n),
        (Op::T, Op::N) => product_t(o, a, b, m, k),
        (Op::T, Op::T) => panic!("matmul: Aᵀ·Bᵀ has no kernel"),
    }
}

/// Rows, columns and (row, column) strides of `op(x)`.
fn view<T: Real>(x: &DMatrix<T>, o: Op) -> (usize, usize, isize, isize) {
    let r = x.nrows() as isize;
    match o {
        Op::N => (x.nrows(), x.ncols(), 1, r),
        Op::T => (x.ncols(), x.nrows(), r, 1),
    }
}

/// Output columns per panel of the `A·op(B)` kernel, and rows per panel: 4 × 8 accumulators,
/// eight 4-lane vectors, all held in registers across the whole sum.
const COLS: usize = 4;
const ROWS: usize = 8;

/// `A·op(B)` with A as stored (column-major: A's column p is contiguous). The output is cut into
/// panels of [`ROWS`] × [`COLS`] entries that accumulate in registers; every entry is summed
/// over p in ascending order from zero, `s += a·b` (a textbook dot product), whatever the panel.
#[allow(clippy::too_many_arguments)]
fn product_n<T: Real>(
    o: &mut [T],
    a: &[T],
    b: &[T],
    rsb: usize,
    csb: usize,
    m: usize,
    k: usize,
    n: usize,
) {
    let full_cols = n - n % COLS;
    for j in (0..full_cols).step_by(COLS) {
        rows_n::<T, COLS>(o, a, b, rsb, csb, m, k, j);
    }
    for j in full_cols..n {
        rows_n::<T, 1>(o, a, b, rsb, csb, m, k, j);
    }
}

/// Columns `j..j + C` of [`product_n`]: [`ROWS`] rows at a time, then four (a small batch
/// such as the article's four samples), then two (a batch of 10), then the last row.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn rows_n<T: Real, const C: usize>(
    o: &mut [T],
    a: &[T],
    b: &[T],
    rsb: usize,
    csb: usize,
    m: usize,
    k: usize,
    j: usize,
) {
    let mut i = 0;
    while m - i >= ROWS {
        store(o, m, i, j, panel::<T, C, ROWS>(a, b, rsb, csb, m, k, i, j));
        i += ROWS;
    }
    if m - i >= 4 {
        store(o, m, i, j, panel::<T, C, 4>(a, b, rsb, csb, m, k, i, j));
        i += 4;
    }
    if m - i >= 2 {
        store(o, m, i, j, panel::<T, C, 2>(a, b, rsb, csb, m, k, i, j));
        i += 2;
    }
    for i in i..m {
        store(o, m, i, j, panel::<T, C, 1>(a, b, rsb, csb, m, k, i, j));
    }
}

/// Writes a panel to rows `i..i + R` of columns `j..j + C` of the m-row output.
#[inline(always)]
fn store<T: Real, const C: usize, const R: usize>(
    o: &mut [T],
    m: usize,
    i: usize,
    j: usize,
    acc: [[T; R]; C],
) {
    for (c, col) in acc.iter().enumerate() {
        o[(j + c) * m + i..][..R].copy_from_slice(col);
    }
}

/// Rows `i..i + R` of columns `j..j + C` of `A·op(B)`, each entry summed over p ascending.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn panel<T: Real, const C: usize, const R: usize>(
    a: &[T],
    b: &[T],
    rsb: usize,
    csb: usize,
    m: usize,
    k: usize,
    i: usize,
    j: usize,
) -> [[T; R]; C] {
    let mut acc = [[T::zero(); R]; C];
    if k == 0 {
        return acc;
    }
    // B's entries (p, j..j + C) for every p: checked once here, so the loop has no checks.
    let b = &b[j * csb..];
    assert!((k - 1) * rsb + (C - 1) * csb < b.len(), "B's panel");
    for (p, acol) in a.chunks_exact(m).take(k).enumerate() {
        let ap: &[T; R] = acol[i..i + R].try_into().expect("R rows");
        let bp: [T; C] = std::array::from_fn(|c| b[p * rsb + c * csb]);
        for (col, &bp) in acc.iter_mut().zip(&bp) {
            for (s, &v) in col.iter_mut().zip(ap) {
                *s += v * bp;
            }
        }
    }
    acc
}

/// Lanes of the dot products in `Aᵀ·B`.
const LANES: usize = 8;

/// `Aᵀ·B`: entry (i, j) is the dot product of A's column i with B's column j (both contiguous,
/// length k), summed in the order of [`crate::affine::lane_sum`]: [`LANES`] partial sums, lane l
/// taking the terms p ≡ l (mod 8) in ascending p, then those lanes left to right from zero, then
/// the terms left over, ascending. Four columns of A share each load of B's column.
fn product_t<T: Real>(o: &mut [T], a: &[T], b: &[T], m: usize, k: usize) {
    if k == 0 {
        o.fill(T::zero());
        return;
    }
    let full = m - m % COLS;
    for (ocol, bcol) in o.chunks_exact_mut(m).zip(b.chunks_exact(k)) {
        for i in (0..full).step_by(COLS) {
            ocol[i..i + COLS].copy_from_slice(&dots::<T, COLS>(&a[i * k..(i + COLS) * k], bcol));
        }
        for i in full..m {
            ocol[i] = dots::<T, 1>(&a[i * k..(i + 1) * k], bcol)[0];
        }
    }
}

/// The dot products of `C` consecutive length-k columns in `a` with `b` (length k).
#[inline(always)]
fn dots<T: Real, const C: usize>(a: &[T], b: &[T]) -> [T; C] {
    let k = b.len();
    if k < LANES {
        // No full lane block: the lanes would all stay +0 and add up to +0, so the sum is the
        // tail alone, from zero (the same bits, without the empty lanes' work).
        return std::array::from_fn(|c| {
            let mut s = T::zero();
            for (&x, &y) in a[c * k..][..k].iter().zip(b) {
                s += x * y;
            }
            s
        });
    }
    let full = k - k % LANES;
    let mut acc = [[T::zero(); LANES]; C];
    for p in (0..full).step_by(LANES) {
        let bp: &[T; LANES] = b[p..p + LANES].try_into().expect("a lane block");
        for (c, lanes) in acc.iter_mut().enumerate() {
            let ap: &[T; LANES] = a[c * k + p..][..LANES].try_into().expect("a lane block");
            for ((s, &x), &y) in lanes.iter_mut().zip(ap).zip(bp) {
                *s += x * y;
            }
        }
    }
    let mut out = [T::zero(); C];
    for (c, (d, lanes)) in out.iter_mut().zip(&acc).enumerate() {
        let mut s = lanes.iter().fold(T::zero(), |s, &l| s + l);
        for p in full..k {
            s += a[c * k + p] * b[p];
        }
        *d = s;
    }
    out
}

/// Copies `src` into `dst` (same shape) as one memory copy.
pub fn copy<T: nalgebra::Scalar + Copy>(dst: &mut DMatrix<T>, src: &DMatrix<T>) {
    dst.as_mut_slice().copy_from_slice(src.as_slice());
}

/// Makes `dst` a copy of `src`, reusing `dst`'s buffer when the shapes agree (a keyframe taken
/// or restored allocates nothing on an ordinary step).
pub fn assign<T: nalgebra::Scalar + Copy>(dst: &mut DMatrix<T>, src: &DMatrix<T>) {
    if dst.shape() == src.shape() {
        copy(dst, src);
    } else {
        *dst = src.clone();
    }
}

/// Gives `m` the shape `rows × cols`, reallocating only when the shape changes (a new batch size),
/// never on an ordinary step.
pub fn fit<T: nalgebra::Scalar + Default>(m: &mut DMatrix<T>, rows: usize, cols: usize) {
    if m.nrows() != rows || m.ncols() != cols {
        *m = DMatrix::from_element(rows, cols, T::default());
    }
}
