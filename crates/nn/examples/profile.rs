//! Runs a workload's steps in a loop, for a profiler:
//! `cargo run --release --example profile -- w1 1000000` (workload w1, w2 or w4, then steps).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let preset = match args.get(1).map(String::as_str) {
        Some("w2") => backstep_nn::workloads::w2(),
        Some("w4") => backstep_nn::workloads::w4(),
        _ => backstep_nn::workloads::w1(),
    };
    let steps: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let mut s = preset.spec(1).unwrap().session().unwrap();
    for _ in 0..steps {
        s.step().unwrap();
    }
}
