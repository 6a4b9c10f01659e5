//! Input features in a spec and in settings: the preset's spec keeps the points in the plane and
//! names the features, its first layer takes their number, the session's x is the features of
//! the points (and the test points), the PyTorch code carries them; bad names, repeats, none,
//! or points that are not in the plane are one line naming `features`.

mod common;

use backstep_lesson::export::codegen::pytorch_code;
use backstep_lesson::{DataChoice, Preset, Settings, Spec};
use backstep_nn::data::Shape2d;
use backstep_nn::features::Feature;
use common::spec_error;
use serde_json::json;

fn circle(features: &[&str]) -> Spec {
    let s = Settings {
        dataset: Some("circle".into()),
        features: Some(features.iter().map(|f| f.to_string()).collect()),
        ..Settings::default()
    };
    s.preset().unwrap().spec(1).unwrap()
}

#[test]
fn the_spec_keeps_the_points_and_the_session_takes_their_features() {
    let spec = circle(&["x1_sq", "x2_sq", "sin_x1"]);
    assert_eq!(
        spec.features.as_deref().unwrap(),
        ["x1_sq", "x2_sq", "sin_x1"]
    );
    assert_eq!(spec.x[0].len(), 2, "the points stay in the plane");
    let s = spec.session().unwrap();
    assert_eq!(s.x().ncols(), 3);
    assert_eq!(s.x_test().ncols(), 3);
    for (r, p) in spec.x.iter().enumerate() {
        assert_eq!(s.x()[(r, 0)].to_bits(), (p[0] * p[0]).to_bits());
        assert_eq!(s.x()[(r, 1)].to_bits(), (p[1] * p[1]).to_bits());
        assert_eq!(
            s.x()[(r, 2)].to_bits(),
            Feature::SinX1.of(p[0], p[1]).to_bits()
        );
    }
    for (r, p) in spec.x_test.iter().enumerate() {
        assert_eq!(
            s.x_test()[(r, 2)].to_bits(),
            Feature::SinX1.of(p[0], p[1]).to_bits()
        );
    }
    // The plain inputs write no `features`: the specs of before are unchanged.
    assert_eq!(circle(&["x1", "x2"]).features, None);
    assert_eq!(
        circle(&["x1", "x2"]),
        Preset::for_data(DataChoice::Plane(Shape2d::Circle))
            .spec(1)
            .unwrap()
    );
    // Settings completed from the preset name the features.
    let p = Preset {
        features: vec![Feature::X1X2],
        ..Preset::default()
    };
    assert_eq!(p.settings().features.unwrap(), ["x1_x2"]);
}

#[test]
fn the_pytorch_code_takes_the_features_as_its_input() {
    let spec = circle(&["x1_x2"]);
    let s = spec.session().unwrap();
    let code = pytorch_code(&s);
    // Full batch of the first 10: x is the product of each point's coordinates.
    let first = format!("{:?}", s.x()[(s.batcher().current()[0], 0)]);
    let x = &code[code.find("x = tensor(").unwrap()..code.find("t = tensor(").unwrap()];
    assert!(x.contains(&first), "{x} holds {first}");
}

#[test]
fn bad_features_are_one_line_naming_them() {
    let base = serde_json::to_value(circle(&["x1", "x2"])).unwrap();
    let with = |f: serde_json::Value, w_rows: usize| {
        let mut doc = base.clone();
        doc["features"] = f;
        doc["layers"][0]["W"] = json!(vec![vec![0.1; 8]; w_rows]);
        spec_error(&doc)
    };
    assert!(with(json!(["x1", "x3"]), 2).contains("features[1]: unknown feature `x3`"));
    assert!(with(json!(["x1", "x1"]), 2).contains("features[1]: `x1` twice"));
    assert!(with(json!([]), 2).contains("features: choose at least one"));
    assert!(with(json!(["x1", "x2", "sin_x1"]), 2).contains("W is 2×8 but its input has width 3"));
    let mut three = base.clone();
    three["x"] = json!(vec![vec![0.5, 0.5, 0.5]; 160]);
    three["x_test"] = json!(vec![vec![0.5, 0.5, 0.5]; 40]);
    three["features"] = json!(["x1"]);
    assert!(spec_error(&three).contains("features: need points of 2 inputs"));
    let s = Settings {
        dataset: Some("regression".into()),
        features: Some(vec!["x1_sq".into()]),
        ..Settings::default()
    };
    let e = s.preset().unwrap().spec(1).unwrap_err();
    assert_eq!(e.field, "features");
}
