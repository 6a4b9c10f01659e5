//! The `backstep` command as a library: the argument parser ([`parse`]), running a parsed
//! command ([`Invocation::run`]) and the exit statuses ([`main_with`]); `main.rs` only calls
//! [`main_with`]. The fuzz targets ([`fuzz`]) drive the same functions.
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

mod args;
mod bench;
pub mod fuzz;
mod help_ja;
mod opts;
mod show;
mod step;
mod text;
mod trace;
mod train;

pub use args::{ArgsError, Invocation, parse};
use backstep_nn::error::{MAX_MESSAGE, clean};
use std::ffi::OsString;
use std::process::ExitCode;

/// What went wrong, and which exit status it maps to.
#[derive(Debug)]
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

impl Failure {
    /// The line written on stderr (after `backstep: `), or None for a quiet stop.
    pub fn line(&self) -> Option<String> {
        match self {
            Failure::Input(m) | Failure::Diverged(m) => Some(one_line(m)),
            Failure::Closed => None,
            Failure::Output(e) => Some(one_line(&format!("cannot write the output: {e}"))),
        }
    }
    /// The exit status: 2 for bad input, 1 for a divergence or a failed write, 0 for a closed
    /// stdout.
    pub fn status(&self) -> u8 {
        match self {
            Failure::Input(_) => 2,
            Failure::Diverged(_) | Failure::Output(_) => 1,
            Failure::Closed => 0,
        }
    }
}

/// Most characters of one error line after `backstep: `.
pub const MAX_LINE: usize = 2 * MAX_MESSAGE;

/// A message made safe for stderr: one line, control characters shown as escapes, quoted user
/// text cut short, at most [`MAX_LINE`] characters. Messages from the library are already so;
/// this also covers the command's own (a path, an I/O error).
pub fn one_line(message: &str) -> String {
    clean(message, MAX_LINE)
}

/// Runs the command line `args` (the program's name first), prints what it prints and returns
/// the exit status.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let result = match parse(args) {
        Ok(inv) => inv.run(),
        Err(ArgsError::Print(text)) => {
            // --help and --version; a closed stdout is no error here.
            use std::io::Write as _;
            let _ = write!(std::io::stdout(), "{text}");
            return ExitCode::SUCCESS;
        }
        Err(ArgsError::Bad(line)) => Err(Failure::Input(line)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if let Some(line) = f.line() {
                eprintln!("backstep: {line}");
            }
            ExitCode::from(f.status())
        }
    }
}
