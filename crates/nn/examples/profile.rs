//! Runs a workload in a loop, for a profiler:
//! `cargo run --release --example profile -- w1 1000000` (workload w1, w2 or w4, then steps;
//! w3 runs W2's network over the 100×100 grid that many times). A third argument `portable`
//! selects the fixed-order product loops for every size (as traces and the page use).
use backstep_nn::{Inference, Kernels, workloads};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("w1", String::as_str);
    let preset = match name {
        "w2" | "w3" => workloads::w2(),
        "w4" => workloads::w4(),
        _ => workloads::w1(),
    };
    let count: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut s = preset.spec(1).unwrap().session().unwrap();
    if args.get(3).is_some_and(|a| a == "portable") {
        s.set_kernels(Kernels::Portable);
    }
    if name == "w3" {
        let grid = workloads::grid(100);
        let mut infer = Inference::new();
        for _ in 0..count {
            infer.run(s.network(), &grid);
        }
        return;
    }
    for _ in 0..count {
        s.step().unwrap();
    }
}
