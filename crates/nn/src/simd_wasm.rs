//! [`V4`] on wasm: one `simd128` `v128` holding four f32 lanes, and its integer and mask lanes.

use super::{IntLanes, Lanes};
use core::arch::wasm32::*;
use std::ops::{Add, Div, Mul, Neg, Sub};

/// Four f32 lanes in one `v128`.
#[derive(Clone, Copy, Debug)]
pub struct V4(v128);
/// Four i32 lanes in one `v128`.
#[derive(Clone, Copy, Debug)]
pub struct I4(v128);
/// Four lane masks (all ones or all zeros) in one `v128`.
#[derive(Clone, Copy, Debug)]
pub struct M4(v128);

impl V4 {
    /// The first four values of `s` (one unaligned load).
    ///
    /// # Panics
    /// If `s` has fewer than four values.
    #[inline(always)]
    pub fn load(s: &[f32]) -> V4 {
        let s = &s[..4];
        // SAFETY: `s` holds four f32 (16 bytes), and `v128_load` needs no alignment.
        V4(unsafe { v128_load(s.as_ptr().cast()) })
    }
    /// Writes the lanes to the first four places of `s` (one unaligned store).
    ///
    /// # Panics
    /// If `s` has fewer than four places.
    #[inline(always)]
    pub fn store(self, s: &mut [f32]) {
        let s = &mut s[..4];
        // SAFETY: `s` holds four f32 (16 bytes), and `v128_store` needs no alignment.
        unsafe { v128_store(s.as_mut_ptr().cast(), self.0) }
    }
    /// The four values from `p` on (one unaligned load).
    ///
    /// # Safety
    /// `p` must be valid for reading four f32.
    #[inline(always)]
    pub unsafe fn load_ptr(p: *const f32) -> V4 {
        // SAFETY: the caller's promise, and `v128_load` needs no alignment.
        V4(unsafe { v128_load(p.cast()) })
    }
    /// The lanes, first to last.
    #[inline(always)]
    pub fn to_array(self) -> [f32; 4] {
        let v = self.0;
        [
            f32x4_extract_lane::<0>(v),
            f32x4_extract_lane::<1>(v),
            f32x4_extract_lane::<2>(v),
            f32x4_extract_lane::<3>(v),
        ]
    }
}

impl Add for V4 {
    type Output = V4;
    #[inline(always)]
    fn add(self, o: V4) -> V4 {
        V4(f32x4_add(self.0, o.0))
    }
}
impl Sub for V4 {
    type Output = V4;
    #[inline(always)]
    fn sub(self, o: V4) -> V4 {
        V4(f32x4_sub(self.0, o.0))
    }
}
impl Mul for V4 {
    type Output = V4;
    #[inline(always)]
    fn mul(self, o: V4) -> V4 {
        V4(f32x4_mul(self.0, o.0))
    }
}
impl Div for V4 {
    type Output = V4;
    #[inline(always)]
    fn div(self, o: V4) -> V4 {
        V4(f32x4_div(self.0, o.0))
    }
}

impl Neg for V4 {
    type Output = V4;
    #[inline(always)]
    fn neg(self) -> V4 {
        V4(f32x4_neg(self.0))
    }
}

impl Lanes for V4 {
    type Int = I4;
    type Mask = M4;
    #[inline(always)]
    fn splat(v: f32) -> Self {
        V4(f32x4_splat(v))
    }
    #[inline(always)]
    fn abs(self) -> Self {
        V4(f32x4_abs(self.0))
    }
    #[inline(always)]
    fn gt(self, v: f32) -> M4 {
        M4(f32x4_gt(self.0, f32x4_splat(v)))
    }
    #[inline(always)]
    fn lt(self, v: f32) -> M4 {
        M4(f32x4_lt(self.0, f32x4_splat(v)))
    }
    #[inline(always)]
    fn select(m: M4, yes: Self, no: Self) -> Self {
        V4(v128_bitselect(yes.0, no.0, m.0))
    }
    #[inline(always)]
    fn bits(self) -> I4 {
        I4(self.0)
    }
    #[inline(always)]
    fn from_bits(i: I4) -> Self {
        V4(i.0)
    }
}

impl IntLanes for I4 {
    #[inline(always)]
    fn splat(v: i32) -> Self {
        I4(i32x4_splat(v))
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        I4(i32x4_add(self.0, o.0))
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        I4(i32x4_sub(self.0, o.0))
    }
    #[inline(always)]
    fn shl(self, n: u32) -> Self {
        I4(i32x4_shl(self.0, n))
    }
    #[inline(always)]
    fn shr(self, n: u32) -> Self {
        I4(i32x4_shr(self.0, n))
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        I4(v128_or(self.0, o.0))
    }
    #[inline(always)]
    fn and(self, o: Self) -> Self {
        I4(v128_and(self.0, o.0))
    }
}
