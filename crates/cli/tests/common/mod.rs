//! Running the `backstep` binary in the CLI's tests: arguments, optional standard input, and
//! the whole output.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `backstep` with `args`, writing `stdin` if given (the command may refuse the input
/// before reading all of it, which is not an error here).
pub fn backstep(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        let _ = pipe.write_all(text.as_bytes());
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}
