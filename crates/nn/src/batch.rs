//! Which samples each step trains on: the full batch, or shuffled mini-batches per epoch.
//!
//! With a batch size below the sample count, each epoch draws a fresh permutation (Fisher–Yates
//! on the seeded generator) and walks it in slices of that size; the last slice of an epoch may
//! be shorter. The position only advances when a step completes, so a failed step retries the
//! same batch.

use crate::rng::TorchGenerator;

/// The batch schedule.
#[derive(Clone, Debug)]
pub struct Batcher {
    size: usize,
    order: Vec<usize>,
    pos: usize,
    epoch: u64,
    rng: TorchGenerator,
}

impl Batcher {
    /// A schedule over `n` samples; `size` ≥ `n` (or 0) means the full batch, in order.
    pub fn new(n: usize, size: usize, seed: u64) -> Self {
        let size = if size == 0 || size >= n { n } else { size };
        let mut b = Batcher {
            size,
            order: (0..n).collect(),
            pos: 0,
            epoch: 0,
            rng: TorchGenerator::new(seed),
        };
        b.shuffle();
        b
    }

    /// True when every step sees every sample.
    pub fn is_full(&self) -> bool {
        self.size == self.order.len()
    }
    /// The batch size.
    pub fn size(&self) -> usize {
        self.size
    }
    /// Completed epochs.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The indices of the next batch (the same until [`Batcher::advance`]).
    pub fn current(&self) -> &[usize] {
        let end = (self.pos + self.size).min(self.order.len());
        &self.order[self.pos..end]
    }

    /// Moves past the current batch, reshuffling at the end of an epoch.
    pub fn advance(&mut self) {
        self.pos += self.size;
        if self.pos >= self.order.len() {
            self.pos = 0;
            self.epoch += 1;
            self.shuffle();
        }
    }

    fn shuffle(&mut self) {
        if self.is_full() {
            return;
        }
        for i in (1..self.order.len()).rev() {
            let j = self.rng.below(i + 1);
            self.order.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_epoch_covers_every_sample_once_and_epochs_differ() {
        let mut b = Batcher::new(10, 3, 5);
        let mut seen = Vec::new();
        let mut sizes = Vec::new();
        for _ in 0..4 {
            sizes.push(b.current().len());
            seen.extend_from_slice(b.current());
            b.advance();
        }
        assert_eq!(sizes, [3, 3, 3, 1]);
        let first = seen.clone();
        seen.sort_unstable();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
        assert_eq!(b.epoch(), 1);
        let second: Vec<usize> = (0..4)
            .flat_map(|_| {
                let c = b.current().to_vec();
                b.advance();
                c
            })
            .collect();
        assert_ne!(first, second);
    }

    #[test]
    fn full_batch_is_in_order() {
        let mut b = Batcher::new(4, 0, 1);
        assert_eq!(b.current(), [0, 1, 2, 3]);
        b.advance();
        assert_eq!(b.current(), [0, 1, 2, 3]);
    }
}
