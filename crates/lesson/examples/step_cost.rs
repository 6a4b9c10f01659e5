//! The page's step path natively, for instruction counts that a noisy machine cannot move:
//! a timeline with the page's product loops and deferred measures (`EAGER=1`: measured as each
//! step completes, as before), its notices, and one "frame" (the header's measures now) every
//! `FRAME` steps, from step 0. Per step, the difference of two runs:
//! `valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/step_cost
//! w1 0` and the same with `w1 4096`, divided by 4 096 (BENCHMARKS.md).
use backstep_lesson::glass::notices::Notices;
use backstep_lesson::{Timeline, workloads};
use backstep_nn::Kernels;

/// Steps per frame: the page's fastest speed.
const FRAME: u64 = 1000;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "w1".into());
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(4096);
    let preset = match name.as_str() {
        "w1" => workloads::w1(),
        "w2" => workloads::w2(),
        "w4" => workloads::w4(),
        "w5" => workloads::w5(),
        _ => panic!("w1, w2, w4 or w5"),
    };
    let spec = preset.spec(1).expect("workload spec");
    let mut t = Timeline::new(spec.session().expect("session")).expect("timeline");
    t.set_kernels(Kernels::Portable);
    t.defer_measures(std::env::var_os("EAGER").is_none());
    let mut notices = Notices::new();
    let mut done = 0;
    while done < n {
        let k = FRAME.min(n - done);
        for _ in 0..k {
            t.step().expect("finite step");
            notices.observe(t.session());
        }
        std::hint::black_box(t.measures_now());
        done += k;
    }
    println!("{name}: {} steps, loss {:?}", t.steps(), t.history().last());
}
