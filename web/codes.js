// The codes that name a matrix across the wasm boundary: a `layer` value and a `what` value
// (see crates/wasm/src/views.rs). A module of its own so the page's side can use them without
// the bindings.

/** `layer` values for the loss and batch, the data set, and the decision-boundary grid. */
export const LOSS = 1000;
export const DATA = 1001;
export const GRID = 2000;

/** `what` codes (see crates/wasm/src/views.rs). */
export const WHAT = { X: 0, Y: 1, DOUT: 2, DX: 3, W: 4, B: 5, DW: 6, DB: 7, W_BEFORE: 8, B_BEFORE: 9, MASK: 10, T: 11, DY: 12, X_TEST: 13, T_TEST: 14 };
