//! `backstep train`: many steps with a compact loss log, then the final predictions.

use crate::Failure;
use crate::opts::Model;
use crate::show::matrix;
use crate::text::Lang;
use backstep_lesson::limits::MAX_TRAIN_STEPS;
use backstep_lesson::measure;
use backstep_nn::Inference;
use backstep_nn::loss::LossKind;

/// Options of `backstep train`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub(crate) model: Model,
    /// Steps to train (1 to 10000000).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=MAX_TRAIN_STEPS))]
    steps: u64,
    /// Print the loss every this many steps [default: about 20 lines in all].
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    every: Option<u64>,
    /// Language of the output.
    #[arg(long, value_enum, default_value = "ja")]
    lang: Lang,
}

/// Trains and prints the log.
pub fn run(args: &Args) -> Result<(), Failure> {
    let tx = args.lang.text();
    let mut s = args
        .model
        .spec(1)?
        .session()
        .map_err(|e| Failure::Input(e.to_string()))?;
    let every = args.every.unwrap_or((args.steps / 20).max(1));
    for k in 1..=args.steps {
        if let Err(e) = s.step() {
            return Err(Failure::Diverged(e.to_string()));
        }
        if k == 1 || k % every == 0 || k == args.steps {
            out!(
                "{} {k:>8}  {} {:.6}",
                tx.step,
                tx.loss,
                s.loss().unwrap_or(f32::NAN)
            );
        }
    }
    let mut infer = Inference::new();
    let loss = infer.loss(s.network(), s.x(), s.t());
    out!("\n{}: {loss:.6}", tx.after);
    let y = infer.run(s.network(), s.x()).clone();
    out!("{} (y | t):", tx.final_predictions);
    let both = nalgebra::DMatrix::from_fn(y.nrows(), y.ncols() + s.t().ncols(), |r, c| {
        if c < y.ncols() {
            y[(r, c)]
        } else {
            s.t()[(r, c - y.ncols())]
        }
    });
    outp!("{}", matrix(&both, "  ", tx.more_rows));
    // The core's rules and counts (backstep_lesson::measure): the largest output under softmax
    // cross-entropy, else the 2-class threshold for targets 0 and 1.
    if s.network().loss().kind() == LossKind::SoftmaxCrossEntropy {
        let right = measure::argmax_correct(&y, s.t());
        out!("{}: {right}/{}", tx.accuracy_argmax, y.nrows());
    } else if y.ncols() == 1 && measure::classes(s.t()) == Some((0.0, 1.0)) {
        let right = measure::correct(&y, s.t(), 0.5);
        out!("{}: {right}/{}", tx.accuracy, y.nrows());
    }
    if s.x_test().nrows() > 0 {
        out!(
            "{}: {:.6}",
            tx.test_loss,
            infer.loss(s.network(), s.x_test(), s.t_test())
        );
    }
    Ok(())
}
