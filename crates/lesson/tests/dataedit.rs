//! Data edits (a point added or removed, a target, a gate, CSV rows) give a spec with the same
//! layers and the new data, within the page's limits; and a weight edited mid-run gives the same
//! next step as a fresh run from a spec holding that weight.
//! A point of one of k classes gets its one-hot row.

use backstep_lesson::dataedit::{add_point, from_csv, gate, remove_point, set_target};
use backstep_lesson::limits::PAGE_SAMPLES;
use backstep_lesson::spec::rows;
use backstep_lesson::{Preset, Spec, Timeline};

fn article() -> Spec {
    Preset::article().spec(1).unwrap()
}

fn t_column(s: &Spec) -> Vec<f32> {
    s.t.iter().map(|r| r[0]).collect()
}

#[test]
fn points_are_added_and_removed_with_the_same_layers() {
    let spec = article();
    let added = add_point(&spec, 0.5, -1.25, 1.0).unwrap();
    assert_eq!(added.x.len(), 5);
    assert_eq!(added.x[4], vec![0.5, -1.25]);
    assert_eq!(added.t[4], vec![1.0]);
    assert_eq!(
        added.layers, spec.layers,
        "the run restarts from the same weights"
    );
    assert_eq!(added.optimizer, spec.optimizer);
    let removed = remove_point(&added, 1).unwrap();
    assert_eq!(
        removed.x,
        vec![vec![0., 0.], vec![1., 0.], vec![1., 1.], vec![0.5, -1.25]]
    );
    assert_eq!(t_column(&removed), vec![0., 1., 0., 1.]);
    // The edited spec is a valid run.
    removed.session().unwrap();
}

#[test]
fn data_edits_are_checked() {
    let spec = article();
    let err = |r: Result<Spec, backstep_nn::SpecError>| r.unwrap_err().to_string();
    assert_eq!(
        err(remove_point(&spec, 4)),
        "removePoint.i: is out of range (the training set has 4 samples)"
    );
    assert_eq!(
        err(add_point(&spec, f32::NAN, 0., 1.)),
        "addPoint.x1: must be a finite number"
    );
    let mut one = spec.clone();
    one.x.truncate(1);
    one.t.truncate(1);
    assert_eq!(
        err(remove_point(&one, 0)),
        "x: the training set needs at least one sample"
    );
    let mut full = spec.clone();
    full.x = vec![vec![0., 0.]; PAGE_SAMPLES];
    full.t = vec![vec![0.]; PAGE_SAMPLES];
    assert_eq!(
        err(add_point(&full, 1., 1., 1.)),
        format!(
            "x: has {} rows; at most {PAGE_SAMPLES} are allowed",
            PAGE_SAMPLES + 1
        )
    );
    let regression = Preset::for_data(backstep_lesson::DataChoice::parse("regression").unwrap())
        .spec(1)
        .unwrap();
    assert_eq!(
        err(add_point(&regression, 0., 0., 1.)),
        "x: needs 2 inputs and 1 output; this run has 3 and 1"
    );
    assert_eq!(
        err(gate(&spec, "nor")),
        "gate: unknown value `nor`; one of xor, and, or, nand"
    );
}

#[test]
fn a_truth_table_becomes_and_or_nand() {
    let spec = article();
    assert_eq!(t_column(&gate(&spec, "and").unwrap()), vec![0., 0., 0., 1.]);
    assert_eq!(t_column(&gate(&spec, "or").unwrap()), vec![0., 1., 1., 1.]);
    assert_eq!(
        t_column(&gate(&spec, "nand").unwrap()),
        vec![1., 1., 1., 0.]
    );
    assert_eq!(gate(&spec, "xor").unwrap(), spec);
    assert_eq!(
        t_column(&set_target(&spec, 3, 1.0).unwrap()),
        vec![0., 1., 1., 1.]
    );
    let moved = add_point(&spec, 0.5, 0.5, 1.).unwrap();
    assert!(gate(&moved, "and").is_err(), "0.5 is not a truth value");
}

#[test]
fn csv_rows_replace_the_training_set() {
    let spec = article();
    let csv = "x1,x2,label\n0,0,0\n\n0,1;1\n 1 , 0 , 1\n1,1,1\n";
    // Semicolons are separators too: line 4 is `0,1;1`.
    let s = from_csv(&spec, csv).unwrap();
    assert_eq!(s.x.len(), 4);
    assert_eq!(t_column(&s), vec![0., 1., 1., 1.]);
    assert_eq!(s.layers, spec.layers);
    assert!(s.x_test.is_empty());
    let bad = from_csv(&spec, "0,0,0\n1,x,1\n").unwrap_err().to_string();
    assert_eq!(bad, "csv: line 2: expected 3 numbers (x1, x2, label)");
    let short = from_csv(&spec, "0,0\n").unwrap_err().to_string();
    assert_eq!(short, "csv: line 1: expected 3 numbers (x1, x2, label)");
    assert!(from_csv(&spec, "a,b,c\n").is_err());
    assert!(from_csv(&spec, "0,0,inf\n").is_err());
    let many: String = (0..=PAGE_SAMPLES).map(|i| format!("{i},0,1\n")).collect();
    assert!(from_csv(&spec, &many).is_err());
}

#[test]
fn an_edited_weight_steps_as_a_spec_holding_it() {
    let spec = article();
    let mut run = Timeline::new(spec.session().unwrap()).unwrap();
    run.run(3).unwrap();
    run.set_weight(0, 1, 2, 0.25).unwrap();
    // The spec of the state after the edit: the current parameters (SGD keeps no state).
    let mut fresh = spec.clone();
    for (l, layer) in run.session().network().layers().iter().enumerate() {
        if let (Some(a), backstep_lesson::spec::LayerSpec::Affine { w, b }) =
            (layer.as_affine(), &mut fresh.layers[l])
        {
            *w = rows(a.w());
            *b = a.b().iter().copied().collect();
        }
    }
    if let backstep_lesson::spec::LayerSpec::Affine { w, .. } = &fresh.layers[0] {
        assert_eq!(w[1][2], 0.25);
    }
    let mut other = Timeline::new(fresh.session().unwrap()).unwrap();
    let loss = run.step().unwrap();
    assert_eq!(loss.to_bits(), other.step().unwrap().to_bits());
    let params = |t: &Timeline| -> Vec<Vec<Vec<f32>>> {
        let net = t.session().network();
        net.layers()
            .iter()
            .filter_map(|l| l.as_affine().map(|a| rows(a.w())))
            .collect()
    };
    assert_eq!(params(&run), params(&other));
}

/// A point of class c added to a run of k classes gets the one-hot row of c, and the run on it
/// builds; a class past k − 1 is refused.
#[test]
fn a_point_of_one_of_k_classes() {
    let s = backstep_lesson::Settings {
        dataset: Some("spiral".into()),
        classes: Some(3),
        ..backstep_lesson::Settings::default()
    };
    let spec = s.preset().unwrap().spec(1).unwrap();
    let out = add_point(&spec, 1.5, -2.0, 2.0).unwrap();
    assert_eq!(out.t.last().unwrap(), &vec![0.0, 0.0, 1.0]);
    assert_eq!(out.x.last().unwrap(), &vec![1.5, -2.0]);
    out.session().unwrap();
    let e = add_point(&spec, 0.0, 0.0, 3.0).unwrap_err();
    assert_eq!(e.field, "addPoint.label");
    assert!(add_point(&spec, 0.0, 0.0, 0.5).is_err());
}
