// Replaying a record of changes to a run (as the engine's `record` received them) on a fresh
// engine: the wasm is deterministic, so the replay gives the same bits. Each change goes where
// a live one goes: a new run and an edit through their requests, the moves along the run to the
// model (without drawing), and the variant compared with the run follows them too.

/** The moves along a run, by their recorded names, as Model calls. */
const MOVES = { seek: 'seek', back: 'back', step: 'step', substep: 'substep' };

/** Applies `log` through `e` ({requests, model, guarded, variant}); returns what the last
 *  new run's request returned (null if the log loads none). */
export function replayLog(log, e) {
  let run = null;
  for (const { op, args } of log) {
    if (op === 'preset' || op === 'load') run = e.requests[op](args);
    else if (op === 'edit' || op === 'compare') e.requests[op](args);
    else {
      if (op === 'reset') e.model.reset();
      else e.guarded(() => e.model[MOVES[op]](args));
      e.variant.follow(op, args);
    }
  }
  return run;
}
