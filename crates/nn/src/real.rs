//! The scalar types the network computes in: `f32` for the product, `f64` for gradient checks.
//!
//! Transcendental functions go through the `libm` crate, not the platform's C library, so that a
//! native build and a wasm build give the same bits for the same inputs.

use std::fmt::{Debug, Display};

/// A floating-point scalar the network can run on.
///
/// # Safety
/// `gemm` must behave like BLAS `?gemm` on the strided views it is given.
pub trait Real:
    nalgebra::RealField + Copy + Default + Debug + Display + Send + Sync + 'static
{
    /// Converts from `f64` (rounding to nearest for `f32`).
    fn of(v: f64) -> Self;
    /// Widens to `f64` exactly.
    fn f64(self) -> f64;
    /// `e^self`, computed by `libm`.
    fn exp_m(self) -> Self;
    /// `tanh(self)`, computed by `libm`.
    fn tanh_m(self) -> Self;
    /// `sqrt(self)` (IEEE-754 correctly rounded, the same everywhere).
    fn sqrt_m(self) -> Self;
    /// True when the value is neither NaN nor ±Inf.
    fn finite(self) -> bool;
    /// True when every value is finite. A value is NaN or ±Inf exactly when its exponent bits
    /// are all ones; testing that with an integer compare and OR-ing the results vectorises
    /// even on baseline x86-64 (SSE2) and wasm SIMD.
    fn all_finite(values: &[Self]) -> bool;
    /// `C = alpha·A·B + beta·C` on strided views, as BLAS `?gemm` (m×k times k×n).
    ///
    /// # Safety
    /// The pointers and strides must describe valid, non-overlapping views of the given sizes.
    #[allow(clippy::too_many_arguments)]
    unsafe fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: *const Self,
        rsa: isize,
        csa: isize,
        b: *const Self,
        rsb: isize,
        csb: isize,
        c: *mut Self,
        rsc: isize,
        csc: isize,
    );
}

/// Implements [`Real`] for a float type from its libm functions, its bit type, its exponent
/// mask and its matrixmultiply kernel (native only; the wasm build never calls `gemm`).
macro_rules! impl_real {
    ($t:ty, $bits:ty, $exp_mask:expr, $exp:path, $tanh:path, $sqrt:path, $gemm:ident) => {
        impl Real for $t {
            fn of(v: f64) -> Self {
                v as $t
            }
            fn f64(self) -> f64 {
                self as f64
            }
            fn exp_m(self) -> Self {
                $exp(self)
            }
            fn tanh_m(self) -> Self {
                $tanh(self)
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
            unsafe fn gemm(
                m: usize,
                k: usize,
                n: usize,
                a: *const Self,
                rsa: isize,
                csa: isize,
                b: *const Self,
                rsb: isize,
                csb: isize,
                c: *mut Self,
                rsc: isize,
                csc: isize,
            ) {
                #[cfg(not(target_arch = "wasm32"))]
                // SAFETY: forwarded from the caller's contract.
                unsafe {
                    matrixmultiply::$gemm(m, k, n, 1.0, a, rsa, csa, b, rsb, csb, 0.0, c, rsc, csc)
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
    libm::tanhf,
    libm::sqrtf,
    sgemm
);
impl_real!(
    f64,
    u64,
    0x7ff0_0000_0000_0000,
    libm::exp,
    libm::tanh,
    libm::sqrt,
    dgemm
);

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
