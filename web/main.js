// The page's entry point: loads the wasm core, wires the toolbar and settings, runs the
// requestAnimationFrame loop (panels redraw only when the model changed) and offers the
// automation API `window.backstep`.

import init, { initSync, colormap, fresh_seed, preset_spec } from '../pkg/backstep_wasm.js';
import { Model, DATA, LOSS, WHAT } from './model.js';
import { forgetSizes, setColormap, fmt } from './colors.js';
import { language, setLanguage, t } from './i18n.js';
import { drawNetwork } from './network.js';
import { drawMatrices } from './matrices.js';
import { drawGates } from './gates.js';
import { drawLoss, bindLossCursor } from './losscurve.js';
import { GRID_SIDE, PLAYING_SIDE, drawBoundary, drawNeurons } from './boundary.js';
import { applyDatasetDefaults, bindKeys, overLimits, readSettings } from './controls.js';
import { parseJson, traceJson } from './json.js';

/** The wasm: inlined as base64 in the single-file page (`cargo xtask bundle`), else fetched. */
function loadWasm() {
  const inline = document.getElementById('wasm-base64');
  if (inline) return initSync({ module: Uint8Array.from(atob(inline.textContent), (c) => c.charCodeAt(0)) });
  return init({ module_or_path: new URL('../pkg/backstep_wasm_bg.wasm', import.meta.url) });
}

const $ = (id) => document.getElementById(id);

/** Shows the page (hidden while booting, so the empty shell never flashes). */
function reveal() { document.documentElement.classList.remove('booting'); }

/** Loads the wasm, or shows why it cannot run here (e.g. a browser without WebAssembly SIMD). */
async function boot() {
  try {
    return await loadWasm();
  } catch (e) {
    reveal();
    setLanguage(language());
    showMessage(t('noWasm')(e.message ?? String(e)));
    throw e;
  }
}

const bindings = await boot();
performance.mark('backstep:wasm-ready');
setColormap(colormap());
const model = new Model(bindings.memory);
const form = $('settings');
const MAX_IMPORT_MB = 16;
/** How long each frame of the latest play took (steps and redraw), in ms; the last 600. */
const playTimes = [];
const ui = { playing: false, drawn: -1, firstFrame: true, matrixLayer: 'auto', lossDirty: true };

function showMessage(text) {
  const box = $('message');
  box.textContent = text || '';
  box.hidden = !text;
}

/** Builds a run from the settings form; a bad setting shows a message and keeps the old run. */
function loadFromSettings() {
  try {
    model.load(preset_spec(readSettings(form)));
    afterLoad();
    showMessage('');
  } catch (e) {
    showMessage(t('badSetting')(e.message ?? String(e)));
  }
}

function afterLoad() {
  setPlaying(false);
  const kinds = model.kinds();
  const layerSel = $('matrix-layer');
  layerSel.replaceChildren(new Option(`auto`, 'auto'),
    ...kinds.map((k, i) => new Option(`layers[${i}] ${k}`, String(i))), new Option('loss', 'loss'));
  layerSel.value = 'auto';
  ui.matrixLayer = 'auto';
  const rows = model.trainer.rows(DATA, WHAT.X);
  const sampleSel = $('sample');
  sampleSel.replaceChildren(...Array.from({ length: Math.min(rows, 64) }, (_, i) => new Option(String(i), String(i))));
  // Sample 1 by default: for XOR, (0, 1) shows values the ReLU passes and blocks; (0, 0) is all zeros.
  sampleSel.value = rows > 1 ? '1' : '0';
  ui.lossDirty = true;
}

function setPlaying(on) {
  // Stopping redraws the maps from the full grid (playing draws them from a coarser one).
  if (ui.playing && !on) ui.drawn = -1;
  if (on && !ui.playing) playTimes.length = 0;
  ui.playing = on;
  const b = document.querySelector('[data-action="play"]');
  b.textContent = on ? t('btnPause') : t('btnPlay');
  b.setAttribute('aria-pressed', String(on));
}

/** Runs a model call; a non-finite value pauses, shows the message and keeps the state. */
function guarded(fn) {
  try {
    fn();
    return true;
  } catch (e) {
    setPlaying(false);
    showMessage(t('diverged')(e.message ?? String(e)));
    return false;
  } finally {
    ui.lossDirty = true;
  }
}

function act(action) {
  switch (action) {
    case 'step': guarded(() => model.step(1)); break;
    case 'substep': guarded(() => model.substep()); break;
    case 'play': setPlaying(!ui.playing); break;
    case 'reset': model.reset(); setPlaying(false); showMessage(''); ui.lossDirty = true; break;
    case 'seed': form.elements.seed.value = String(fresh_seed()); loadFromSettings(); break;
    case 'export': exportTrace(); break;
    case 'lang': setLanguage(language() === 'ja' ? 'en' : 'ja'); refreshLanguage(); break;
    default: break;
  }
}

function exportTrace() {
  const steps = model.trainer.steps();
  if (steps === 0) return;
  const doc = { spec: model.spec(), last_step: model.snapshot() };
  const url = URL.createObjectURL(new Blob([traceJson(doc)], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: `backstep-step-${steps}.json` });
  a.click();
  URL.revokeObjectURL(url);
}

function refreshLanguage() {
  $('lang').textContent = language() === 'ja' ? 'English' : '日本語';
  setPlaying(ui.playing);
  ui.drawn = -1;
}

/** The layer the matrices panel shows: the chosen one, or the active one. */
function matrixLayer(state) {
  if (ui.matrixLayer === 'loss') return LOSS;
  if (ui.matrixLayer !== 'auto') return Number(ui.matrixLayer);
  if (state.phase === 'loss') return LOSS;
  return state.layer ?? 0;
}

/** Sets an element's text only when it changes (each write dirties the layout). */
function setText(id, text) {
  const el = $(id);
  if (el.textContent !== text) el.textContent = text;
}

function draw() {
  const state = model.state();
  $('phase').dataset.phase = state.phase;
  setText('phase', t('phase')[state.phase] + (state.layer == null ? '' : ` · layers[${state.layer}] ${model.kinds()[state.layer]}`));
  // `next` is "forward 1", "loss", …: in Japanese, with the article's words.
  const [nextPhase, nextLayer] = state.next.split(' ');
  setText('next-step', `${t('next')}: ${t('phaseShort')[nextPhase] ?? nextPhase}${nextLayer ? ` ${nextLayer}` : ''}`);
  setText('step-count', String(state.step));
  setText('loss-value', state.loss == null ? '—' : fmt(state.loss));
  const testLoss = model.testLoss();
  $('test-loss-wrap').hidden = testLoss == null;
  if (testLoss != null) setText('test-loss', fmt(testLoss));
  const sample = Number($('sample').value || 0);
  timed('network', () => drawNetwork($('c-network'), model, { showGrads: $('show-grads').checked, sample, state }));
  timed('matrices', () => drawMatrices($('c-matrices'), model, matrixLayer(state)));
  timed('gates', () => drawGates($('c-gates'), model));
  const side = ui.playing ? PLAYING_SIDE : GRID_SIDE;
  timed('boundary', () => drawBoundary($('c-boundary'), model, side));
  timed('neurons', () => drawNeurons($('c-neurons'), model, side));
  timed('loss', drawLossPanel);
}

/** Milliseconds each panel took in the last redraw (read by the page benchmark). */
const timings = {};
function timed(name, fn) {
  const t0 = performance.now();
  fn();
  timings[name] = performance.now() - t0;
}

function drawLossPanel() {
  drawLoss($('c-loss'), model.history(), model.historyEpoch, $('log-scale').checked, $('loss-readout'));
  ui.lossDirty = false;
}


function frame() {
  const t0 = performance.now();
  const playing = ui.playing;
  if (playing) guarded(() => model.step(Number($('speed').value)));
  if (ui.drawn !== model.version) {
    reveal();
    draw();
    ui.drawn = model.version;
    if (ui.firstFrame) {
      ui.firstFrame = false;
      performance.mark('backstep:first-frame');
    }
  } else if (ui.lossDirty) {
    drawLossPanel();
  }
  if (playing) {
    playTimes.push(performance.now() - t0);
    if (playTimes.length > 600) playTimes.shift();
  }
  requestAnimationFrame(frame);
}

// Wiring.
for (const b of document.querySelectorAll('[data-action]')) b.addEventListener('click', () => act(b.dataset.action));
$('lang').addEventListener('click', () => act('lang'));
form.addEventListener('change', (e) => {
  if (e.target.name === 'dataset') applyDatasetDefaults(form);
  loadFromSettings();
});
form.addEventListener('submit', (e) => { e.preventDefault(); loadFromSettings(); });
for (const id of ['show-grads', 'sample', 'log-scale']) $(id).addEventListener('change', () => { ui.drawn = -1; });
$('matrix-layer').addEventListener('change', (e) => { ui.matrixLayer = e.target.value; ui.drawn = -1; });
$('import').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    // A spec or trace within the page's limits is well under 1 MB; a huge file would only
    // freeze the tab while it is read.
    if (file.size > MAX_IMPORT_MB * 2 ** 20) throw new Error(t('tooBig')(file.name, (file.size / 2 ** 20).toFixed(0), MAX_IMPORT_MB));
    const doc = parseJson(await file.text());
    api.load(doc?.spec ?? doc);
  } catch (err) {
    showMessage(t('badImport')(err.message ?? String(err)));
  }
  e.target.value = '';
});
window.addEventListener('resize', () => { forgetSizes(); ui.drawn = -1; });
bindLossCursor($('c-loss'), () => model.trainer.history_len(), () => { ui.lossDirty = true; });
bindKeys(act);

/** The automation API (documented in README.md). */
const api = {
  state: () => model.state(),
  step: (n = 1) => { guarded(() => model.step(n)); draw(); return model.state(); },
  substep: () => { guarded(() => model.substep()); draw(); return model.state(); },
  reset: () => { act('reset'); draw(); return model.state(); },
  load: (spec) => {
    try {
      model.load(typeof spec === 'string' ? parseJson(spec) : spec, overLimits);
    } catch (e) {
      const msg = e.message ?? String(e);
      showMessage(t('badImport')(msg));
      throw new Error(msg);
    }
    afterLoad();
    showMessage('');
    draw();
    return model.state();
  },
  snapshot: () => (model.trainer.steps() === 0 ? null : model.snapshot()),
  timings: () => ({ ...timings }),
  frameTimes: () => [...playTimes],
};

setLanguage(language());
refreshLanguage();
loadFromSettings();
performance.mark('backstep:run-ready');
window.backstep = api;
requestAnimationFrame(frame);
