//! A random generator that reproduces `torch.manual_seed(s); torch.randn(...)` on CPU.
//!
//! The core is MT19937 (the `rand_mt` crate), seeded with the textbook `init_genrand`. PyTorch
//! then draws normals in one of two ways:
//! - fewer than 16 elements: Box–Muller in f64 from two 53-bit uniforms, caching the second
//!   value of each pair in the generator. Reproduced bit for bit (`libm`'s `log1p`, `sin`, `cos`).
//! - 16 or more: blocks of 16 f32 uniforms turned into normals in f32. PyTorch's x86 builds use
//!   Cephes-style f32 polynomials with fused multiply-adds there; this uses `libm`'s f32
//!   functions instead, so that path is **approximate**: within a few ulps, not bit-exact.

use rand_mt::Mt;

/// The generator, with PyTorch's cached second normal.
#[derive(Clone)]
pub struct TorchGenerator {
    mt: Mt,
    cache: Option<f64>,
}

impl std::fmt::Debug for TorchGenerator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TorchGenerator")
            .field("cache", &self.cache)
            .finish_non_exhaustive()
    }
}

impl TorchGenerator {
    /// `torch.manual_seed(seed)`: the low 32 bits seed MT19937.
    pub fn new(seed: u64) -> Self {
        TorchGenerator {
            mt: Mt::new(seed as u32),
            cache: None,
        }
    }

    /// The next tempered 32-bit output of MT19937.
    pub fn next_u32(&mut self) -> u32 {
        self.mt.next_u32()
    }

    /// A uniform in [0, 1) with 53 random bits, built as PyTorch builds it.
    pub fn uniform53(&mut self) -> f64 {
        let hi = u64::from(self.next_u32());
        let lo = u64::from(self.next_u32());
        (((hi << 32) | lo) & ((1u64 << 53) - 1)) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// One standard normal on PyTorch's small-tensor path (f64 Box–Muller with a cache).
    pub fn normal_scalar(&mut self) -> f64 {
        if let Some(v) = self.cache.take() {
            return v;
        }
        let u1 = self.uniform53();
        let u2 = self.uniform53();
        let r = libm::sqrt(-2.0 * libm::log1p(-u2));
        let theta = 2.0 * std::f64::consts::PI * u1;
        self.cache = Some(r * libm::sin(theta));
        r * libm::cos(theta)
    }

    /// Draws and discards `n` normals on the small-tensor path (the article drew 72 before XOR).
    pub fn skip_normals(&mut self, n: usize) {
        for _ in 0..n {
            self.normal_scalar();
        }
    }

    /// `torch.randn(n)` flattened in row-major order, choosing PyTorch's path by `n`.
    pub fn randn(&mut self, n: usize) -> Vec<f32> {
        if n < 16 {
            return (0..n).map(|_| self.normal_scalar() as f32).collect();
        }
        let mut d: Vec<f32> = (0..n).map(|_| self.uniform24()).collect();
        for k in (0..=n - 16).step_by(16) {
            normal_block(&mut d[k..k + 16]);
        }
        if n % 16 != 0 {
            for v in &mut d[n - 16..] {
                *v = self.uniform24();
            }
            normal_block(&mut d[n - 16..]);
        }
        d
    }

    /// A uniform in [0, 1) with 24 random bits (PyTorch's f32 uniform for the vectorised path).
    fn uniform24(&mut self) -> f32 {
        (self.next_u32() & 0x00FF_FFFF) as f32 * (1.0 / (1u32 << 24) as f32)
    }

    /// A uniform integer in `0..n` (for shuffling), by rejection so it carries no bias.
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        let n = n as u64;
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = (u64::from(self.next_u32()) << 32) | u64::from(self.next_u32());
            if v < zone {
                return (v % n) as usize;
            }
        }
    }
}

/// Box–Muller on 16 f32 uniforms: the first 8 become radii, the last 8 angles.
fn normal_block(d: &mut [f32]) {
    for j in 0..8 {
        let u1 = 1.0 - d[j];
        let u2 = d[j + 8];
        let r = libm::sqrtf(-2.0 * libm::logf(u1));
        let (s, c) = libm::sincosf(2.0 * std::f32::consts::PI * u2);
        d[j] = r * c;
        d[j + 8] = r * s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(v: &[f32]) -> Vec<u32> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    #[test]
    fn seed_42_randn_2x4_is_bit_exact() {
        let mut g = TorchGenerator::new(42);
        let want = [
            0x3eac62ae, 0x3e03e69d, 0x3e7016e7, 0x3e6bdc6c, 0xbf8fb9c2, 0xbe3eccd8, 0x400d532c,
            0xbf2353c6,
        ];
        assert_eq!(bits(&g.randn(8)), want);
    }

    #[test]
    fn the_cache_carries_across_calls() {
        let mut a = TorchGenerator::new(42);
        let mut b = TorchGenerator::new(42);
        let mut split = a.randn(3);
        split.extend(a.randn(1));
        assert_eq!(bits(&split), bits(&b.randn(4)));
        // randn(2,3) is the first six values of randn(2,4).
        let six = TorchGenerator::new(42).randn(6);
        assert_eq!(bits(&six), bits(&TorchGenerator::new(42).randn(8)[..6]));
    }

    #[test]
    fn article_weights_after_72_discarded_draws() {
        let mut g = TorchGenerator::new(42);
        g.skip_normals(72);
        let w1 = [
            0xbe08b0c8, 0x3eaed794, 0xbd929404, 0xbdba24bc, 0xbfaa335b, 0xbf0ae6b2, 0x3f0c0ea5,
            0x3f249fd3,
        ];
        assert_eq!(bits(&g.randn(8)), w1);
        assert_eq!(
            bits(&g.randn(4)),
            [0xbf4a5cf8, 0xbf67e4ef, 0xbe857dd4, 0xbf0be81b]
        );
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the vectors as torch-randn.md prints them
    fn vectorised_path_is_close_to_pytorch() {
        let v = TorchGenerator::new(42).randn(20);
        let want_head = [1.926_915_3_f32, 1.487_284_1, 0.900_717_2];
        let want_tail = [0.803_409_34_f32, -0.621_595_38];
        for (a, b) in v[..3]
            .iter()
            .zip(want_head)
            .chain(v[18..].iter().zip(want_tail))
        {
            assert!(
                (a - b).abs() <= 4.0 * f32::EPSILON * b.abs().max(1.0),
                "{a} vs {b}"
            );
        }
    }

    #[test]
    fn below_stays_in_range_and_is_deterministic() {
        let mut a = TorchGenerator::new(7);
        let mut b = TorchGenerator::new(7);
        for n in 1..50 {
            let x = a.below(n);
            assert!(x < n);
            assert_eq!(x, b.below(n));
        }
    }
}
