//! Fuzz target: the spec and trace reader (`backstep trace -`), through
//! `backstep_cli::fuzz::spec`: parse, validate, size check, a few streamed steps.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| backstep_cli::fuzz::spec(data));
