//! Error bounds of the fast `tanh` and sigmoid (`backstep_nn::fastmath`), in ulp against the
//! correctly rounded value (the f64 function rounded to f32), over dense samples of f32.

use backstep_nn::fastmath::{sigmoid, tanh};

/// Position of an f32 on the number line in ulp steps (−0 and +0 coincide).
fn ordered(x: f32) -> i64 {
    let b = i64::from(x.to_bits() & 0x7fff_ffff);
    if x.is_sign_negative() { -b } else { b }
}

fn ulps(a: f32, b: f32) -> i64 {
    (ordered(a) - ordered(b)).abs()
}

fn tanh_ref(x: f32) -> f32 {
    f64::from(x).tanh() as f32
}

fn sigmoid_ref(x: f32) -> f32 {
    (1.0 / (1.0 + (-f64::from(x)).exp())) as f32
}

/// The largest error (ulp) and where, over every `stride`-th f32 bit pattern in [−hi, hi].
fn worst(f: fn(f32) -> f32, r: fn(f32) -> f32, hi: f32, stride: usize) -> (i64, f32) {
    let top = hi.to_bits();
    let mut worst = (0, 0.0);
    for bits in (0..=top).step_by(stride) {
        for x in [f32::from_bits(bits), -f32::from_bits(bits)] {
            let e = ulps(f(x), r(x));
            if e > worst.0 {
                worst = (e, x);
            }
        }
    }
    worst
}

#[test]
fn tanh_is_within_2_ulp() {
    let (e, at) = worst(tanh, tanh_ref, 1.0, 61);
    assert!(e <= 2, "tanh: {e} ulp at {at:e} in [−1, 1]");
    let (e, at) = worst(tanh, tanh_ref, 20.0, 251);
    assert!(e <= 2, "tanh: {e} ulp at {at:e} in [−20, 20]");
    // Around the switch between the two formulas, every f32.
    for bits in 0.53f32.to_bits()..0.57f32.to_bits() {
        let x = f32::from_bits(bits);
        assert!(ulps(tanh(x), tanh_ref(x)) <= 2, "tanh at {x:e}");
    }
}

#[test]
fn sigmoid_is_within_3_ulp() {
    let (e, at) = worst(sigmoid, sigmoid_ref, 1.0, 61);
    assert!(e <= 3, "sigmoid: {e} ulp at {at:e} in [−1, 1]");
    let (e, at) = worst(sigmoid, sigmoid_ref, 110.0, 251);
    assert!(e <= 3, "sigmoid: {e} ulp at {at:e} in [−110, 110]");
}

#[test]
fn both_are_odd_or_symmetric_and_saturate() {
    for bits in (0..=20f32.to_bits()).step_by(4099) {
        let x = f32::from_bits(bits);
        assert_eq!(tanh(-x).to_bits(), (-tanh(x)).to_bits(), "tanh at {x:e}");
        assert!(tanh(x) <= 1.0 && sigmoid(x) <= 1.0 && sigmoid(-x) >= 0.0);
    }
    assert_eq!(tanh(10.5), 1.0);
    assert_eq!(sigmoid(20.0), 1.0);
    assert_eq!(sigmoid(-200.0), 0.0);
}

/// Every f32 in [−20, 20] (about 2·10⁹ values; 20 minutes in release on a busy 2-core machine):
/// `cargo test --release -p backstep-nn --test fastmath -- --ignored`.
#[test]
#[ignore]
fn exhaustive_over_minus_20_to_20() {
    let (e, at) = worst(tanh, tanh_ref, 20.0, 1);
    println!("tanh: at most {e} ulp (at {at:e})");
    assert!(e <= 2);
    let (e, at) = worst(sigmoid, sigmoid_ref, 20.0, 1);
    println!("sigmoid: at most {e} ulp (at {at:e})");
    assert!(e <= 3);
}
