//! Which Python runs the page's generated PyTorch code in the tests: PyTorch itself when
//! `import torch` works; otherwise, when numpy is there, the float32 numpy stand-in for the few
//! torch calls that code makes (`tests/torch-standin`, tests only, never shipped); otherwise
//! those tests are skipped by name. The tests read the choice from the environment ([`Probe::env`]).

use std::process::{Command, Stdio};

/// The folder holding the stand-in `torch.py`, from the workspace root.
const STANDIN: &str = "tests/torch-standin";

/// Every test that runs generated Python has a name starting with this (Rust) or says it in
/// its title (the browser's), so it can be left out by name.
pub const TEST_PREFIX: &str = "python_";

/// What runs the generated code.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// PyTorch.
    Torch,
    /// The numpy stand-in.
    Standin,
    /// Neither: the Python tests are skipped.
    Missing,
}

/// The probe's result, and why tests are skipped when they are.
pub struct Probe {
    /// What runs the code.
    pub kind: Kind,
    /// Why the Python tests are skipped, when they are.
    pub missing: Option<String>,
}

/// Finds out what python3 can import.
pub fn probe() -> Probe {
    let imports = |module: &str| {
        Command::new("python3")
            .args(["-c", &format!("import {module}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let (kind, missing) = if imports("torch") {
        (Kind::Torch, None)
    } else if imports("numpy") {
        (Kind::Standin, None)
    } else {
        let why = "the generated PyTorch code was not run (skipped): python3 has neither torch \
                   nor numpy (`python3 -m pip install numpy`, about 70 MB installed)";
        (Kind::Missing, Some(why.to_string()))
    };
    let said = match kind {
        Kind::Torch => "PyTorch",
        Kind::Standin => {
            "the numpy stand-in for PyTorch (tests/torch-standin; PyTorch is not installed)"
        }
        Kind::Missing => "nothing: neither torch nor numpy imports",
    };
    eprintln!("xtask: the generated PyTorch code runs with {said}");
    Probe { kind, missing }
}

impl Probe {
    /// Tells a test command what to use: `BACKSTEP_PYTHON` is `torch`, `standin` or `none`;
    /// with the stand-in, `BACKSTEP_TORCH_STANDIN` names its folder (to put on PYTHONPATH).
    pub fn env(&self, cmd: &mut Command) {
        let name = match self.kind {
            Kind::Torch => "torch",
            Kind::Standin => "standin",
            Kind::Missing => "none",
        };
        cmd.env("BACKSTEP_PYTHON", name);
        if self.kind == Kind::Standin {
            cmd.env("BACKSTEP_TORCH_STANDIN", crate::root().join(STANDIN));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_python_tests_carry_the_prefix_skipped_by_name() {
        let root = crate::root();
        let rust = std::fs::read_to_string(root.join("crates/lesson/tests/codegen.rs")).unwrap();
        // Each test, by its name and body: one that runs Python (through `check` or
        // `run_python`) carries the prefix, one that only reads the script does not.
        let tests: Vec<(&str, &str)> = rust
            .split("\n#[test]\nfn ")
            .skip(1)
            .map(|t| t.split_once('(').unwrap_or((t, "")))
            .collect();
        assert!(tests.len() >= 6, "codegen.rs's tests: {}", tests.len());
        for (name, body) in &tests {
            let body = body.split("\n}\n").next().unwrap_or(body);
            let runs = body.contains("check(") || body.contains("run_python(");
            assert_eq!(
                runs,
                name.starts_with(super::TEST_PREFIX),
                "codegen.rs: `{name}` {} Python but is {}named `{}…`",
                if runs { "runs" } else { "does not run" },
                if runs { "not " } else { "" },
                super::TEST_PREFIX
            );
        }
        assert!(root.join(super::STANDIN).join("torch.py").exists());
    }
}
