//! A short fuzzing run inside `cargo test`, on stable Rust: the kept inputs of both fuzz
//! targets (`fuzz/seeds`, the minimised corpus `fuzz/kept`, the crashers `fuzz/regressions`) and a
//! few thousand deterministic mutations of valid specs and command lines, all through the same
//! functions cargo-fuzz drives (`backstep_cli::fuzz`). Each target panics if a rule breaks: a
//! panic inside, a streamed trace that differs from the whole one, an error that is not one
//! short line. See FUZZING.md for the long runs.

use backstep_cli::fuzz;
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// Every file kept for `target` in `dirs` of `fuzz/`, as (name, bytes).
fn kept(target: &str, dirs: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(fuzz_dir().join(dir).join(target)) else {
            continue;
        };
        for e in entries.flatten() {
            if e.path().is_file() {
                let name = format!("{dir}/{target}/{}", e.file_name().to_string_lossy());
                out.push((name, std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Runs `target` on `input`, naming the input if it panics.
fn check(target: fn(&[u8]), name: &str, input: &[u8]) {
    if let Err(e) = std::panic::catch_unwind(|| target(input)) {
        let why = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        panic!("{name}: {why}\ninput: {:?}", String::from_utf8_lossy(input));
    }
}

/// xorshift64*: the same mutations on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
}

/// Pieces that reach the parsers' corners: structure, odd numbers, control characters.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "-",
    "e",
    ".",
    "0",
    "1e39",
    "-0",
    "1e-45",
    "NaN",
    "null",
    "true",
    "\"layers\"",
    "\"affine\"",
    "\"relu\"",
    "\"tanh\"",
    "\"W\"",
    "\"b\"",
    "\"adam\"",
    "\"steps\"",
    "\"batch_size\"",
    "\"x_test\"",
    "\"seed\"",
    "10000",
    "256",
    "18446744073709551615",
    "\\u001b",
    "\u{1b}]0;x\u{7}",
    "\n",
    "\r\n",
    "\0",
    "\u{2028}",
    "ü",
    "--",
    "--lr",
    "--hidden",
    "--points",
    "--steps",
    "--help",
    "=",
    "0,0",
    "300",
    "-1",
    "inf",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if at < v.len() => v[at] ^= 1 << rng.below(8),
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.bytes());
            }
            2 => {
                let end = (at + 1 + rng.below(12)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + 1 + rng.below(24)).min(v.len());
                let piece = v[at.min(end)..end].to_vec();
                let to = rng.below(v.len() + 1);
                v.splice(to..to, piece);
            }
            4 => v.truncate(at),
            _ => {
                // A number's digits grown: sizes and counts past their limits.
                let digits = "9".repeat(1 + rng.below(8));
                let end = (at + 1).min(v.len());
                v.splice(at..end, digits.bytes());
            }
        }
    }
    v
}

/// `per` mutations of each seed (the hand-written valid inputs) of `target`.
fn mutations(target: fn(&[u8]), name: &str, per: usize, seed: u64) {
    let bases = kept(name, &["seeds"]);
    assert!(!bases.is_empty(), "no kept inputs for {name}");
    let mut rng = Rng(seed);
    for (file, base) in &bases {
        for k in 0..per {
            let m = mutate(&mut rng, base);
            check(target, &format!("{file}, mutation {k}"), &m);
        }
    }
}

#[test]
fn the_kept_inputs_still_pass() {
    for (name, target) in [("spec", fuzz::spec as fn(&[u8])), ("args", fuzz::args)] {
        assert!(
            !kept(name, &["kept"]).is_empty(),
            "fuzz/kept/{name} is empty"
        );
        for (file, input) in kept(name, &["seeds", "kept", "regressions"]) {
            check(target, &file, &input);
        }
    }
}

#[test]
fn mutated_specs_never_panic_and_fail_in_one_line() {
    mutations(fuzz::spec, "spec", 600, 0x5eed_0001);
}

#[test]
fn mutated_command_lines_never_panic_and_fail_in_one_line() {
    mutations(fuzz::args, "args", 400, 0x5eed_0002);
}

#[test]
fn the_targets_catch_what_they_should() {
    // A target that could not fail would prove nothing: these lines break the rule.
    for bad in ["two\nlines", "esc\u{1b}[2J", ""] {
        assert!(
            std::panic::catch_unwind(|| fuzz::check_line(bad)).is_err(),
            "{bad:?}"
        );
    }
    fuzz::check_line("layers[0] (affine): W is 3×1 but its input has width 2");
}
