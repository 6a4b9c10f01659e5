//! `backstep bench`: times a workload's steps in this process, for the comparison script
//! (`tests/bench/compare.py`). The criterion benches are the reference figures; this gives the
//! same measurement next to numpy and PyTorch in one run.

use crate::Failure;
use backstep_lesson::workloads;
use clap::ValueEnum;
use std::time::Instant;

/// Workloads that train (W3 is inference and lives in the criterion benches only).
#[derive(Clone, Copy, ValueEnum)]
pub enum Workload {
    /// The article's XOR 2-4-1.
    W1,
    /// Circle, 2-8-8-1 tanh, batch 10.
    W2,
    /// 2-64-64-1 ReLU on 1024 points.
    W4,
    /// The page's largest net: 2-16-16-16-16-1 tanh on 500 spiral points.
    W5,
}

/// Options of `backstep bench`.
#[derive(clap::Args)]
pub struct Args {
    /// Which workload.
    #[arg(value_enum)]
    workload: Workload,
    /// Steps per timed run.
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    steps: u64,
    /// Timed runs; the median is reported.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=100))]
    repeat: u64,
}

/// Prints `{"workload": …, "us_per_step": median, "runs": [...]}`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let preset = match args.workload {
        Workload::W1 => workloads::w1(),
        Workload::W2 => workloads::w2(),
        Workload::W4 => workloads::w4(),
        Workload::W5 => workloads::w5(),
    };
    let spec = preset.spec(1).map_err(|e| Failure::Input(e.to_string()))?;
    let mut runs = Vec::new();
    for _ in 0..args.repeat {
        let mut s = spec.session().map_err(|e| Failure::Input(e.to_string()))?;
        s.step().map_err(|e| Failure::Diverged(e.to_string()))?; // warm the buffers
        let t0 = Instant::now();
        for _ in 0..args.steps {
            s.step().map_err(|e| Failure::Diverged(e.to_string()))?;
        }
        runs.push(t0.elapsed().as_secs_f64() * 1e6 / args.steps as f64);
    }
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    out!(
        "{}",
        serde_json::json!({
            "workload": args.workload.to_possible_value().map(|v| v.get_name().to_string()),
            "us_per_step": median,
            "runs": runs,
        })
    );
    Ok(())
}
