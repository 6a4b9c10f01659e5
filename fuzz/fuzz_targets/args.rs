//! Fuzz target: the `backstep` argument parser, through `backstep_cli::fuzz::args` (arguments
//! split at NUL bytes; a command line that parses has its model options built and checked).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backstep_cli::fuzz::args(data));
