//! The command line: the subcommands and their options (clap), and turning clap's errors into
//! one line with the user's text escaped and cut short.

use crate::{Failure, bench, opts, step, train};
use backstep_nn::error::quote;
use clap::builder::Styles;
use clap::error::ContextValue;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;

/// backstep: backpropagation you can step through.
///
/// Limits: at most 10000 samples, 256 units per layer, 32 layers, 10000 traced steps and
/// 10000000 training steps; one trace holds at most 100000000 numbers (about 1 GB of JSON).
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
    /// and equals the page's run of the same spec. Each step is written as soon as it is
    /// computed. A spec whose trace would hold more than 100000000 numbers (every matrix entry,
    /// mask entry and index counts) is refused before it runs. If a step produces NaN or ±Inf,
    /// the steps before it have been written and the JSON is left unfinished (status 1).
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

/// A command line that parsed, ready to run.
pub struct Invocation(Command);

/// A command line that did not parse into a command.
#[derive(Debug, PartialEq, Eq)]
pub enum ArgsError {
    /// `--help` or `--version`: this text goes to stdout, status 0.
    Print(String),
    /// A bad option: one line for stderr (after `backstep: `), status 2.
    Bad(String),
}

/// Parses a command line (the program's name first). A bad one gives one line naming the
/// option, with any user text in it escaped and cut short.
pub fn parse<I, T>(args: I) -> Result<Invocation, ArgsError>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    // Plain styles: the rendered text then holds no escape codes of clap's own, and its
    // unstripped form (`ansi()`) shows the user's text exactly as given, to be escaped below.
    let mut cmd = Cli::command().styles(Styles::plain());
    // `--help` follows `--lang` (English unless `--lang ja`).
    let mut args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some((lang, rest)) = crate::help_ja::help_language(&args) {
        args = rest;
        if lang == "ja" {
            cmd = crate::help_ja::japanese(cmd);
        }
    }
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m).map_err(|e| e.format(&mut cmd)));
    match parsed {
        Ok(c) => Ok(Invocation(c.command)),
        Err(e) if !e.use_stderr() => Err(ArgsError::Print(e.render().to_string())),
        Err(e) => Err(ArgsError::Bad(one_line(&e))),
    }
}

/// clap's error as one line. Its first line names the option. When it ends in a colon, the
/// indented lines after it (the missing arguments) complete it; a list of possible values
/// joins it too.
fn one_line(e: &clap::Error) -> String {
    let mut rendered = e.render().ansi().to_string();
    // clap quotes the user's text raw ('a\nb'): escape and cut it before splitting lines.
    for (_, value) in e.context() {
        let raw: Vec<&String> = match value {
            ContextValue::String(s) => vec![s],
            ContextValue::Strings(v) => v.iter().collect(),
            _ => Vec::new(),
        };
        for s in raw {
            let safe = quote(s);
            if safe != *s {
                rendered = rendered.replace(&format!("'{s}'"), &format!("'{safe}'"));
            }
        }
    }
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
    crate::one_line(&msg)
}

impl Invocation {
    /// Checks the options without running anything: for `step`, `train` and `spec`, builds
    /// and validates the spec that the model options describe.
    pub fn check(&self) -> Result<(), Failure> {
        match &self.0 {
            Command::Step(a) => a.model.spec(1).map(drop),
            Command::Train(a) => a.model.spec(1).map(drop),
            Command::Spec { model, steps } => model.spec(*steps).map(drop),
            Command::Trace { .. } | Command::Bench(_) => Ok(()),
        }
    }

    /// Runs the command, writing to stdout.
    pub fn run(self) -> Result<(), Failure> {
        match self.0 {
            Command::Step(a) => step::run(&a),
            Command::Train(a) => train::run(&a),
            Command::Trace { spec } => crate::trace::run(&spec),
            Command::Spec { model, steps } => {
                out!("{}", model.spec(steps)?.to_json());
                Ok(())
            }
            Command::Bench(a) => bench::run(&a),
        }
    }
}
