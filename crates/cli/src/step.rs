//! `backstep step`: runs cycles micro-step by micro-step and prints each phase, as the article
//! walks through its one cycle (shapes, predictions against targets, loss, dW of the first layer,
//! the loss after the update).

use crate::Failure;
use crate::opts::Model;
use crate::show::{architecture, matrix, row};
use crate::text::Lang;
use backstep_lesson::MicroStep;
use backstep_lesson::export::trace;
use backstep_nn::loss::LossKind;
use backstep_nn::regularize::PenaltyKind;
use backstep_nn::{Inference, Phase};

/// Options of `backstep step`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub(crate) model: Model,
    /// How many cycles to print (1 to 1000).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=1000))]
    steps: u64,
    /// Language of the output.
    #[arg(long, value_enum, default_value = "ja")]
    lang: Lang,
}

/// Prints `args.steps` cycles.
pub fn run(args: &Args) -> Result<(), Failure> {
    let tx = args.lang.text();
    let spec = args.model.spec(1)?;
    let mut s = spec.session().map_err(|e| Failure::Input(e.to_string()))?;
    out!("{}", tx.title);
    out!(
        "{}: {} ({} × {}) / {}: {} / {}",
        tx.data,
        args.model.preset()?.data.name(),
        s.x().nrows(),
        s.x().ncols(),
        tx.network,
        architecture(&s),
        describe_optimizer(&s),
    );
    let mut infer = Inference::new();
    for _ in 0..args.steps {
        out!("\n=== {} {} ===", tx.step, s.steps() + 1);
        let before = loop {
            let ms = s.substep().map_err(|e| Failure::Diverged(e.to_string()))?;
            let net = s.network();
            match ms {
                MicroStep::Forward(i) => {
                    if i == 0 {
                        heading(Phase::Forward, args.lang, tx.forward)?;
                    }
                    let l = &net.layers()[i];
                    let (r, c) = l.y().shape();
                    outp!("  layers[{i}] {:8} {}: ({r}, {c})", l.kind(), tx.shape);
                    match l.as_act().map(|a| a.dead_units()) {
                        Some(d) if !d.is_empty() => out!("   {}: {d:?}", tx.dead),
                        _ => out!(),
                    }
                }
                MicroStep::Loss => {
                    heading(Phase::Loss, args.lang, tx.loss)?;
                    let (y, t) = (net.output(), s.batch_t());
                    if y.ncols() == 1 {
                        out!(
                            "  {} yᵀ ({}): {}",
                            tx.predicted,
                            tx.transposed,
                            row(y.iter())
                        );
                        out!("  {} tᵀ ({}): {}", tx.target, tx.transposed, row(t.iter()));
                    } else {
                        out!("  {} y:\n{}", tx.predicted, matrix(y, "    ", tx.more_rows));
                        out!("  {} t:\n{}", tx.target, matrix(t, "    ", tx.more_rows));
                    }
                    if let Some(p) = trace::probabilities(&s) {
                        out!(
                            "  {}:\n{}",
                            tx.probabilities,
                            matrix(p, "    ", tx.more_rows)
                        );
                    }
                    let label = match net.loss().kind() {
                        LossKind::Mse => tx.loss_value,
                        LossKind::SoftmaxCrossEntropy => tx.loss_softmax,
                    };
                    out!("  {label}: {:.4}", s.loss().unwrap_or(f32::NAN));
                    if let Some(p) = net.penalty() {
                        let which = usize::from(p.kind == PenaltyKind::L2);
                        out!("  {}: {:.4}", tx.penalty[which], net.penalty_value());
                    }
                }
                MicroStep::Backward(0) => {
                    heading(Phase::Backward, args.lang, tx.backward)?;
                    out!("  {}", tx.backward_done);
                    if let Some(a) = net.layers()[0].as_affine() {
                        out!("  {}:", tx.dw_first);
                        outp!("{}", matrix(a.dw(), "    ", tx.more_rows));
                        out!("  → {}", tx.dw_hint);
                    }
                }
                MicroStep::Backward(_) => {}
                MicroStep::Update => {
                    heading(Phase::Update, args.lang, tx.update)?;
                    out!("  {} ({})", tx.updated, describe_rule(&s));
                    break s.loss().unwrap_or(f32::NAN);
                }
            }
        };
        let after = infer.loss(s.network(), s.x(), s.t());
        out!("\n[{}]", tx.check);
        out!("  {}: {before:.4}", tx.before);
        out!("  {}: {after:.4}", tx.after);
        out!("  → {}", if after < before { tx.better } else { tx.worse });
    }
    Ok(())
}

fn heading(p: Phase, lang: Lang, local: &str) -> Result<(), Failure> {
    match lang {
        Lang::Ja => out!("\n【{}】 {local} ({})", p.word_ja(), p.name()),
        Lang::En => out!("\n[{}: {}]", p.name(), p.word_ja()),
    }
    Ok(())
}

fn describe_optimizer(s: &backstep_lesson::Session<f32>) -> String {
    let k = s.optimizer().kind();
    let batch = if s.batcher().is_full() {
        "full batch".to_string()
    } else {
        format!("batch {}", s.batcher().size())
    };
    format!("{} lr {} ({batch})", k.name(), k.lr())
}

fn describe_rule(s: &backstep_lesson::Session<f32>) -> String {
    use backstep_nn::OptimizerKind as K;
    match s.optimizer().kind() {
        K::Sgd { lr } => format!("W −= {lr}·dW, b −= {lr}·db"),
        K::Momentum { lr, momentum } => format!("v = {momentum}·v + dW, W −= {lr}·v"),
        K::Adam { lr, .. } => format!("Adam, lr {lr}, t = {}", s.optimizer().steps()),
    }
}
