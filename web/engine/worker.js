// The worker's side (main.js loads it in a worker). Its first message brings the wasm the page
// compiled (or its bytes): it instantiates it, looks up the panels' fonts and says it is ready.
// `init` then starts an engine on the panels' OffscreenCanvases and replays the page's record of
// the run so far (the page drew the first frames itself); every later message goes to that
// engine. A message with an `id` gets a reply with the same id: {ok: true, value} or
// {ok: false, error: message}.

import { initSync } from '../../pkg/backstep_wasm.js';
import { warmFonts } from '../draw/colors.js';
import { createChunker } from './chunked.js';
import { createLiveEngine } from './lifeline.js';
import { errorData } from './plain.js';

const send = (message) => self.postMessage(message);
let memory = null;
let engine = null;

/** `wasm`: {module} or {bytes}; `init`: {canvases, geometry, lang, view, log}; then the
 *  engine's requests and commands. */
function handle(op, args) {
  if (op === 'wasm') {
    memory = initSync({ module: args.module ?? new WebAssembly.Module(args.bytes) }).memory;
    warmFonts();
    send({ type: 'ready' });
    return undefined;
  }
  if (op === 'init') {
    const fresh = createLiveEngine(memory, args, send);
    try {
      const run = fresh.replay(args.log);
      engine = fresh;
      return run;
    } catch (e) {
      // The page keeps the run; this engine must not go on drawing.
      fresh.free();
      throw e;
    }
  }
  if (!engine) throw new Error(`\`${op}\` before \`init\``);
  if (op in engine.requests) return engine.requests[op](args);
  if (op in engine.commands) return engine.commands[op](args);
  throw new Error(`unknown request \`${op}\``);
}

/** What stops a long step(n) under way. */
const STOPS = new Set(['play', 'reset', 'preset', 'seed', 'load']);
const requests = createChunker(
  () => engine,
  (op, args) => handle(op, args),
  (id, ok, value) => send(ok ? { id, ok, value } : { id, ok, ...errorData(value) }),
);

function onMessage({ data: { id, op, args } }) {
  // Engine requests go through the chunker (a long step(n) gives way to Pause); a play command,
  // a reset or a new run stops a long step under way.
  if (STOPS.has(op)) requests.stop();
  if (id && engine && op in engine.requests) {
    requests.request(id, op, args);
    return;
  }
  try {
    const value = handle(op, args);
    if (id) send({ id, ok: true, value });
  } catch (e) {
    send(id ? { id, ok: false, ...errorData(e) } : { type: 'error', detail: errorData(e).error });
  }
}

/** Takes the messages from now on, after those that came `early`. */
export function listen(early) {
  self.onmessage = onMessage;
  self.onmessageerror = () =>
    send({ type: 'error', detail: 'the worker could not read a message from the page' });
  for (const e of early) onMessage(e);
}
