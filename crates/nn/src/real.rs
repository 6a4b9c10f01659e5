//! The scalar types the network computes in: `f32` for the product, `f64` for gradient checks.
//!
//! Transcendental functions never use the platform's C library, so that a native build and a
//! wasm build give the same bits for the same inputs: `f32` (what the network trains in) uses
//! [`crate::fastmath`]'s vectorisable tanh and sigmoid, `f64` (the gradient checks) `libm`.

use std::fmt::{Debug, Display};

/// A strided matrix view for [`Real::gemm`]: the data, its row stride and its column stride.
pub type View<'a, T> = (&'a [T], isize, isize);

/// A floating-point scalar the network can run on.
pub trait Real:
    nalgebra::RealField + Copy + Default + Debug + Display + Send + Sync + 'static
{
    /// Converts from `f64` (rounding to nearest for `f32`).
    fn of(v: f64) -> Self;
    /// Widens to `f64` exactly.
    fn f64(self) -> f64;
    /// `e^self`, computed by `libm`.
    fn exp_m(self) -> Self;
    /// The natural logarithm, computed by `libm`.
    fn ln_m(self) -> Self;
    /// `tanh(self)`: [`crate::fastmath::tanh`] for `f32`, `libm` for `f64`.
    fn tanh_m(self) -> Self;
    /// The logistic function `1 / (1 + e^(−self))`: [`crate::fastmath::sigmoid`] for `f32`,
    /// from `libm`'s `exp` for `f64`.
    fn sigmoid_m(self) -> Self;
    /// `sqrt(self)` (IEEE-754 correctly rounded, the same everywhere).
    fn sqrt_m(self) -> Self;
    /// True when the value is neither NaN nor ±Inf.
    fn finite(self) -> bool;
    /// True when every value is finite. A value is NaN or ±Inf exactly when its exponent bits
    /// are all ones; testing that with an integer compare and OR-ing the results vectorises
    /// even on baseline x86-64 (SSE2) and wasm SIMD.
    fn all_finite(values: &[Self]) -> bool;
    /// `C = A·B` on strided views (m×k times k×n), as BLAS `?gemm` with α = 1, β = 0.
    ///
    /// # Panics
    /// If a view reaches outside its slice (a programming error: views come from the
    /// matrices' own shapes).
    fn gemm(
        mkn: (usize, usize, usize),
        a: View<Self>,
        b: View<Self>,
        c: (&mut [Self], isize, isize),
    );
    /// The values as `f32`s when `Self` is `f32` (the page's four-lane kernels are f32 only).
    fn f32s(v: &[Self]) -> Option<&[f32]>;
    /// [`Real::f32s`], mutable.
    fn f32s_mut(v: &mut [Self]) -> Option<&mut [f32]>;
}

/// Implements [`Real`] for a float type from its libm functions, its bit type, its exponent
/// mask and its matrixmultiply kernel (native only; the wasm build never calls `gemm`).
macro_rules! impl_real {
    ($t:ty, $bits:ty, $exp_mask:expr, $exp:path, $ln:path, $tanh:path, $sigmoid:path, $sqrt:path, $gemm:ident,
     $f32s:item, $f32s_mut:item) => {
        impl Real for $t {
            #[inline(always)]
            $f32s
            #[inline(always)]
            $f32s_mut
            fn of(v: f64) -> Self {
                v as $t
            }
            fn f64(self) -> f64 {
                self as f64
            }
            fn exp_m(self) -> Self {
                $exp(self)
            }
            fn ln_m(self) -> Self {
                $ln(self)
            }
            #[inline(always)]
            fn tanh_m(self) -> Self {
                $tanh(self)
            }
            #[inline(always)]
            fn sigmoid_m(self) -> Self {
                $sigmoid(self)
            }
            fn sqrt_m(self) -> Self {
                $sqrt(self)
            }
            fn finite(self) -> bool {
                self.is_finite()
            }
            fn all_finite(values: &[Self]) -> bool {
                const EXP: $bits = $exp_mask;
                values
                    .iter()
                    .fold(0, |bad, v| bad | <$bits>::from(v.to_bits() & EXP == EXP))
                    == 0
            }
            fn gemm(
                (m, k, n): (usize, usize, usize),
                (a, rsa, csa): View<Self>,
                (b, rsb, csb): View<Self>,
                (c, rsc, csc): (&mut [Self], isize, isize),
            ) {
                #[cfg(not(target_arch = "wasm32"))]
                {
                    // The last element each view reaches, for positive strides.
                    let last = |r: usize, c: usize, rs: isize, cs: isize| {
                        (r.max(1) - 1) * rs as usize + (c.max(1) - 1) * cs as usize
                    };
                    let empty = m == 0 || n == 0 || k == 0;
                    assert!(
                        rsa > 0 && csa > 0 && rsb > 0 && csb > 0 && rsc > 0 && csc > 0,
                        "gemm: strides must be positive"
                    );
                    assert!(
                        empty
                            || (last(m, k, rsa, csa) < a.len()
                                && last(k, n, rsb, csb) < b.len()
                                && last(m, n, rsc, csc) < c.len()),
                        "gemm: a view reaches outside its slice"
                    );
                    // SAFETY: every view lies inside its slice (asserted above), and `c` is
                    // borrowed mutably, so it cannot overlap `a` or `b`.
                    unsafe {
                        matrixmultiply::$gemm(
                            m,
                            k,
                            n,
                            1.0,
                            a.as_ptr(),
                            rsa,
                            csa,
                            b.as_ptr(),
                            rsb,
                            csb,
                            0.0,
                            c.as_mut_ptr(),
                            rsc,
                            csc,
                        )
                    }
                }
                #[cfg(target_arch = "wasm32")]
                {
                    let _ = (m, k, n, a, rsa, csa, b, rsb, csb, c, rsc, csc);
                    unreachable!("the wasm build uses the fixed-order loops for every product")
                }
            }
        }
    };
}

impl_real!(
    f32,
    u32,
    0x7f80_0000,
    libm::expf,
    libm::logf,
    crate::fastmath::tanh,
    crate::fastmath::sigmoid,
    libm::sqrtf,
    sgemm,
    fn f32s(v: &[f32]) -> Option<&[f32]> {
        Some(v)
    },
    fn f32s_mut(v: &mut [f32]) -> Option<&mut [f32]> {
        Some(v)
    }
);
impl_real!(
    f64,
    u64,
    0x7ff0_0000_0000_0000,
    libm::exp,
    libm::log,
    libm::tanh,
    sigmoid_f64,
    libm::sqrt,
    dgemm,
    fn f32s(_: &[f64]) -> Option<&[f32]> {
        None
    },
    fn f32s_mut(_: &mut [f64]) -> Option<&mut [f32]> {
        None
    }
);

/// `1 / (1 + e^(−x))` in `f64`, with `libm`'s `exp`.
fn sigmoid_f64(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

/// True when every entry of `m` is finite.
pub fn all_finite<T: Real>(m: &nalgebra::DMatrix<T>) -> bool {
    T::all_finite(m.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_finite_finds_nan_and_infinities_anywhere() {
        for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -f32::NAN] {
            for at in 0..19 {
                let mut v = vec![1.5f32; 19];
                v[at] = bad;
                assert!(!f32::all_finite(&v), "{bad} at {at}");
                let w: Vec<f64> = v.iter().map(|&x| f64::from(x)).collect();
                assert!(!f64::all_finite(&w), "{bad} at {at} (f64)");
            }
        }
        let edge = [f32::MAX, f32::MIN, f32::MIN_POSITIVE, -0.0, 1e-45];
        assert!(f32::all_finite(&edge));
        assert!(f64::all_finite(&[f64::MAX, f64::MIN, -0.0, 5e-324]));
        assert!(f32::all_finite(&[]));
    }
}
