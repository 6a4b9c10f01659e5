//! The `backstep` binary: hands the command line to the library (`backstep_cli::main_with`),
//! where parsing, running and exit statuses live so that tests and fuzzing reach them too.

fn main() -> std::process::ExitCode {
    backstep_cli::main_with(std::env::args_os())
}
