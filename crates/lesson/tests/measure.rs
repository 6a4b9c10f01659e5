//! Whole-set measures: the 2-class test and its threshold, accuracy and mean loss by hand, the
//! curves a timeline keeps (the article's first value, exact after back and seek, events, reset,
//! resume), and which step's batch loss the session's loss is.

mod support;

use backstep_lesson::measure::curves::Curves;
use backstep_lesson::measure::{
    ACCURACY, Measures, TEST_ACCURACY, TEST_LOSS, TRAIN_LOSS, accuracy, argmax_accuracy, classes,
    loss_step, mean_loss, threshold,
};
use backstep_lesson::{DataChoice, Preset, Timeline};
use backstep_nn::Inference;
use backstep_nn::data::Shape2d;
use backstep_nn::loss::LossKind;
use nalgebra::DMatrix;
use support::{bits, presets};

/// The four measures as bits (NaN = none compares equal to itself).
fn mbits(m: Option<Measures>) -> [u32; 4] {
    let m = m.unwrap();
    [m.train_loss, m.test_loss, m.accuracy, m.test_accuracy].map(f32::to_bits)
}

fn col(v: &[f32]) -> DMatrix<f32> {
    DMatrix::from_column_slice(v.len(), 1, v)
}

#[test]
fn two_classes_and_their_midpoint() {
    assert_eq!(classes(&col(&[0.0, 1.0, 1.0, 0.0])), Some((0.0, 1.0)));
    assert_eq!(threshold(&col(&[1.0, 0.0, 1.0, 0.0])), Some(0.5));
    assert_eq!(threshold(&col(&[-1.0, 3.0, 3.0, -1.0])), Some(1.0));
    // Not 2-class: one value, a value seen once (the article's 2-sample regression), three
    // values, two columns, a NaN, no rows.
    assert_eq!(classes(&col(&[1.0, 1.0])), None);
    assert_eq!(classes(&col(&[0.3, -1.2])), None);
    // AND, OR, NAND: one class has a single point.
    assert_eq!(classes(&col(&[1.0, 0.0, 1.0])), Some((0.0, 1.0)));
    assert_eq!(classes(&col(&[0.0, 0.0, 0.0, 1.0])), Some((0.0, 1.0)));
    assert_eq!(classes(&col(&[0.0, 0.5, 1.0])), None);
    assert_eq!(classes(&DMatrix::from_element(2, 2, 0.0)), None);
    assert_eq!(classes(&col(&[0.0, f32::NAN])), None);
    assert_eq!(classes(&DMatrix::zeros(0, 1)), None);
}

#[test]
fn accuracy_counts_points_on_the_right_side() {
    let t = col(&[0.0, 1.0, 1.0, 0.0]);
    // Right, right, right (0.5 on the threshold counts as 1), wrong.
    let y = col(&[0.2, 0.9, 0.5, 0.7]);
    assert_eq!(accuracy(&y, &t, 0.5), Some(0.75));
    assert_eq!(accuracy(&col(&[0.2, 0.9, 0.49, 0.7]), &t, 0.5), Some(0.5));
    assert_eq!(accuracy(&col(&[0.0, 1.0, 1.0, 0.0]), &t, 0.5), Some(1.0));
    assert_eq!(
        accuracy(&DMatrix::zeros(0, 1), &DMatrix::zeros(0, 1), 0.5),
        None
    );
    // (1/n)·Σ ½(y − t)²: (0.04 + 0.01 + 0.25 + 0.49) / 2 / 4.
    let m = mean_loss(LossKind::Mse, &y, &t).unwrap();
    assert!((m - 0.79 / 8.0).abs() < 1e-7, "{m}");
}

#[test]
fn the_articles_first_point_is_its_batch_loss_per_sample() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    let first = t.curves().series(TRAIN_LOSS, 0)[0];
    t.step().unwrap();
    // Full batch of 4: the mean over the set before step 1 is step 1's batch loss over 4.
    assert_eq!(format!("{:.4}", first * 4.0), "2.0640");
    assert!((first * 4.0 - t.history()[0]).abs() < 1e-6);
    // XOR has no test set; it is a 2-class task.
    let m = t.curves().at(1).unwrap();
    assert!(m.test_loss.is_nan() && m.test_accuracy.is_nan());
    assert!((0.0..=1.0).contains(&m.accuracy));
    assert_eq!(t.curves().series(ACCURACY, 1).len(), 2);
}

#[test]
fn curves_after_seek_equal_a_fresh_runs() {
    for (name, p) in presets() {
        let spec = p.spec(1).unwrap();
        let mut t = Timeline::new(spec.session().unwrap()).unwrap();
        t.run(40).unwrap();
        for k in [0, 9, 31, 17, 40] {
            t.seek(k).unwrap();
            let mut fresh = Timeline::new(spec.session().unwrap()).unwrap();
            fresh.run(k).unwrap();
            for w in [TRAIN_LOSS, TEST_LOSS, ACCURACY, TEST_ACCURACY] {
                let (a, b) = (t.curves().series(w, k), fresh.curves().series(w, k));
                assert_eq!(a.len() as u64, k + 1, "{name} seek({k}) series {w}");
                assert_eq!(bits(a), bits(b), "{name} seek({k}) series {w}");
            }
        }
        // In the middle of a step, the curves end at the last completed step.
        t.substep().unwrap();
        assert_eq!(t.curves().series(TRAIN_LOSS, t.steps()).len(), 41);
        t.back(1).unwrap();
        assert_eq!(t.steps(), 40);
    }
}

#[test]
fn a_plane_set_has_a_test_curve_and_accuracy() {
    let p = Preset::for_data(DataChoice::Plane(Shape2d::Circle));
    let spec = p.spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(20).unwrap();
    let m = t.curves().at(20).unwrap();
    assert!(m.test_loss.is_finite() && m.test_loss > 0.0);
    for a in [m.accuracy, m.test_accuracy] {
        assert!((0.0..=1.0).contains(&a), "{a}");
    }
    // Recomputed by hand from the session's own sets.
    let s = t.session();
    let mut c = Curves::new();
    assert_eq!(c.measure(s), m);
}

#[test]
fn regression_has_no_accuracy() {
    let spec = Preset::for_data(DataChoice::Regression).spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(3).unwrap();
    let m = t.curves().at(3).unwrap();
    assert!(m.accuracy.is_nan() && m.train_loss.is_finite());
}

#[test]
fn an_edit_and_a_reset_remeasure() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    let before = mbits(t.curves().at(0));
    t.set_weight(0, 0, 0, 3.0).unwrap();
    let edited = mbits(t.curves().at(0));
    assert_ne!(before, edited);
    t.run(5).unwrap();
    t.seek(0).unwrap();
    assert_eq!(
        mbits(t.curves().at(0)),
        edited,
        "seek(0) replays the step-0 edit"
    );
    t.reset();
    assert_eq!(mbits(t.curves().at(0)), before);
    assert_eq!(t.curves().series(TRAIN_LOSS, 5).len(), 1);
}

#[test]
fn a_resumed_run_measures_its_step_and_replays_the_rest() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(12).unwrap();
    let saved = t.checkpoint();
    let mut r = Timeline::resume(spec.session().unwrap(), &saved).unwrap();
    let (a, b) = (
        t.curves().series(TRAIN_LOSS, 12),
        r.curves().series(TRAIN_LOSS, 12),
    );
    assert_eq!(a[12].to_bits(), b[12].to_bits());
    // Step 0 is the spec's own weights; the steps between are unknown until replayed.
    assert_eq!(a[0].to_bits(), b[0].to_bits());
    assert!(
        b[1..12].iter().all(|v| v.is_nan()),
        "unknown until replayed"
    );
    r.seek(0).unwrap();
    r.run(12).unwrap();
    assert_eq!(bits(r.curves().series(TRAIN_LOSS, 12)), bits(a));
}

#[test]
fn the_loss_belongs_to_the_step_under_way_after_its_loss_phase() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    assert_eq!(loss_step(t.session()), 0);
    t.step().unwrap();
    assert_eq!(loss_step(t.session()), 1);
    // Forward through 3 layers: still step 1's loss; after the loss phase, step 2's.
    for _ in 0..3 {
        t.substep().unwrap();
        assert_eq!(loss_step(t.session()), 1);
    }
    t.substep().unwrap();
    assert_eq!(loss_step(t.session()), 2);
    while t.steps() < 2 {
        t.substep().unwrap();
        assert_eq!(loss_step(t.session()), 2);
    }
}

#[test]
fn the_csv_has_a_row_per_step_with_exact_numbers() {
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(3).unwrap();
    let csv = backstep_lesson::timeline::measures::loss_csv(&t);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "step,batch_loss,train_loss_mean,test_loss_mean,accuracy,test_accuracy"
    );
    assert_eq!(lines.len(), 5, "{csv}");
    // Step 0 has no batch loss; XOR has no test set: empty cells.
    let row0: Vec<&str> = lines[1].split(',').collect();
    assert_eq!((row0[0], row0[1], row0[3], row0[5]), ("0", "", "", ""));
    let row1: Vec<&str> = lines[2].split(',').collect();
    assert_eq!(row1[1].parse::<f32>().unwrap(), t.history()[0]);
    let m = t.curves().at(1).unwrap();
    assert_eq!(
        row1[2].parse::<f32>().unwrap().to_bits(),
        m.train_loss.to_bits()
    );
    // After going back, the CSV ends at the current step.
    t.seek(1).unwrap();
    assert_eq!(
        backstep_lesson::timeline::measures::loss_csv(&t)
            .lines()
            .count(),
        3
    );
}

#[test]
fn a_long_run_measures_fewer_steps_and_still_knows_now() {
    use backstep_lesson::measure::is_measured;
    assert!((0..1024).all(is_measured));
    assert!(is_measured(1024) && !is_measured(1025) && is_measured(1026));
    assert!(is_measured(4096) && !is_measured(4100) && is_measured(4104));
    assert!(is_measured(1_000_448) && !is_measured(1_000_449));
    let spec = Preset::article().spec(1).unwrap();
    let mut t = Timeline::new(spec.session().unwrap()).unwrap();
    t.run(3001).unwrap();
    let train = t.curves().series(TRAIN_LOSS, 3001);
    assert_eq!(train.len(), 3002);
    let kept = train.iter().filter(|v| !v.is_nan()).count();
    assert!(kept < 2100, "{kept}");
    // Step 3001 is left out of the series; its measures are computed on demand, the same as a
    // fresh measure of the same parameters.
    assert!(train[3001].is_nan() && !train[3000].is_nan());
    let now = t.measures_now();
    let fresh = Curves::new().measure(t.session());
    assert_eq!(mbits(Some(now)), mbits(Some(fresh)));
    // Seeking into the long run equals a fresh run, gaps included.
    t.seek(2500).unwrap();
    let mut f = Timeline::new(spec.session().unwrap()).unwrap();
    f.run(2500).unwrap();
    assert_eq!(
        bits(t.curves().series(TRAIN_LOSS, 2500)),
        bits(f.curves().series(TRAIN_LOSS, 2500))
    );
    assert_eq!(mbits(Some(t.measures_now())), mbits(Some(f.measures_now())));
}

#[test]
fn softmax_runs_measure_by_the_largest_output_and_their_own_loss() {
    let y = DMatrix::from_row_slice(3, 3, &[2.0, 1.0, 0.0, 0.0, 0.5, 0.1, 1.0, 1.0, 0.0]);
    let t = DMatrix::from_row_slice(3, 3, &[1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0]);
    // Row 0 right, row 1 wrong, row 2 a tie taken by the first (right).
    assert_eq!(argmax_accuracy(&y, &t), Some(2.0 / 3.0));
    let p = Preset {
        classes: 3,
        loss: LossKind::SoftmaxCrossEntropy,
        ..Preset::for_data(DataChoice::Plane(Shape2d::Gaussians))
    };
    let mut run = Timeline::new(p.spec(1).unwrap().session().unwrap()).unwrap();
    run.run(20).unwrap();
    let m = run.curves().at(20).unwrap();
    assert!((0.0..=1.0).contains(&m.accuracy) && (0.0..=1.0).contains(&m.test_accuracy));
    let s = run.session();
    let y = Inference::new().run(s.network(), s.x()).clone();
    let mean = LossKind::SoftmaxCrossEntropy.value(&y, s.t()) / s.t().nrows() as f32;
    assert_eq!(m.train_loss.to_bits(), mean.to_bits());
    assert_eq!(m.accuracy, argmax_accuracy(&y, s.t()).unwrap());
}
