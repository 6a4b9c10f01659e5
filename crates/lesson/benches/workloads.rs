//! Criterion benchmarks of the workloads W1–W5 (see `backstep_lesson::workloads` and BENCHMARKS.md).
//!
//! Run: `cargo bench -p backstep-lesson --bench workloads` (or `cargo xtask bench`).

use backstep_lesson::{MicroStep, workloads};
use backstep_nn::Inference;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn train_step(c: &mut Criterion, name: &str, preset: backstep_lesson::Preset) {
    let mut s = preset.spec(1).unwrap().session().unwrap();
    s.step().unwrap();
    c.bench_function(name, |b| b.iter(|| black_box(s.step().unwrap())));
}

fn benches(c: &mut Criterion) {
    train_step(c, "W1 xor 2-4-1 relu step", workloads::w1());
    train_step(c, "W2 circle 2-8-8-1 tanh batch 10 step", workloads::w2());

    // W3: the 100×100 grid through W2's net, every neuron's output kept (one batched forward).
    let s = workloads::w2().spec(1).unwrap().session().unwrap();
    let grid = workloads::grid(100);
    let mut infer = Inference::new();
    c.bench_function("W3 grid 100x100 through 2-8-8-1", |b| {
        b.iter(|| {
            infer.run(s.network(), &grid);
            black_box(infer.outputs().len())
        })
    });

    train_step(c, "W4 2-64-64-1 relu 1024 points step", workloads::w4());
    train_step(
        c,
        "W5 2-16x4-1 tanh 500 spiral points step",
        workloads::w5(),
    );

    // The cost of stepping one micro-step at a time (what the page's Sub-step does), on W1.
    let mut s = workloads::w1().spec(1).unwrap().session().unwrap();
    c.bench_function("W1 one micro-step", |b| {
        b.iter(|| black_box(s.substep().unwrap() == MicroStep::Update))
    });
}

criterion_group! {
    name = group;
    config = Criterion::default().measurement_time(std::time::Duration::from_secs(3)).warm_up_time(std::time::Duration::from_secs(1));
    targets = benches
}
criterion_main!(group);
