//! What the timeline's whole-set measures (`backstep_lesson::measure`) cost next to a step, per
//! workload, with the page's product loops (portable): `cargo run --release --example
//! measure_cost -p backstep-lesson -- 3000` (steps per figure; the timeline measures every step
//! below 1 024, then fewer). Prints microseconds per step.
use backstep_lesson::measure::curves::Curves;
use backstep_lesson::{Timeline, workloads};
use backstep_nn::Kernels;
use std::time::Instant;

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3000);
    let per_step = |t0: Instant| t0.elapsed().as_secs_f64() / n as f64 * 1e6;
    for (name, p) in [
        ("w1", workloads::w1()),
        ("w2", workloads::w2()),
        ("w5", workloads::w5()),
    ] {
        let spec = p.spec(1).expect("workload spec");
        let mut s = spec.session().expect("workload session");
        s.set_kernels(Kernels::Portable);
        let t0 = Instant::now();
        for _ in 0..n {
            s.step().expect("finite step");
        }
        let step = per_step(t0);
        let mut curves = Curves::new();
        let t0 = Instant::now();
        for _ in 0..n {
            std::hint::black_box(curves.measure(&s));
        }
        let measure = per_step(t0);
        let mut t = Timeline::new(spec.session().expect("session")).expect("timeline");
        t.set_kernels(Kernels::Portable);
        let t0 = Instant::now();
        t.run(n).expect("finite run");
        let timeline = per_step(t0);
        println!(
            "{name}: session step {step:.1} µs, one measure {measure:.1} µs, timeline step (measuring as it does, over {n} steps) {timeline:.1} µs"
        );
    }
}
