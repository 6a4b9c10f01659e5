//! Matrix products into preallocated outputs, with either operand transposed, without allocating.
//!
//! nalgebra stores matrices column-major, so a transpose is only a swap of strides. Small products
//! (the article's 4×2·2×4) run fixed-order, register-blocked loops, whose call costs a few
//! nanoseconds; on native targets larger ones go to `matrixmultiply`'s packed, vectorised kernels.
//! [`Kernels::Portable`] runs the loops for every product, so the arithmetic has one order on
//! every machine: traces use it, and the wasm build always does, so the page and
//! `backstep trace` agree bit for bit.

use crate::real::Real;
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

/// Whether an operand enters the product as stored or transposed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Use the matrix as stored.
    N,
    /// Use its transpose.
    T,
}

/// `out = op(a) · op(b)`; `out` must already have the product's shape.
///
/// # Panics
/// If the shapes do not agree (a programming error: shapes are validated when a network is built).
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
    if m * k * n <= SMALL || kernels == Kernels::Portable || cfg!(target_arch = "wasm32") {
        let o = out.as_mut_slice();
        match (oa, ob) {
            (Op::N, _) if m >= TALL => columns_n(
                o,
                a.as_slice(),
                b.as_slice(),
                rsb as usize,
                csb as usize,
                m,
                k,
                n,
            ),
            (Op::N, _) => small_n(
                o,
                a.as_slice(),
                b.as_slice(),
                rsb as usize,
                csb as usize,
                m,
                k,
                n,
            ),
            (Op::T, Op::N) => small_dot(o, a.as_slice(), b.as_slice(), m, k),
            (Op::T, Op::T) => small(o, a.as_slice(), rsa, csa, b.as_slice(), rsb, csb, m, k, n),
        }
        return;
    }
    let rc = out.nrows() as isize;
    // SAFETY: the views were derived from the matrices' own shapes; `out` is borrowed mutably
    // and so cannot alias `a` or `b`.
    unsafe {
        T::gemm(
            m,
            k,
            n,
            a.as_ptr(),
            rsa,
            csa,
            b.as_ptr(),
            rsb,
            csb,
            out.as_mut_ptr(),
            1,
            rc,
        );
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

/// From this many rows, `A·op(B)` updates whole output columns ([`columns_n`]); below it, the
/// register-blocked [`small_n`] is faster. Both give the same bits.
const TALL: usize = 32;

/// `A·op(B)` for a tall A (a batch or the boundary grid): each output column is built as
/// `out[:, j] = 0`, then `out[:, j] += A[:, p] · B[p, j]` for p in ascending order. The inner
/// loop runs down contiguous columns and vectorises, yet every entry is still summed over p in
/// ascending order from zero, so the result equals [`small_n`]'s bit for bit.
#[allow(clippy::too_many_arguments)]
fn columns_n<T: Real>(
    o: &mut [T],
    a: &[T],
    b: &[T],
    rsb: usize,
    csb: usize,
    m: usize,
    k: usize,
    n: usize,
) {
    for (j, out) in o.chunks_exact_mut(m).take(n).enumerate() {
        out.fill(T::zero());
        for (p, col) in a.chunks_exact(m).take(k).enumerate() {
            let bp = b[p * rsb + j * csb];
            for (s, &v) in out.iter_mut().zip(col) {
                *s += v * bp;
            }
        }
    }
}

/// `A·op(B)` with A as stored (column-major, so A's column p is contiguous): four rows at a time
/// accumulate in a `[T; 4]` that stays in one vector register. Every entry is still summed over
/// p in ascending order from zero, as in [`small`].
#[allow(clippy::too_many_arguments)]
fn small_n<T: Real>(
    o: &mut [T],
    a: &[T],
    b: &[T],
    rsb: usize,
    csb: usize,
    m: usize,
    k: usize,
    n: usize,
) {
    let full = m - m % 4;
    for j in 0..n {
        for i0 in (0..full).step_by(4) {
            let mut acc = [T::zero(); 4];
            for p in 0..k {
                let bp = b[p * rsb + j * csb];
                let ap: &[T; 4] = a[p * m + i0..p * m + i0 + 4].try_into().expect("four rows");
                for (s, &v) in acc.iter_mut().zip(ap) {
                    *s += v * bp;
                }
            }
            o[j * m + i0..j * m + i0 + 4].copy_from_slice(&acc);
        }
        for i in full..m {
            let mut s = T::zero();
            for p in 0..k {
                s += a[p * m + i] * b[p * rsb + j * csb];
            }
            o[j * m + i] = s;
        }
    }
}

/// `Aᵀ·B`: entry (i, j) is the dot product of A's column i with B's column j, both contiguous,
/// summed in ascending order from zero.
fn small_dot<T: Real>(o: &mut [T], a: &[T], b: &[T], m: usize, k: usize) {
    if k == 0 {
        o.fill(T::zero());
        return;
    }
    for (ocol, bcol) in o.chunks_exact_mut(m).zip(b.chunks_exact(k)) {
        for (d, acol) in ocol.iter_mut().zip(a.chunks_exact(k)) {
            *d = acol
                .iter()
                .zip(bcol)
                .fold(T::zero(), |s, (&x, &y)| s + x * y);
        }
    }
}

/// The general small-product loop (used for `Aᵀ·Bᵀ`): each entry accumulates in a register, summed over p in ascending
/// order from zero (as a textbook writes the dot product). Strides make either operand's
/// transpose free.
#[allow(clippy::too_many_arguments)]
fn small<T: Real>(
    o: &mut [T],
    a: &[T],
    rsa: isize,
    csa: isize,
    b: &[T],
    rsb: isize,
    csb: isize,
    m: usize,
    k: usize,
    n: usize,
) {
    let (rsa, csa, rsb, csb) = (rsa as usize, csa as usize, rsb as usize, csb as usize);
    if m == 0 || n == 0 {
        return;
    }
    // The largest indices the loops touch; the views came from these slices' own shapes.
    let a_last = (m - 1) * rsa + k.saturating_sub(1) * csa;
    let b_last = k.saturating_sub(1) * rsb + (n - 1) * csb;
    assert!(o.len() >= m * n && (k == 0 || (a_last < a.len() && b_last < b.len())));
    for j in 0..n {
        for i in 0..m {
            let (mut ai, mut bj) = (i * rsa, j * csb);
            let mut s = T::zero();
            for _ in 0..k {
                // SAFETY: ai ≤ (m−1)·rsa + (k−1)·csa = a_last < a.len(), and likewise for b, as
                // asserted above; this loop runs on every step, so its bounds checks matter.
                s += unsafe { *a.get_unchecked(ai) * *b.get_unchecked(bj) };
                ai += csa;
                bj += rsb;
            }
            o[i + j * m] = s;
        }
    }
}

/// Copies `src` into `dst` (same shape) as one memory copy.
pub fn copy<T: nalgebra::Scalar + Copy>(dst: &mut DMatrix<T>, src: &DMatrix<T>) {
    dst.as_mut_slice().copy_from_slice(src.as_slice());
}

/// Gives `m` the shape `rows × cols`, reallocating only when the shape changes (a new batch size),
/// never on an ordinary step.
pub fn fit<T: nalgebra::Scalar + Default>(m: &mut DMatrix<T>, rows: usize, cols: usize) {
    if m.nrows() != rows || m.ncols() != cols {
        *m = DMatrix::from_element(rows, cols, T::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(a: &DMatrix<f64>, b: &DMatrix<f64>) -> DMatrix<f64> {
        a * b
    }

    #[test]
    fn column_updates_equal_the_blocked_loop_bit_for_bit() {
        for &(m, k, n) in &[(32, 2, 8), (37, 8, 8), (2304, 8, 1), (64, 1, 3), (33, 0, 2)] {
            let a = DMatrix::from_fn(m, k, |i, j| ((i * 7 + j * 3) as f32 * 0.37).sin() * 3.0);
            let b = DMatrix::from_fn(k, n, |i, j| ((i * 5 + j * 11) as f32 * 0.23).cos() - 0.2);
            let bt = b.transpose();
            for (bb, ob) in [(&b, Op::N), (&bt, Op::T)] {
                let (_, _, rsb, csb) = view(bb, ob);
                let (rsb, csb) = (rsb as usize, csb as usize);
                let mut blocked = vec![f32::NAN; m * n];
                let mut columns = vec![f32::NAN; m * n];
                small_n(&mut blocked, a.as_slice(), bb.as_slice(), rsb, csb, m, k, n);
                columns_n(&mut columns, a.as_slice(), bb.as_slice(), rsb, csb, m, k, n);
                let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&blocked), bits(&columns), "{m}×{k}×{n} {ob:?}");
            }
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
}
