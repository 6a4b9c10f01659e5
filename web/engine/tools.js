// What only the full wasm module has. A first visit downloads the page's first module, which
// leaves out the crate's `tools` feature (crates/wasm/src/tools.rs: resuming a saved run, the
// experiments for a notice, the neuron inspector, the gradient check, the code, the loss CSV,
// a training set from CSV); the full module is fetched once the first frame is on screen, for
// the worker. A request for one of these on the page's engine before it has the full module waits
// until it has (engine/handover.js).

/** The Trainer methods the first module lacks (wasm exports `trainer_<name>`): the one list on
 *  the page's side, which tests/e2e/units.spec.mjs checks against the two modules' exports. */
export const TOOL_METHODS = [
  'resume',
  'experiments',
  'inspect',
  'gradcheck',
  'code',
  'loss_csv',
  'withCsv',
];

/** The engine requests that call one of them: by name, or by what their argument asks. */
const TOOL_REQUESTS = new Set(['experiments', 'inspect', 'gradcheck', 'code', 'csv']);

/** Whether engine request `op` with (plain) `args` needs the full module. */
export function needsTools(op, args) {
  if (TOOL_REQUESTS.has(op)) return true;
  // A saved run ({spec, run}) is resumed; a spec alone is not.
  if (op === 'load') return args?.run != null;
  if (op === 'dataSpec') return args?.what === 'csv';
  return false;
}
