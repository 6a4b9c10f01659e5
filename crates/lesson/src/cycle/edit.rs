//! Changes to a run in the middle of it: the optimizer's rule or hyper-parameters, and one weight
//! or bias at a time. Each is checked first (a finite value, an affine layer, indices within its
//! shape) and refused with a [`SpecError`] naming the field, changing nothing.
//!
//! These act on the session alone; [`crate::timeline::Timeline`] records them as events so that
//! going back and forth replays them.

use crate::cycle::{MicroStep, Session};
use crate::spec::OptimizerSpec;
use backstep_nn::error::SpecError;
use backstep_nn::message::Msg;
use backstep_nn::optim::OptimizerKind;
use backstep_nn::real::Real;

impl<T: Real> Session<T> {
    /// Changes the optimizer from the next update on; see [`backstep_nn::optim::Optimizer::set_kind`]
    /// (the same rule keeps its state, another rule starts from zero). The hyper-parameters are
    /// checked as the spec's `optimizer` is. In the middle of a step the change applies to that
    /// step's update, which is the same as applying it before the step: the rule is only read by
    /// the update.
    pub fn set_optimizer(&mut self, rule: OptimizerSpec) -> Result<(), SpecError> {
        let kind: OptimizerKind = crate::spec::validate::optimizer(rule)?;
        self.opt.set_kind(kind, &self.net);
        self.opt_backup = self.opt.clone();
        Ok(())
    }

    /// Sets W[row][col] of layer `layer` (an index into the spec's `layers`, which must be an
    /// affine layer) to `value`, which must be finite. In the middle of a step the cycle starts
    /// again at the forward pass, so that every cache of the step comes from the new weights.
    pub fn set_weight(
        &mut self,
        layer: usize,
        row: usize,
        col: usize,
        value: f32,
    ) -> Result<(), SpecError> {
        self.check_weight(layer, Some(row), col, value, "set_weight")?;
        if let Some(a) = self.affine_mut(layer) {
            a.w_mut()[(row, col)] = T::of(f64::from(value));
        }
        self.restart_cycle();
        Ok(())
    }

    /// Sets b[col] of layer `layer` (an affine layer) to `value`, which must be finite. In the
    /// middle of a step the cycle starts again at the forward pass.
    pub fn set_bias(&mut self, layer: usize, col: usize, value: f32) -> Result<(), SpecError> {
        self.check_weight(layer, None, col, value, "set_bias")?;
        if let Some(a) = self.affine_mut(layer) {
            a.b_mut()[(0, col)] = T::of(f64::from(value));
        }
        self.restart_cycle();
        Ok(())
    }

    /// Checks an edit of W[row][col] (or of b[col] when `row` is `None`) of layer `layer`;
    /// errors name the field under `call` (`set_weight.row`).
    pub(crate) fn check_weight(
        &self,
        layer: usize,
        row: Option<usize>,
        col: usize,
        value: f32,
        call: &str,
    ) -> Result<(), SpecError> {
        let (rows, cols) = self.affine_shape(layer, call)?;
        if let Some(row) = row {
            check_index(&format!("{call}.row"), row, rows, layer, rows, cols)?;
        }
        check_index(&format!("{call}.col"), col, cols, layer, rows, cols)?;
        check_value(&format!("{call}.value"), value)
    }

    fn affine_shape(&self, layer: usize, call: &str) -> Result<(usize, usize), SpecError> {
        let layers = self.net.layers();
        match layers.get(layer) {
            Some(l) => l.as_affine().map(|a| a.w().shape()).ok_or_else(|| {
                let msg = Msg::NotAffine {
                    layer,
                    kind: l.kind(),
                };
                SpecError::new(format!("{call}.layer"), msg)
            }),
            None => {
                let msg = Msg::LayerRange {
                    layer,
                    n: layers.len(),
                };
                Err(SpecError::new(format!("{call}.layer"), msg))
            }
        }
    }

    fn affine_mut(&mut self, layer: usize) -> Option<&mut backstep_nn::affine::Affine<T>> {
        match self.net.layers_mut().get_mut(layer)? {
            backstep_nn::layer::Layer::Affine(a) => Some(a),
            backstep_nn::layer::Layer::Act(_) => None,
        }
    }

    fn restart_cycle(&mut self) {
        self.next = MicroStep::Forward(0);
        self.last = None;
    }
}

fn check_index(
    field: &str,
    i: usize,
    len: usize,
    layer: usize,
    rows: usize,
    cols: usize,
) -> Result<(), SpecError> {
    if i < len {
        return Ok(());
    }
    let msg = Msg::IndexRange {
        i,
        layer,
        rows,
        cols,
    };
    Err(SpecError::new(field, msg))
}

fn check_value(field: &str, v: f32) -> Result<(), SpecError> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(SpecError::new(field, Msg::Finite))
    }
}
