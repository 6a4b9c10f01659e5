//! The batch schedule's saved state: a restored schedule draws the same batches as the original,
//! and a bad state is refused naming its field; a clone (which shares the epoch's order until a
//! new epoch) draws the same batches and never moves the original.

use backstep_nn::batch::Batcher;

#[test]
fn a_restored_schedule_continues_identically() {
    let mut a = Batcher::new(13, 4, 3);
    // Past several epochs, so the generator is well into its stream (and past a refill).
    for _ in 0..500 {
        a.advance();
    }
    let saved = a.save();
    let mut b = Batcher::new(13, 4, 77);
    b.restore(&saved, "batch").unwrap();
    for _ in 0..700 {
        assert_eq!(a.current(), b.current());
        a.advance();
        b.advance();
    }
    // A schedule restored from a restored one still agrees.
    let mut c = Batcher::new(13, 4, 0);
    c.restore(&b.save(), "batch").unwrap();
    for _ in 0..50 {
        assert_eq!(b.current(), c.current());
        b.advance();
        c.advance();
    }
}

#[test]
fn a_bad_state_names_its_field_and_changes_nothing() {
    let mut b = Batcher::new(6, 2, 1);
    let good = b.save();
    let mut bad = good.clone();
    bad.order[1] = bad.order[0];
    let e = b.restore(&bad, "checkpoint.batch").unwrap_err();
    assert_eq!(e.field, "checkpoint.batch.order[1]");
    let mut bad = good.clone();
    bad.position = 3;
    let e = b.restore(&bad, "checkpoint.batch").unwrap_err();
    assert_eq!(e.field, "checkpoint.batch.position");
    let mut bad = good.clone();
    bad.rng.pop();
    let e = b.restore(&bad, "checkpoint.batch").unwrap_err();
    assert_eq!(
        e.to_string(),
        "checkpoint.batch.rng: expected 624 values, got 623"
    );
    assert_eq!(b.save(), good);
}

#[test]
fn a_clone_draws_the_same_batches_and_leaves_the_original_alone() {
    let mut a = Batcher::new(13, 4, 3);
    let fresh = a.clone();
    let mut clones = Vec::new();
    for _ in 0..60 {
        clones.push(a.clone());
        a.advance();
    }
    // Each clone, advanced on its own through new epochs, follows the original's path.
    let mut again = fresh.clone();
    for (k, mut c) in clones.into_iter().enumerate() {
        assert_eq!(c.current(), again.current(), "step {k}");
        assert_eq!(c.save(), again.save(), "step {k}");
        for _ in 0..9 {
            c.advance();
        }
        again.advance();
    }
    assert_eq!(fresh.save(), Batcher::new(13, 4, 3).save());
}
