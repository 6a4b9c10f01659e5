//! The `backstep` command: step through one training cycle, train, or trace a spec as JSON.
//!
//! Exit status: 0 on success, 2 for a bad option or spec (one line on stderr naming the field),
//! 1 when training hits a non-finite value (one line naming the phase and layer).

/// `println!` that reports a closed stdout (e.g. `backstep train … | head`) as
/// [`Failure::Closed`] instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*).map_err(crate::Failure::from)?
    }};
}

/// `print!` with the same handling as [`out!`].
macro_rules! outp {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout(), $($arg)*).map_err(crate::Failure::from)?
    }};
}

mod bench;
mod opts;
mod show;
mod step;
mod text;
mod train;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// backstep: backpropagation you can step through.
///
/// Limits: at most 10000 samples, 256 units per layer, 32 layers, 10000 traced steps and
/// 10000000 training steps.
#[derive(Parser)]
#[command(name = "backstep", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run training cycles and print every phase (by default the article's first cycle).
    Step(step::Args),
    /// Train for a number of steps, printing a compact loss log and the final predictions.
    Train(train::Args),
    /// Read a spec (JSON file, or - for stdin) and write its trace as JSON on stdout.
    ///
    /// Every product runs in fixed-order loops, so the trace is the same bits on every machine
    /// and equals the page's run of the same spec.
    Trace {
        /// Path to the spec, or - to read stdin.
        spec: String,
    },
    /// Write the spec (JSON) that the model options describe, with its initial weights.
    Spec {
        #[command(flatten)]
        model: opts::Model,
        /// Steps a trace of this spec will record.
        #[arg(long, default_value_t = 1)]
        steps: u64,
    },
    /// Time a benchmark workload (w1 or w4) and print microseconds per step as JSON.
    Bench(bench::Args),
}

/// What went wrong, and which exit status it maps to.
pub enum Failure {
    /// A bad option, spec or file: status 2.
    Input(String),
    /// Training produced a non-finite value: status 1.
    Diverged(String),
    /// Stdout was closed by the reader (a pipe into `head`): stop quietly, status 0.
    Closed,
    /// Stdout failed otherwise: status 1.
    Output(std::io::Error),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Output(e)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // clap's first line names the option. When it ends in a colon, the indented lines
            // after it (the missing arguments) complete it; a list of possible values joins it
            // too. Either way the message stays one line.
            let rendered = e.render().to_string();
            let mut lines = rendered.lines();
            let mut msg = lines
                .next()
                .unwrap_or("error: bad arguments")
                .trim_start_matches("error: ")
                .to_string();
            let rest: Vec<&str> = lines.collect();
            if msg.ends_with(':') {
                let more: Vec<&str> = rest
                    .iter()
                    .take_while(|l| l.starts_with("  "))
                    .map(|l| l.trim())
                    .collect();
                msg = format!("{msg} {}", more.join(", "));
            }
            if let Some(values) = rest
                .iter()
                .find(|l| l.trim_start().starts_with("[possible values"))
            {
                msg = format!("{msg} {}", values.trim());
            }
            eprintln!("backstep: {msg}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Step(a) => step::run(&a),
        Command::Train(a) => train::run(&a),
        Command::Trace { spec } => trace(&spec),
        Command::Spec { model, steps } => print_spec(&model, steps),
        Command::Bench(a) => bench::run(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(m)) => {
            eprintln!("backstep: {m}");
            ExitCode::from(2)
        }
        Err(Failure::Diverged(m)) => {
            eprintln!("backstep: {m}");
            ExitCode::from(1)
        }
        Err(Failure::Closed) => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("backstep: cannot write the output: {e}");
            ExitCode::from(1)
        }
    }
}

fn print_spec(model: &opts::Model, steps: u64) -> Result<(), Failure> {
    out!("{}", model.spec(steps)?.to_json());
    Ok(())
}

/// Largest spec accepted, in bytes: far above what the size limits allow.
const MAX_SPEC_BYTES: u64 = 64 << 20;

fn trace(path: &str) -> Result<(), Failure> {
    use std::io::Read;
    let mut json = String::new();
    let read = if path == "-" {
        std::io::stdin()
            .take(MAX_SPEC_BYTES + 1)
            .read_to_string(&mut json)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_SPEC_BYTES + 1).read_to_string(&mut json))
    };
    let name = if path == "-" { "stdin" } else { path };
    read.map_err(|e| Failure::Input(format!("cannot read the spec from {name}: {e}")))?;
    if json.len() as u64 > MAX_SPEC_BYTES {
        return Err(Failure::Input(format!(
            "the spec in {name} is larger than {} MiB",
            MAX_SPEC_BYTES >> 20
        )));
    }
    let spec = backstep_nn::Spec::parse(&json).map_err(|e| Failure::Input(e.to_string()))?;
    let trace = backstep_nn::trace::run(&spec).map_err(|e| match e {
        backstep_nn::trace::TraceError::Spec(e) => Failure::Input(e.to_string()),
        backstep_nn::trace::TraceError::NonFinite(e) => Failure::Diverged(e.to_string()),
    })?;
    out!(
        "{}",
        serde_json::to_string(&trace).expect("a trace always serialises")
    );
    Ok(())
}
