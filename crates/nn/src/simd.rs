//! Four f32 lanes, [`V4`]: wasm's `simd128` `f32x4` in the page's build, a plain `[f32; 4]` on
//! other targets (so native tests run the page's kernels lane for lane), and [`Lanes`], the
//! operations that `fastmath`'s tanh and sigmoid are written in, for one f32 or four.
//!
//! Every lane operation is the IEEE operation of one f32 (no fused multiply-add: wasm's
//! baseline SIMD has none, and the portable lanes do each step separately), so a kernel gives
//! the same bits in either build, and the same bits as scalar code doing the same steps.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// The float operations `fastmath` needs, for one `f32` or for [`V4`].
pub trait Lanes:
    Copy
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// The integer lanes (i32, wrapping) that hold the bits.
    type Int: IntLanes;
    /// The result of a comparison, one truth value per lane.
    type Mask: Copy;
    /// Every lane `v`.
    fn splat(v: f32) -> Self;
    /// `|x|` (clears the sign bit).
    fn abs(self) -> Self;
    /// Lanes where `self > v` (false for NaN).
    fn gt(self, v: f32) -> Self::Mask;
    /// Lanes where `self < v` (false for NaN).
    fn lt(self, v: f32) -> Self::Mask;
    /// `yes` in the lanes where `m` holds, `no` elsewhere.
    fn select(m: Self::Mask, yes: Self, no: Self) -> Self;
    /// The bits of each lane.
    fn bits(self) -> Self::Int;
    /// The floats with these bits.
    fn from_bits(i: Self::Int) -> Self;
}

/// Integer lanes: i32 arithmetic that wraps, and bit operations.
pub trait IntLanes: Copy {
    /// Every lane `v`.
    fn splat(v: i32) -> Self;
    /// `self + o`, wrapping.
    fn add(self, o: Self) -> Self;
    /// `self − o`, wrapping.
    fn sub(self, o: Self) -> Self;
    /// `self << n`.
    fn shl(self, n: u32) -> Self;
    /// `self >> n`, arithmetic (the sign fills in).
    fn shr(self, n: u32) -> Self;
    /// Bitwise or.
    fn or(self, o: Self) -> Self;
    /// Bitwise and.
    fn and(self, o: Self) -> Self;
}

impl Lanes for f32 {
    type Int = i32;
    type Mask = bool;
    #[inline(always)]
    fn splat(v: f32) -> Self {
        v
    }
    #[inline(always)]
    fn abs(self) -> Self {
        f32::abs(self)
    }
    #[inline(always)]
    fn gt(self, v: f32) -> bool {
        self > v
    }
    #[inline(always)]
    fn lt(self, v: f32) -> bool {
        self < v
    }
    #[inline(always)]
    fn select(m: bool, yes: Self, no: Self) -> Self {
        if m { yes } else { no }
    }
    #[inline(always)]
    fn bits(self) -> i32 {
        self.to_bits() as i32
    }
    #[inline(always)]
    fn from_bits(i: i32) -> Self {
        f32::from_bits(i as u32)
    }
}

impl IntLanes for i32 {
    #[inline(always)]
    fn splat(v: i32) -> Self {
        v
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self.wrapping_add(o)
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        self.wrapping_sub(o)
    }
    #[inline(always)]
    fn shl(self, n: u32) -> Self {
        self.wrapping_shl(n)
    }
    #[inline(always)]
    fn shr(self, n: u32) -> Self {
        self.wrapping_shr(n)
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        self | o
    }
    #[inline(always)]
    fn and(self, o: Self) -> Self {
        self & o
    }
}

#[cfg(target_arch = "wasm32")]
#[path = "simd_wasm.rs"]
mod lanes;
#[cfg(not(target_arch = "wasm32"))]
#[path = "simd_portable.rs"]
mod lanes;

pub use lanes::{I4, M4, V4};

/// Whether this build's [`V4`] is the machine's own (wasm `simd128`) rather than emulated: only
/// then do the products and the element-wise loops take the four-lane kernels.
pub const NATIVE_LANES: bool = cfg!(target_arch = "wasm32");
