//! [`V4`] on targets without wasm's `simd128`: four f32 in an array, each operation applied
//! lane by lane, so that native tests run the page's four-lane kernels with the same bits.

use super::{IntLanes, Lanes};
use std::ops::{Add, Div, Mul, Neg, Sub};

/// Four f32 lanes.
#[derive(Clone, Copy, Debug)]
pub struct V4([f32; 4]);
/// Four i32 lanes.
#[derive(Clone, Copy, Debug)]
pub struct I4([i32; 4]);
/// Four lane masks.
#[derive(Clone, Copy, Debug)]
pub struct M4([bool; 4]);

/// Applies `f` lane by lane.
#[inline(always)]
fn zip<A: Copy, B: Copy, C>(a: [A; 4], b: [B; 4], f: impl Fn(A, B) -> C) -> [C; 4] {
    std::array::from_fn(|l| f(a[l], b[l]))
}

impl V4 {
    /// The first four values of `s`.
    ///
    /// # Panics
    /// If `s` has fewer than four values.
    #[inline(always)]
    pub fn load(s: &[f32]) -> V4 {
        V4(s[..4].try_into().expect("four lanes"))
    }
    /// Writes the lanes to the first four places of `s`.
    ///
    /// # Panics
    /// If `s` has fewer than four places.
    #[inline(always)]
    pub fn store(self, s: &mut [f32]) {
        s[..4].copy_from_slice(&self.0);
    }
    /// The four values from `p` on.
    ///
    /// # Safety
    /// `p` must be valid for reading four f32.
    #[inline(always)]
    pub unsafe fn load_ptr(p: *const f32) -> V4 {
        // SAFETY: the caller's promise; the read needs no alignment.
        V4(unsafe { p.cast::<[f32; 4]>().read_unaligned() })
    }
    /// The lanes, first to last.
    #[inline(always)]
    pub fn to_array(self) -> [f32; 4] {
        self.0
    }
}

/// Implements a float operator lane by lane.
macro_rules! lanewise {
    ($tr:ident, $f:ident, $op:tt) => {
        impl $tr for V4 {
            type Output = V4;
            #[inline(always)]
            fn $f(self, o: V4) -> V4 {
                V4(zip(self.0, o.0, |a, b| a $op b))
            }
        }
    };
}
lanewise!(Add, add, +);
lanewise!(Sub, sub, -);
lanewise!(Mul, mul, *);
lanewise!(Div, div, /);

impl Neg for V4 {
    type Output = V4;
    #[inline(always)]
    fn neg(self) -> V4 {
        V4(self.0.map(|x| -x))
    }
}

impl Lanes for V4 {
    type Int = I4;
    type Mask = M4;
    fn splat(v: f32) -> Self {
        V4([v; 4])
    }
    fn abs(self) -> Self {
        V4(self.0.map(f32::abs))
    }
    fn gt(self, v: f32) -> M4 {
        M4(self.0.map(|x| x > v))
    }
    fn lt(self, v: f32) -> M4 {
        M4(self.0.map(|x| x < v))
    }
    fn select(m: M4, yes: Self, no: Self) -> Self {
        V4(std::array::from_fn(
            |l| if m.0[l] { yes.0[l] } else { no.0[l] },
        ))
    }
    fn bits(self) -> I4 {
        I4(self.0.map(|x| x.to_bits() as i32))
    }
    fn from_bits(i: I4) -> Self {
        V4(i.0.map(|b| f32::from_bits(b as u32)))
    }
}

impl IntLanes for I4 {
    fn splat(v: i32) -> Self {
        I4([v; 4])
    }
    fn add(self, o: Self) -> Self {
        I4(zip(self.0, o.0, i32::wrapping_add))
    }
    fn sub(self, o: Self) -> Self {
        I4(zip(self.0, o.0, i32::wrapping_sub))
    }
    fn shl(self, n: u32) -> Self {
        I4(self.0.map(|x| x.wrapping_shl(n)))
    }
    fn shr(self, n: u32) -> Self {
        I4(self.0.map(|x| x.wrapping_shr(n)))
    }
    fn or(self, o: Self) -> Self {
        I4(zip(self.0, o.0, |a, b| a | b))
    }
    fn and(self, o: Self) -> Self {
        I4(zip(self.0, o.0, |a, b| a & b))
    }
}
