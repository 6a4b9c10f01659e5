//! The neuron inspector against the trace's record of the same step: stored values bit for bit,
//! recomputed sums within 1e-6 of their scale; and what is absent part-way through a step.

use backstep_lesson::export::trace::{StepRecord, record};
use backstep_lesson::glass::inspect::{has_run, inspect};
use backstep_lesson::{DataChoice, MicroStep, Preset, Session};
use backstep_nn::data::Shape2d;
use backstep_nn::{Act, Init, OptimizerKind};

fn session(p: &Preset) -> Session<f32> {
    p.spec(1).unwrap().session().unwrap()
}

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// Every neuron of every affine layer for a few samples, after `steps` steps, against the
/// record of the last step and the parameters recorded one step before.
fn check_against_record(name: &str, p: &Preset, steps: u64) {
    let mut s = session(p);
    let mut before: Option<StepRecord> = None;
    for _ in 1..steps {
        s.step().unwrap();
    }
    if steps > 1 {
        before = Some(record(&s));
    }
    let initial = s.clone();
    s.step().unwrap();
    let r = record(&s);
    let layers = s.network().layers();
    let batch_len = r.outputs[0].len();
    for (i, l) in layers.iter().enumerate() {
        let Some(aff) = l.as_affine() else { continue };
        for unit in 0..aff.fan_out() {
            for sample in [0, batch_len / 2, batch_len - 1] {
                let nr = inspect(&s, i, unit, sample).unwrap();
                let at = format!("{name}: layer {i} unit {unit} sample {sample}");
                // Stored values, bit for bit.
                assert_eq!(
                    nr.z.to_bits(),
                    r.outputs[i][sample][unit].to_bits(),
                    "{at}: z"
                );
                let a = nr.a.unwrap();
                let out = if nr.act.is_some() { i + 1 } else { i };
                assert_eq!(
                    a.to_bits(),
                    r.outputs[out][sample][unit].to_bits(),
                    "{at}: a"
                );
                let xs: Vec<f32> = nr.terms.iter().map(|t| t.x).collect();
                let input = if i == 0 {
                    s.x().row(nr.row).iter().copied().collect()
                } else {
                    r.outputs[i - 1][sample].clone()
                };
                assert_eq!(bits(&xs), bits(&input), "{at}: x");
                let ws: Vec<f32> = nr.terms.iter().map(|t| t.w).collect();
                let (w_used, b_used): (Vec<f32>, f32) = match &before {
                    Some(b) => {
                        let pw = b.params[i].w.as_ref().unwrap();
                        (
                            pw.iter().map(|row| row[unit]).collect(),
                            b.params[i].b.as_ref().unwrap()[unit],
                        )
                    }
                    None => {
                        let a0 = initial.network().layers()[i].as_affine().unwrap();
                        (
                            a0.w().column(unit).iter().copied().collect(),
                            a0.b()[(0, unit)],
                        )
                    }
                };
                assert_eq!(bits(&ws), bits(&w_used), "{at}: w");
                assert_eq!(nr.b.to_bits(), b_used.to_bits(), "{at}: b");
                let dz = nr.dz.unwrap();
                let dz_rec = match r.grads.get(i + 1) {
                    Some(g) => g.dx[sample][unit],
                    // The last layer's dz is dL/dy = y − t, not in the record: the same
                    // subtraction gives the same bits.
                    None => r.outputs[i][sample][unit] - s.t()[(nr.row, unit)],
                };
                assert_eq!(dz.to_bits(), dz_rec.to_bits(), "{at}: dz");
                if let Some(g) = r.grads.get(out + 1) {
                    assert_eq!(
                        nr.da.unwrap().to_bits(),
                        g.dx[sample][unit].to_bits(),
                        "{at}: da"
                    );
                }
                let dw_rec: Vec<f32> = r.grads[i]
                    .dw
                    .as_ref()
                    .unwrap()
                    .iter()
                    .map(|row| row[unit])
                    .collect();
                assert_eq!(
                    bits(nr.batch_dw.as_ref().unwrap()),
                    bits(&dw_rec),
                    "{at}: batch dW"
                );
                let db_rec = r.grads[i].db.as_ref().unwrap()[unit];
                assert_eq!(
                    nr.batch_db.unwrap().to_bits(),
                    db_rec.to_bits(),
                    "{at}: batch db"
                );
                let up = nr.updated.as_ref().unwrap();
                let w_rec: Vec<f32> = r.params[i]
                    .w
                    .as_ref()
                    .unwrap()
                    .iter()
                    .map(|row| row[unit])
                    .collect();
                assert_eq!(bits(&up.w), bits(&w_rec), "{at}: W after");
                assert_eq!(
                    up.b.to_bits(),
                    r.params[i].b.as_ref().unwrap()[unit].to_bits()
                );
                // Recomputed: the weighted sum, within 1e-6 of its scale.
                let sum: f64 = nr
                    .terms
                    .iter()
                    .map(|t| f64::from(t.w) * f64::from(t.x))
                    .sum::<f64>()
                    + f64::from(nr.b);
                let scale = nr
                    .terms
                    .iter()
                    .map(|t| f64::from((t.w * t.x).abs()))
                    .sum::<f64>()
                    .max(1.0);
                assert!(
                    (sum - f64::from(nr.z)).abs() <= 1e-6 * scale,
                    "{at}: Σ w·x + b = {sum} vs z {}",
                    nr.z
                );
                assert_eq!(nr.db, nr.dz);
            }
            // Recomputed: the batch dW column is the sum of every sample's x·dz.
            let shares: Vec<Vec<f32>> = (0..batch_len)
                .map(|k| inspect(&s, i, unit, k).unwrap().dw.unwrap())
                .collect();
            let nr = inspect(&s, i, unit, 0).unwrap();
            let stored = nr.batch_dw.unwrap();
            let scale = shares
                .iter()
                .flatten()
                .map(|v| f64::from(v.abs()))
                .sum::<f64>()
                .max(1.0);
            for (j, &st) in stored.iter().enumerate() {
                let sum: f64 = shares.iter().map(|sh| f64::from(sh[j])).sum();
                assert!(
                    (sum - f64::from(st)).abs() <= 1e-6 * scale,
                    "{name}: Σ x·dz {sum} vs dW {st}"
                );
            }
        }
    }
}

#[test]
fn agrees_with_the_record_on_several_runs() {
    check_against_record("article step 1", &Preset::article(), 1);
    check_against_record("article step 7", &Preset::article(), 7);
    let plane = Preset {
        data: DataChoice::Plane(Shape2d::Circle),
        hidden: vec![8, 8],
        activation: Act::Tanh,
        output: Some(Act::Sigmoid),
        optimizer: OptimizerKind::Momentum {
            lr: 0.05,
            momentum: 0.9,
        },
        init: Init::Glorot,
        batch_size: 10,
        points: 250,
        ..Preset::article()
    };
    check_against_record("circle mini-batch step 5", &plane, 5);
}

#[test]
fn part_way_through_a_step_only_what_has_run_is_present() {
    let mut s = session(&Preset::article());
    assert!(inspect(&s, 0, 0, 0).is_err(), "nothing has run at step 0");
    assert_eq!(s.substep().unwrap(), MicroStep::Forward(0));
    let n = inspect(&s, 0, 1, 2).unwrap();
    assert_eq!((n.step, n.row, n.act), (1, 2, Some("relu")));
    assert_eq!(
        (n.a, n.dz, n.batch_dw.as_ref(), n.updated.as_ref()),
        (None, None, None, None)
    );
    let e = inspect(&s, 2, 0, 0).unwrap_err().to_string();
    assert!(e.starts_with("layer"), "{e}");
    s.substep().unwrap(); // relu
    assert_eq!(
        inspect(&s, 0, 1, 2).unwrap().a,
        Some(s.network().layers()[1].y()[(2, 1)])
    );
    s.substep().unwrap(); // the output layer
    s.substep().unwrap(); // the loss
    let out = inspect(&s, 2, 0, 1).unwrap();
    assert!(out.dz.is_some() && out.da == out.dz && out.batch_dw.is_none());
    assert!(
        inspect(&s, 0, 1, 2).unwrap().da.is_none(),
        "dL/da of layer 0 needs layer 2's backward"
    );
    assert_eq!(s.substep().unwrap(), MicroStep::Backward(2));
    let hidden = inspect(&s, 0, 1, 2).unwrap();
    assert!(hidden.da.is_some() && hidden.dz.is_none());
    assert!(inspect(&s, 2, 0, 1).unwrap().batch_dw.is_some());
    s.substep().unwrap(); // relu backward
    let hidden = inspect(&s, 0, 1, 2).unwrap();
    assert!(hidden.dz.is_some() && hidden.batch_dw.is_none());
    // Unit 0 is dead: its dz is 0 for every sample.
    assert_eq!(inspect(&s, 0, 0, 3).unwrap().dz, Some(0.0));
    s.substep().unwrap(); // the first layer backward
    assert!(inspect(&s, 0, 1, 2).unwrap().batch_dw.is_some());
    assert!(inspect(&s, 0, 1, 2).unwrap().updated.is_none());
}

#[test]
fn has_run_says_what_the_step_under_way_has_computed() {
    let mut s = session(&Preset::article());
    let order = [
        MicroStep::Forward(0),
        MicroStep::Forward(1),
        MicroStep::Forward(2),
        MicroStep::Loss,
        MicroStep::Backward(2),
        MicroStep::Backward(1),
        MicroStep::Backward(0),
        MicroStep::Update,
    ];
    assert!(
        order.iter().all(|&ms| !has_run(&s, ms)),
        "nothing at step 0"
    );
    for (k, &ms) in order.iter().enumerate() {
        assert_eq!(s.substep().unwrap(), ms);
        for (j, &other) in order.iter().enumerate() {
            assert_eq!(has_run(&s, other), j <= k, "after {ms:?}: {other:?}");
        }
    }
}

#[test]
fn bad_arguments_name_the_argument() {
    let mut s = session(&Preset::article());
    s.step().unwrap();
    for (layer, unit, sample, field) in [
        (1, 0, 0, "layer"),
        (9, 0, 0, "layer"),
        (0, 4, 0, "unit"),
        (0, 0, 4, "sample"),
    ] {
        let e = inspect(&s, layer, unit, sample).unwrap_err().to_string();
        assert!(e.starts_with(field), "{e}");
    }
    let json = serde_json::to_value(inspect(&s, 0, 1, 1).unwrap()).unwrap();
    for key in [
        "z", "a", "terms", "dz", "da", "dw", "db", "batchDw", "batchDb", "updated",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
}
