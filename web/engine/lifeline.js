// A run that survives a trap. The wasm is built with panic=abort: a panic, an allocation that
// fails or a JS exception thrown through Rust frames leaves the instance unusable (a borrow
// flag stuck, memory half written). This wraps the engine (engine.js) with the record of every
// change to the run (consecutive steps merged); when a call finds the instance dead, it starts a
// fresh instance (`__wbg_reset_state`), a fresh engine on the same canvases, replays the record
// without the change that killed it, and reports `rebuilt` (the page shows one line). The same
// on the page's thread and in the worker.

import { __backstep_use_module, __wbg_reset_state, initSync } from '../../pkg/backstep_wasm.js';
import { createEngine } from './engine.js';
import { isDead } from './model.js';

/** Most steps one merged `step` record entry holds (the run's own limit). */
const MAX_MERGED = 1_000_000;
/** What a request that hit a dead instance rejects with (the page shows `rebuilt`). */
export const REBUILT =
  'an internal error stopped the run; it was rebuilt from its record, without the last change';
/** That rejection, shown in the page's language as its `rebuilt` line. */
const rebuiltError = () => Object.assign(new Error(REBUILT), { key: 'rebuilt' });

/**
 * The engine on `memory` for `setup` ({canvases, geometry, lang, view}), reporting to `send`;
 * the same interface as createEngine's, plus `record()` (the record so far, for the worker).
 */
export function createLiveEngine(memory, setup, send) {
  let log = [];
  /** How to take the last recorded change back out: {pop} or {merged: n}. */
  let undo = null;
  let replaying = false;
  let dying = false;
  const current = { ...setup, view: { ...setup.view } };

  function record({ op, args }) {
    if (replaying) return;
    const last = log.at(-1);
    if (op === 'step' && last?.op === 'step' && last.args + args <= MAX_MERGED) {
      log[log.length - 1] = { op, args: last.args + args };
      undo = { merged: args };
    } else {
      log.push({ op, args });
      undo = { pop: true };
    }
  }

  let replayDied = false;
  const report = (r) => {
    if (r.type !== 'dead') send(r);
    else if (replaying) replayDied = true;
    else if (!dying) {
      // A played frame died: its steps were recorded just before they ran.
      dying = true;
      queueMicrotask(() => dying && rebuild(takeBackLast));
    }
  };

  let inner = createEngine(memory, current, report, record);
  // Only the first engine's first frame leaves the panels below the window for later: a
  // rebuilt or moved one draws them all (the reader may have scrolled to them by then).
  current.geometry = { ...current.geometry, later: [] };

  /** `inner.replay(entries)`, unrecorded; throws if the instance died on the way. */
  function runReplay(entries) {
    replaying = true;
    replayDied = false;
    try {
      const run = inner.replay(entries);
      if (replayDied) throw new WebAssembly.RuntimeError('the replay stopped the instance');
      return run;
    } finally {
      replaying = false;
    }
  }

  function takeBackLast() {
    if (undo?.pop) log.pop();
    else if (undo?.merged)
      log[log.length - 1] = { op: 'step', args: log.at(-1).args - undo.merged };
    undo = null;
  }

  /** A fresh instance and engine, with the record (after `trim(log)`) replayed. */
  function rebuild(trim) {
    dying = false;
    trim();
    inner.pause();
    current.view = { ...current.view, playing: false };
    const replay = (entries) => {
      __wbg_reset_state();
      inner = createEngine(initSync().memory, current, report, record);
      runReplay(entries);
    };
    try {
      replay(log);
    } catch (e) {
      if (!isDead(e, { alive: inner.healthy })) throw e;
      // The record itself kills the run: keep its last run from its start.
      inner.pause();
      const start = log.findLastIndex((x) => x.op === 'preset' || x.op === 'load');
      log = start < 0 ? [] : [log[start]];
      replay(log);
    }
    send({ type: 'rebuilt' });
  }

  /** A request, rebuilding the run if it (or what it left behind) finds the instance dead. */
  function request(op, args) {
    const mark = { length: log.length, last: log.at(-1) };
    const restore = () => {
      log.length = mark.length;
      if (mark.last) log[mark.length - 1] = mark.last;
    };
    let value;
    try {
      value = inner.requests[op](args);
    } catch (e) {
      if (!dying && !isDead(e, { alive: inner.healthy })) throw e;
      rebuild(restore);
      throw rebuiltError();
    }
    if (dying) {
      rebuild(restore);
      throw rebuiltError();
    }
    return value;
  }

  const requests = Object.fromEntries(
    Object.keys(inner.requests).map((op) => [op, (args) => request(op, args)]),
  );
  /** Commands, remembered (the view, geometry, language) for a rebuilt engine's setup. */
  const commands = Object.fromEntries(
    Object.keys(inner.commands).map((op) => [
      op,
      (args) => {
        if (op === 'view') current.view = { ...current.view, ...args };
        else if (op === 'play') current.view = { ...current.view, playing: args };
        else if (op === 'geometry') current.geometry = args;
        else if (op === 'lang') current.lang = args;
        inner.commands[op](args);
      },
    ]),
  );

  return {
    requests,
    commands,
    /** Replays a record (another engine's) and keeps it as this one's. */
    replay(entries) {
      const run = runReplay(entries);
      log = entries.map((x) => ({ ...x }));
      return run;
    },
    record: () => log,
    /** Moves the run to a fresh instance of `module` (the full one, engine/tools.js): a new
     *  engine on the same canvases, with the record replayed; later rebuilds use it too. */
    useModule(module) {
      inner.pause();
      inner.free();
      let memory;
      try {
        memory = __backstep_use_module(module).memory;
      } catch (e) {
        // Not instantiated: the run goes on, replayed on the module it was on.
        inner = createEngine(initSync().memory, current, report, record);
        runReplay(log);
        throw Object.assign(e, { notInstanced: true });
      }
      inner = createEngine(memory, current, report, record);
      runReplay(log);
    },
    pause: () => inner.pause(),
    resume: () => inner.resume(),
    free: () => inner.free(),
  };
}
