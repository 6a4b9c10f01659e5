//! Every way a spec can be wrong gives one line naming the field; none panics.

mod common;

use backstep_lesson::Spec;
use serde_json::{Value, json};

fn article() -> Value {
    serde_json::from_str(
        &backstep_lesson::Preset::article()
            .spec(1)
            .unwrap()
            .to_json(),
    )
    .unwrap()
}

/// The error for `doc`, as `field: message`.
fn error(doc: &Value) -> String {
    common::spec_error(doc)
}

fn with(path: &[&str], v: Value) -> Value {
    let mut doc = article();
    let mut at = &mut doc;
    for p in &path[..path.len() - 1] {
        at = match p.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*p],
        };
    }
    let last = path[path.len() - 1];
    match last.parse::<usize>() {
        Ok(i) => at[i] = v,
        Err(_) => at[last] = v,
    }
    doc
}

#[test]
fn the_article_spec_is_valid() {
    Spec::parse(&article().to_string())
        .unwrap()
        .session()
        .unwrap();
}

#[test]
fn shape_mismatch_names_the_layer() {
    let doc = with(&["layers", "2", "W"], json!([[1.0], [2.0], [3.0]]));
    assert_eq!(
        error(&doc),
        "layers[2] (affine): W is 3×1 but its input has width 4"
    );
    let doc = with(&["layers", "0", "b"], json!([0, 0, 0]));
    assert_eq!(
        error(&doc),
        "layers[0] (affine): b has 3 values but W has 4 columns"
    );
    let doc = with(&["t"], json!([[0, 1], [1, 0], [1, 1], [0, 0]]));
    assert_eq!(
        error(&doc),
        "layers: the network's output has width 1 but t has width 2"
    );
    let doc = with(&["t"], json!([[0], [1]]));
    assert_eq!(error(&doc), "t: has 2 rows but x has 4");
}

#[test]
fn unknown_layer_optimizer_loss_or_field() {
    let e = error(&with(&["layers", "1"], json!({"type": "conv"})));
    assert!(
        e.starts_with("layers[1].type: unknown type `conv`, expected one of"),
        "{e}"
    );
    let e = error(&with(&["optimizer"], json!({"type": "rmsprop", "lr": 0.1})));
    assert!(
        e.starts_with("optimizer.type: unknown type `rmsprop`"),
        "{e}"
    );
    assert_eq!(
        error(&with(&["loss"], json!("cross_entropy"))),
        "loss: unknown loss `cross_entropy`, expected one of `mse`, `softmax_cross_entropy`"
    );
    let e = error(&with(&["layers", "1"], json!({"type": "relu", "W": [[1]]})));
    assert!(e.starts_with("layers[1]: unknown field `W`"), "{e}");
    let e = error(&with(&["learning_rate"], json!(0.1)));
    assert!(
        e.starts_with("unknown field `learning_rate`, expected one of `x`"),
        "{e}"
    );
    let e = error(&with(&["optimizer"], json!({"type": "sgd"})));
    assert!(e.starts_with("optimizer: missing field `lr`"), "{e}");
}

#[test]
fn empty_ragged_or_mistyped_data() {
    assert_eq!(
        error(&with(&["x"], json!([]))),
        "x: is empty; at least one row is needed"
    );
    assert_eq!(
        error(&with(&["x", "2"], json!([1]))),
        "x[2]: has 1 values but x[0] has 2"
    );
    assert_eq!(
        error(&with(&["x", "0"], json!([]))),
        "x[0]: has 0 values; 1 to 256 are allowed"
    );
    let e = error(&with(&["x"], json!("abc")));
    assert!(e == "x: expected an array, got a string", "{e}");
    let e = error(&with(&["x", "1", "0"], json!(true)));
    assert_eq!(e, "x[1][0]: expected a number, got a boolean");
    assert_eq!(
        error(&with(&["x", "1", "0"], json!(1e39))),
        "x[1][0]: is outside the range of a 32-bit float"
    );
    assert_eq!(
        error(&with(&["layers"], json!([]))),
        "layers: has 0 entries; 1 to 32 are allowed"
    );
    let e = Spec::parse("{\"x\": [[0, 0]").unwrap_err().to_string();
    assert!(e.contains("EOF while parsing"), "{e}");
    assert!(Spec::parse("").is_err());
}

#[test]
fn bad_numbers_and_steps() {
    assert_eq!(
        error(&with(&["steps"], json!(0))),
        "steps: must be from 1 to 10000, got 0"
    );
    let e = error(&with(&["steps"], json!(-3)));
    assert_eq!(e, "steps: expected a whole number ≥ 0");
    assert_eq!(
        error(&with(&["steps"], json!(10_001))),
        "steps: must be from 1 to 10000, got 10001"
    );
    assert_eq!(
        error(&with(&["optimizer", "lr"], json!(-0.1))),
        "optimizer.lr: must be a positive number"
    );
    assert_eq!(
        error(&with(&["optimizer", "lr"], json!(0))),
        "optimizer.lr: must be a positive number"
    );
    let adam = json!({"type": "adam", "lr": 0.1, "beta2": 1.0});
    assert_eq!(
        error(&with(&["optimizer"], adam)),
        "optimizer.beta2: must be in [0, 1)"
    );
    let mom = json!({"type": "momentum", "lr": 0.1, "momentum": -0.5});
    assert_eq!(
        error(&with(&["optimizer"], mom)),
        "optimizer.momentum: must be in [0, 1)"
    );
    assert_eq!(
        error(&with(&["batch_size"], json!(0))),
        "batch_size: must be at least 1"
    );
}

#[test]
fn sizes_over_the_limits() {
    let rows: Vec<Value> = (0..10_001).map(|_| json!([0, 0])).collect();
    assert_eq!(
        error(&with(&["x"], json!(rows))),
        "x: has 10001 rows; at most 10000 are allowed"
    );
    let wide: Vec<f32> = vec![0.0; 257];
    assert_eq!(
        error(&with(&["layers", "0", "W", "0"], json!(wide))),
        "layers[0].W[0]: has 257 values; at most 256 are allowed"
    );
    let many: Vec<Value> = (0..33).map(|_| json!({"type": "relu"})).collect();
    assert_eq!(
        error(&with(&["layers"], json!(many))),
        "layers: has 33 entries; at most 32 are allowed"
    );
}
