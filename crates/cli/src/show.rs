//! Printing matrices and networks compactly: fixed digits, long matrices cut with a note.

use backstep_lesson::Session;
use backstep_nn::Layer;
use nalgebra::DMatrix;
use std::fmt::Write;

/// Rows shown before a matrix is cut.
const MAX_ROWS: usize = 8;
/// Columns shown before a row is cut.
const MAX_COLS: usize = 10;

/// One row as `[ 0.0000 -0.4941 …]`.
pub fn row<'a>(values: impl Iterator<Item = &'a f32>) -> String {
    let v: Vec<f32> = values.copied().collect();
    let mut s = String::from("[");
    for (k, x) in v.iter().take(MAX_COLS).enumerate() {
        let sep = if k == 0 { "" } else { " " };
        write!(s, "{sep}{x:7.4}").unwrap();
    }
    if v.len() > MAX_COLS {
        write!(s, " … +{}", v.len() - MAX_COLS).unwrap();
    }
    s.push(']');
    s
}

/// A matrix, one row per line with `indent`, cut after a few rows with "(N more rows)".
pub fn matrix(m: &DMatrix<f32>, indent: &str, more_rows: &str) -> String {
    let mut s = String::new();
    for r in m.row_iter().take(MAX_ROWS) {
        writeln!(s, "{indent}{}", row(r.iter())).unwrap();
    }
    if m.nrows() > MAX_ROWS {
        writeln!(s, "{indent}… ({} {more_rows})", m.nrows() - MAX_ROWS).unwrap();
    }
    s
}

/// `affine(2→4) → relu → affine(4→1)`.
pub fn architecture(s: &Session<f32>) -> String {
    s.network()
        .layers()
        .iter()
        .map(|l| match l {
            Layer::Affine(a) => format!("affine({}→{})", a.fan_in(), a.fan_out()),
            Layer::Act(a) => a.act().name().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}
