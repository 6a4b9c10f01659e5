//! Trust (issue 17) in the CLI: 64 MiB specs built to take the most memory to parse are refused
//! under a 1 GB address-space cap (`prlimit --as`) with one line and exit 2, before parsing; a
//! UTF-8 byte-order mark is skipped (as the page skips it); `--hidden ''` is no hidden layer.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `backstep ARGS` under `prlimit --as=1 GiB`, or None where prlimit is missing.
fn capped(args: &[&str]) -> Option<Output> {
    let bin = env!("CARGO_BIN_EXE_backstep");
    let out = Command::new("prlimit")
        .arg("--as=1073741824")
        .arg(bin)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(out)
}

fn write(name: &str, text: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("backstep-trust-{}-{name}", std::process::id()));
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(text))
        .unwrap();
    path.to_str().unwrap().to_string()
}

/// One line on stderr, `backstep: …`, and exit status 2.
fn refused(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("backstep: "), "{err:?}");
    err
}

#[test]
fn a_64_mib_spec_is_refused_in_one_line_under_a_1_gb_cap() {
    let size = 64 << 20;
    // Each pattern repeated to just under 64 MiB inside {"x":[…]}: numbers, one-element rows,
    // nested rows, empty objects (the page's "millions of {} layers").
    for (name, unit) in [
        ("zeros", "0,"),
        ("rows", "[0],"),
        ("nested", "[[[0]]],"),
        ("objects", "{},"),
    ] {
        let n = (size - 64) / unit.len();
        let mut text = String::with_capacity(size);
        text.push_str("{\"x\":[");
        for _ in 0..n {
            text.push_str(unit);
        }
        text.push_str("0]}");
        let path = write(name, text.as_bytes());
        let Some(out) = capped(&["trace", &path]) else {
            eprintln!("prlimit is not installed: skipped");
            return;
        };
        let err = refused(&out);
        assert!(
            err.contains("more values than the limits allow"),
            "{name}: {err}"
        );
        let _ = std::fs::remove_file(path);
    }
    // Over 64 MiB: refused from its size, before it is read.
    let path = write("huge", &vec![b' '; size + 1]);
    let err = refused(&capped(&["trace", &path]).unwrap());
    assert!(err.contains("larger than 64 MiB"), "{err}");
    let _ = std::fs::remove_file(path);
}

#[test]
fn a_byte_order_mark_is_skipped_and_an_empty_hidden_is_no_hidden_layer() {
    let spec = Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(["spec", "--hidden", ""])
        .output()
        .unwrap();
    assert_eq!(
        spec.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&spec.stderr)
    );
    let json = String::from_utf8(spec.stdout).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        doc["layers"].as_array().unwrap().len(),
        1,
        "one affine layer: {json}"
    );
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(json.trim().as_bytes());
    let path = write("bom", &bom);
    let out = Command::new(env!("CARGO_BIN_EXE_backstep"))
        .args(["trace", &path])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_file(path);
}
