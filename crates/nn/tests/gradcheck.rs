//! Finite-difference gradient checks in f64 (central differences) for each layer, the loss and
//! whole networks of random shape, activation and batch size (proptest).

use backstep_nn::loss::{Loss, LossKind};
use backstep_nn::regularize::{Penalty, PenaltyKind};
use backstep_nn::{Act, Activation, Affine, Layer, Network, TorchGenerator};
use nalgebra::DMatrix;
use proptest::prelude::*;

const H: f64 = 1e-6;
const TOL: f64 = 1e-6;

fn randn(g: &mut TorchGenerator, r: usize, c: usize) -> DMatrix<f64> {
    DMatrix::from_fn(r, c, |_, _| g.normal_scalar())
}

fn act_of(k: u8) -> Act {
    [Act::Relu, Act::Sigmoid, Act::Tanh][usize::from(k % 3)]
}

/// Central difference of `f` along each entry of the matrix picked by `pick`.
fn numeric<S>(
    state: &mut S,
    pick: fn(&mut S) -> &mut DMatrix<f64>,
    f: fn(&mut S) -> f64,
) -> DMatrix<f64> {
    let (r, c) = pick(state).shape();
    DMatrix::from_fn(r, c, |i, j| {
        let v = pick(state)[(i, j)];
        pick(state)[(i, j)] = v + H;
        let up = f(state);
        pick(state)[(i, j)] = v - H;
        let down = f(state);
        pick(state)[(i, j)] = v;
        (up - down) / (2.0 * H)
    })
}

fn assert_close(
    what: &str,
    analytic: &DMatrix<f64>,
    numeric: &DMatrix<f64>,
) -> Result<(), TestCaseError> {
    for (a, n) in analytic.iter().zip(numeric.iter()) {
        prop_assert!(
            (a - n).abs() <= TOL * a.abs().max(1.0),
            "{what}: analytic {a} vs numeric {n}"
        );
    }
    Ok(())
}

/// A layer under test with L = Σ c ⊙ layer(x), so that dL/dy = c.
struct One {
    layer: Layer<f64>,
    x: DMatrix<f64>,
    c: DMatrix<f64>,
}

fn one_loss(s: &mut One) -> f64 {
    let y = s.layer.forward(&s.x).clone();
    y.component_mul(&s.c).sum()
}

fn near_kink(x: &DMatrix<f64>) -> bool {
    x.iter().any(|v| v.abs() < 1e-3)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn affine_dx_dw_db(seed in any::<u64>(), n in 1usize..7, i in 1usize..6, o in 1usize..6) {
        let mut g = TorchGenerator::new(seed);
        let layer = Layer::Affine(Affine::new(randn(&mut g, i, o), randn(&mut g, 1, o)));
        let mut s = One { layer, x: randn(&mut g, n, i), c: randn(&mut g, n, o) };
        one_loss(&mut s);
        let c = s.c.clone();
        let dx = s.layer.backward(&c).clone();
        let Layer::Affine(a) = &s.layer else { unreachable!() };
        let (dw, db) = (a.dw().clone(), a.db().clone());
        assert_close("dx", &dx, &numeric(&mut s, |s| &mut s.x, one_loss))?;
        fn w(s: &mut One) -> &mut DMatrix<f64> { match &mut s.layer { Layer::Affine(a) => a.w_mut(), _ => unreachable!() } }
        fn b(s: &mut One) -> &mut DMatrix<f64> { match &mut s.layer { Layer::Affine(a) => a.b_mut(), _ => unreachable!() } }
        assert_close("dW", &dw, &numeric(&mut s, w, one_loss))?;
        assert_close("db", &db, &numeric(&mut s, b, one_loss))?;
    }

    #[test]
    fn activation_dx(seed in any::<u64>(), n in 1usize..7, w in 1usize..6, k in 0u8..3) {
        let mut g = TorchGenerator::new(seed);
        let x = randn(&mut g, n, w).map(|v| 2.0 * v);
        prop_assume!(!(act_of(k) == Act::Relu && near_kink(&x)));
        let mut s = One { layer: Layer::Act(Activation::new(act_of(k), w)), x, c: randn(&mut g, n, w) };
        one_loss(&mut s);
        let c = s.c.clone();
        let dx = s.layer.backward(&c).clone();
        assert_close(act_of(k).name(), &dx, &numeric(&mut s, |s| &mut s.x, one_loss))?;
    }

    #[test]
    fn loss_dy(seed in any::<u64>(), n in 1usize..7, w in 1usize..4, softmax in any::<bool>()) {
        let mut g = TorchGenerator::new(seed);
        let kind = if softmax { LossKind::SoftmaxCrossEntropy } else { LossKind::Mse };
        struct L { y: DMatrix<f64>, t: DMatrix<f64>, kind: LossKind }
        fn value(s: &mut L) -> f64 { s.kind.value(&s.y, &s.t) }
        let y = randn(&mut g, n, w + usize::from(softmax)).map(|v| 3.0 * v);
        // Softmax's targets: one-hot rows, the class drawn from the generator.
        let t = if softmax {
            let cls: Vec<usize> = (0..n).map(|_| g.below(y.ncols())).collect();
            DMatrix::from_fn(n, y.ncols(), |r, c| f64::from(u8::from(cls[r] == c)))
        } else {
            randn(&mut g, n, w)
        };
        let mut s = L { y, t, kind };
        let mut loss = Loss::new(kind);
        loss.forward(&s.y, &s.t);
        let dy = loss.backward().clone();
        assert_close("dL/dy", &dy, &numeric(&mut s, |s| &mut s.y, value))?;
        if !softmax {
            prop_assert!((&dy - (&s.y - &s.t)).amax() == 0.0, "dL/dy is exactly y − t");
        }
    }

    #[test]
    fn whole_networks(
        seed in any::<u64>(),
        n in 1usize..6,
        input in 1usize..4,
        out in 1usize..3,
        hidden in prop::collection::vec((1usize..5, 0u8..3), 0..3),
        output_act in prop::option::of(0u8..3),
        softmax in any::<bool>(),
        penalty in prop::option::of((any::<bool>(), 0.0f64..2.0)),
    ) {
        let mut g = TorchGenerator::new(seed);
        // Softmax needs at least two outputs; its targets are one-hot rows.
        let out = out + usize::from(softmax);
        let kind = if softmax { LossKind::SoftmaxCrossEntropy } else { LossKind::Mse };
        let penalty = penalty.map(|(l1, rate)| {
            Penalty { kind: if l1 { PenaltyKind::L1 } else { PenaltyKind::L2 }, rate }
        });
        let mut layers = Vec::new();
        let mut width = input;
        for &(h, k) in &hidden {
            layers.push(Layer::Affine(Affine::new(randn(&mut g, width, h), randn(&mut g, 1, h))));
            layers.push(Layer::Act(Activation::new(act_of(k), h)));
            width = h;
        }
        layers.push(Layer::Affine(Affine::new(randn(&mut g, width, out), randn(&mut g, 1, out))));
        if let Some(k) = output_act {
            layers.push(Layer::Act(Activation::new(act_of(k), out)));
        }
        struct S { net: Network<f64>, x: DMatrix<f64>, t: DMatrix<f64>, at: usize }
        fn value(s: &mut S) -> f64 { let (x, t) = (s.x.clone(), s.t.clone()); s.net.forward_loss(&x, &t) }
        fn w(s: &mut S) -> &mut DMatrix<f64> { match &mut s.net.layers_mut()[s.at] { Layer::Affine(a) => a.w_mut(), _ => unreachable!() } }
        fn b(s: &mut S) -> &mut DMatrix<f64> { match &mut s.net.layers_mut()[s.at] { Layer::Affine(a) => a.b_mut(), _ => unreachable!() } }
        let x = randn(&mut g, n, input);
        let t = if softmax {
            let cls: Vec<usize> = (0..n).map(|_| g.below(out)).collect();
            DMatrix::from_fn(n, out, |r, c| f64::from(u8::from(cls[r] == c)))
        } else {
            randn(&mut g, n, out)
        };
        // |W| has a kink at 0: an L1 weight within 1e-3 of it makes the difference meaningless.
        let near_zero = layers.iter().filter_map(Layer::as_affine).any(|a| a.w().iter().any(|v| v.abs() < 1e-3));
        prop_assume!(!(near_zero && penalty.is_some_and(|p| p.kind == PenaltyKind::L1)));
        let mut s = S { net: Network::with_loss(layers, kind, penalty), x, t, at: 0 };
        value(&mut s);
        // A ReLU input within 1e-3 of its kink makes the finite difference meaningless.
        let kinked = (0..s.net.layers().len())
            .any(|i| s.net.layers()[i].act() == Some(Act::Relu) && near_kink(s.net.input(i, &s.x)));
        prop_assume!(!kinked);
        s.net.backward();
        let dx0 = s.net.layers()[0].dx().clone();
        assert_close("dx of the input", &dx0, &numeric(&mut s, |s| &mut s.x, value))?;
        for i in 0..s.net.layers().len() {
            let Some(a) = s.net.layers()[i].as_affine() else { continue };
            let (dw, db) = (a.dw().clone(), a.db().clone());
            s.at = i;
            assert_close(&format!("layers[{i}].dW"), &dw, &numeric(&mut s, w, value))?;
            assert_close(&format!("layers[{i}].db"), &db, &numeric(&mut s, b, value))?;
        }
    }
}
