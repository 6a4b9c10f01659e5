//! Which samples each step trains on: the full batch, or shuffled mini-batches per epoch.
//!
//! With a batch size below the sample count, each epoch draws a fresh permutation (Fisher–Yates
//! on the seeded MT19937, as [`crate::rng::TorchGenerator::below`] draws) and walks it in slices
//! of that size; the last slice of an epoch may be shorter. The position only advances when a
//! step completes, so a failed step retries the same batch.
//!
//! The schedule can be saved ([`Batcher::save`]) and put back ([`Batcher::restore`]) exactly. The
//! generator's state is saved as its next 624 outputs: the restored schedule replays those, then
//! continues with a generator rebuilt from them (MT19937's state is recoverable from any 624
//! consecutive outputs), so it draws the same numbers the original would have.

use crate::error::SpecError;
use crate::message::Msg;
use rand_mt::Mt;
use serde::Serialize;
use std::sync::Arc;

/// How many outputs of MT19937 determine its state.
pub const RNG_WORDS: usize = 624;
/// The largest integer a JavaScript number holds exactly (2^53 − 1): a saved epoch above it is
/// refused, and so is every count a saved run carries (the checkpoint reads it from here).
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// MT19937's outputs, after a restore preceded by the saved outputs it replays.
#[derive(Clone)]
struct Stream {
    mt: Mt,
    ahead: Vec<u32>,
    next: usize,
}

impl Stream {
    fn next_u32(&mut self) -> u32 {
        match self.ahead.get(self.next) {
            Some(&v) => {
                self.next += 1;
                v
            }
            None => self.mt.next_u32(),
        }
    }
    /// A uniform integer in `0..n` by rejection, exactly as `TorchGenerator::below` draws it.
    fn below(&mut self, n: usize) -> usize {
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

/// An epoch's permutation and the generator after drawing it: both change only when an epoch
/// starts (or on a restore).
#[derive(Clone)]
struct Epoch {
    order: Vec<usize>,
    rng: Stream,
}

/// The batch schedule. Its clones (keyframes take one per step) share the epoch's order and
/// generator (about 6.5 KB for 500 samples) until one of them starts a new epoch, which then
/// copies them once.
#[derive(Clone)]
pub struct Batcher {
    size: usize,
    pos: usize,
    epoch: u64,
    shared: Arc<Epoch>,
}

impl std::fmt::Debug for Batcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batcher")
            .field("size", &self.size)
            .field("pos", &self.pos)
            .field("epoch", &self.epoch)
            .finish_non_exhaustive()
    }
}

/// A batch schedule's position, as a checkpoint stores it (see `docs/checkpoint-format.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BatchState {
    /// Completed epochs.
    pub epoch: u64,
    /// Where the next batch starts in `order`.
    pub position: usize,
    /// This epoch's permutation of the sample indices (0, 1, …, n−1 for the full batch).
    pub order: Vec<u32>,
    /// The shuffle generator's next 624 outputs (empty for the full batch, which never shuffles).
    pub rng: Vec<u32>,
}

impl Batcher {
    /// A schedule over `n` samples; `size` ≥ `n` (or 0) means the full batch, in order.
    pub fn new(n: usize, size: usize, seed: u64) -> Self {
        let size = if size == 0 || size >= n { n } else { size };
        let mut b = Batcher {
            size,
            pos: 0,
            epoch: 0,
            shared: Arc::new(Epoch {
                order: (0..n).collect(),
                // As `TorchGenerator::new(seed)`: the low 32 bits seed MT19937.
                rng: Stream {
                    mt: Mt::new(seed as u32),
                    ahead: Vec::new(),
                    next: 0,
                },
            }),
        };
        b.shuffle();
        b
    }

    /// True when every step sees every sample.
    pub fn is_full(&self) -> bool {
        self.size == self.shared.order.len()
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
        let order = &self.shared.order;
        let end = (self.pos + self.size).min(order.len());
        &order[self.pos..end]
    }

    /// Moves past the current batch, reshuffling at the end of an epoch.
    pub fn advance(&mut self) {
        self.pos += self.size;
        if self.pos >= self.shared.order.len() {
            self.pos = 0;
            self.epoch += 1;
            self.shuffle();
        }
    }

    fn shuffle(&mut self) {
        if self.is_full() {
            return;
        }
        let Epoch { order, rng } = Arc::make_mut(&mut self.shared);
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
    }

    /// Bytes held on the heap (the order, the generator's state and any outputs it replays).
    pub fn bytes(&self) -> usize {
        let Epoch { order, rng } = &*self.shared;
        order.len() * std::mem::size_of::<usize>() + (RNG_WORDS + rng.ahead.len()) * 4
    }

    /// The position, this epoch's order and the generator's state.
    pub fn save(&self) -> BatchState {
        let rng = if self.is_full() {
            Vec::new()
        } else {
            let mut s = self.shared.rng.clone();
            (0..RNG_WORDS).map(|_| s.next_u32()).collect()
        };
        BatchState {
            epoch: self.epoch,
            position: self.pos,
            order: self.shared.order.iter().map(|&i| i as u32).collect(),
            rng,
        }
    }

    /// Puts back a saved position on a schedule with the same sample count and batch size.
    /// Errors name the field under `field` (e.g. `checkpoint.batch`); nothing changes on error.
    pub fn restore(&mut self, s: &BatchState, field: &str) -> Result<(), SpecError> {
        let n = self.shared.order.len();
        let err = |name: &str, msg: Msg| SpecError::new(format!("{field}.{name}"), msg);
        let got = s.order.len();
        if got != n {
            return Err(err("order", Msg::Indices { want: n, got }));
        }
        let mut seen = vec![false; n];
        for (k, &i) in s.order.iter().enumerate() {
            let i = i as usize;
            if i >= n || seen[i] {
                return Err(err(&format!("order[{k}]"), Msg::BadIndex { i, n }));
            }
            if self.is_full() && i != k {
                return Err(err(&format!("order[{k}]"), Msg::FullBatch { k }));
            }
            seen[i] = true;
        }
        if s.position >= n.max(1) || s.position % self.size.max(1) != 0 {
            return Err(err(
                "position",
                Msg::BatchStart {
                    position: s.position,
                    size: self.size,
                    n,
                },
            ));
        }
        if s.epoch > MAX_SAFE_INTEGER {
            return Err(err("epoch", Msg::MaxSafe));
        }
        let (want, got) = (if self.is_full() { 0 } else { RNG_WORDS }, s.rng.len());
        if got != want {
            return Err(err("rng", Msg::ExpectedValues { want, got }));
        }
        let rng = if self.is_full() {
            None
        } else {
            Some(Stream {
                mt: (Mt::recover(s.rng.iter().copied()))
                    .map_err(|_| err("rng", Msg::ExpectedValues { want, got }))?,
                ahead: s.rng.clone(),
                next: 0,
            })
        };
        let shared = Arc::make_mut(&mut self.shared);
        if let Some(rng) = rng {
            shared.rng = rng;
        }
        shared.order.clear();
        shared.order.extend(s.order.iter().map(|&i| i as usize));
        self.pos = s.position;
        self.epoch = s.epoch;
        Ok(())
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

    #[test]
    fn the_shuffle_draws_as_the_torch_generator_does() {
        let mut g = crate::rng::TorchGenerator::new(9);
        let mut order: Vec<usize> = (0..50).collect();
        for i in (1..50).rev() {
            order.swap(i, g.below(i + 1));
        }
        assert_eq!(Batcher::new(50, 7, 9).current(), &order[..7]);
    }
}
