// The page's side (main.js starts it). It compiles the wasm and starts the run where it lives
// first, on this thread (handover.js moves it to a worker after the first frames; from then on
// a frame costs this thread almost nothing). Here: the toolbar, settings and keyboard, what the
// engine reports (status.js), and the automation API `window.backstep`.

import init, { defaults, page_limits, settings_table } from '../../pkg/backstep_wasm.js';
import { createApi } from '../api.js';
import { createHost } from '../engine/handover.js';
import { pageLimits } from '../engine/limits.js';
import { createMidRun } from '../engine/midrun.js';
import { compileFull, compileWasm, inlineWasm, startsWithTools } from '../engine/wasm.js';
import { applyLanguage, language, said, setLanguage, t } from '../i18n/index.js';
import { initLesson, rerenderLesson, showLesson } from '../lesson/formula.js';
import { showLocked } from '../share/classlink.js';
import { bindImport } from '../share/files.js';
import { readsCore } from '../share/hash.js';
import { parseJson } from '../share/json.js';
import { createShare } from '../share/link.js';
import { createActions } from './actions.js';
import { compareFromForm, compareWith, initCompare, showCompared } from './compare-form.js';
import { apiReady, emit } from './events.js';
import { initFold, restoreFold, showSummary } from './fold.js';
import { bindKeys } from './keys.js';
import { initLessonPlay, stopLessonPlay } from './lessonplay.js';
import { afterPaint, reveal } from './onscreen.js';
import { fillHelp, presenting } from './presenter.js';
import {
  bindLossCursor,
  bindMatrixCursor,
  fillChoices,
  fillSelectors,
  readSettings,
  showSettings,
} from './settings-form.js';
import {
  messageNow,
  renderStatus,
  rerenderMessage,
  showFrame,
  showMessage,
  shown,
} from './status.js';
import { initTask } from './task.js';
import {
  CANVASES,
  firstGeometry,
  refitter,
  sendGeometry,
  startGeometry,
  viewSettings,
  watchLayout,
} from './view.js';

const $ = (id) => document.getElementById(id);
const form = $('settings');
/** Where the run lives (handover.js); null until the wasm runs. */
let engine = null;

/** What an engine reports unasked: a drawn frame, a step that went non-finite, an error. */
function onReport(report, fromWorker) {
  if (report.type === 'frame') {
    // A divergence's line shows only while the run is at a diverged step (not after a seek back
    // or an edit such as a new learning rate).
    if (!report.state.error && messageNow()?.diverged) showMessage('');
    const wrote = showFrame(report);
    if (report.first && !fromWorker) performance.mark('backstep:first-frame');
    // The rest of the text changes with the header's (every 250 ms at most while playing).
    if (!wrote) return;
    showLesson(report);
    if (presenting()) sendGeometry(engine);
    $('rate').textContent = report.rate ? t('rate')(report.rate) : '';
    Object.assign($('timeline'), { max: report.furthest, value: report.state.step });
    updateHash();
  } else if (report.type === 'diverged' || report.type === 'rebuilt') {
    setPlaying(false, false);
    stopLessonPlay();
    const { failure, detail } = report;
    const line = () => (failure || detail ? t('diverged')(failure ?? detail) : t('rebuilt'));
    showMessage(Object.assign(line, { diverged: report.type === 'diverged' }));
  } else if (report.type === 'error') {
    showMessage(report.detail);
  } else if (report.type === 'compared') showCompared(report.info);
}

/** The play button's label and pressed state; `tell` also tells the engine. */
function setPlaying(on, tell = true) {
  shown.playing = on;
  // Stopped: the header shows the latest report at once (it may have skipped some).
  if (!on) renderStatus();
  if (tell) engine?.command('play', on);
  const b = document.querySelector('[data-action="play"]');
  b.textContent = on ? t('btnPause') : t('btnPlay');
  b.setAttribute('aria-pressed', String(on));
}

/** Fills the layer and sample selectors for a new run ({kinds, rows, sample} from the engine). */
function afterLoad(run, fromForm = false) {
  shown.kinds = run.kinds;
  shown.settings = run.settings;
  if (run.settings) {
    // A run the form asked for leaves the form alone: it may have been edited since.
    if (!fromForm) showSettings(form, run.settings);
    share.link.defaults = defaults(run.settings.dataset);
  }
  fillSelectors(run);
  showSummary(form);
  renderStatus();
  emit('run', run);
  // The link follows the new run's settings now (its first frame may have come before them).
  updateHash(true);
}

/** Builds a run from the settings form (with a fresh seed if `fresh`); a bad setting shows a
 *  message and keeps the old run. */
async function loadFromSettings(fresh = false) {
  // Loading pauses; the engine pauses when it gets the request, so a Play pressed before the
  // reply still counts.
  setPlaying(false, false);
  try {
    const run = await engine.request(fresh ? 'seed' : 'preset', readSettings(form));
    if (fresh) form.elements.seed.value = String(run.seed);
    afterLoad(run, true);
    showMessage('');
  } catch (e) {
    showMessage(() => t('badSetting')(said(e)));
  }
}

const refit = refitter(() => engine);
const refitAsMoved = refitter(() => engine, false);

/** Shows a failed request's reason (a stopped worker, say). */
const showFailure = (e) => showMessage(said(e));

const act = createActions({
  engine: () => engine,
  api: () => api,
  share: () => share,
  setPlaying,
  loadFromSettings,
  refit,
  refreshLanguage,
  showFailure,
  compare: compareFromForm,
});

function refreshLanguage() {
  applyLanguage();
  engine?.command('lang', language());
  $('lang').textContent = language() === 'ja' ? 'English' : '日本語';
  if (engine) $('limits').textContent = t('limits')(pageLimits());
  showSummary(form);
  if ($('help').open) fillHelp();
  rerenderMessage();
  rerenderLesson();
  showLocked();
  updateHash(true);
  setPlaying(shown.playing, false);
  renderStatus();
  emit('language', language());
}

const share = createShare({
  engine: () => engine,
  shown,
  form,
  act,
  afterLoad,
  loadFromSettings,
  refreshLanguage,
  setPlaying,
  compare: showCompared,
});
const updateHash = share.update;
const midRun = createMidRun({ engine: () => engine, shown, form, loadFromSettings, share });

const api = createApi({
  engine: {
    request: (op, args) => engine.request(op, args),
    where: () => engine.where(),
    hold: (on) => engine.hold(on),
    get moved() {
      return engine.moved;
    },
  },
  shown,
  setPlaying,
  edited: () => share.refresh().catch(() => {}),
  url: () => share.linkFor(),
  compare: compareWith,
  classLink: (view) => share.linkFor(view),
  reset: () => {
    setPlaying(false, false);
    showMessage('');
    return engine.request('reset');
  },
  load: async (spec) => {
    setPlaying(false, false);
    try {
      afterLoad(await engine.request('load', typeof spec === 'string' ? parseJson(spec) : spec));
    } catch (e) {
      showMessage(() => t('badImport')(said(e)));
      throw new Error(e.message);
    }
    showMessage(shown.settings ? '' : () => t('notInLink'));
    return shown.state;
  },
});

/** Binds the canvases' own listeners: at start, and again on the canvases the worker brings. */
function bindCanvases() {
  // The loss curve's read-out, and a heatmap's cell under the pointer.
  bindLossCursor($('c-loss'), (move) => engine.command('cursor', move));
  bindMatrixCursor($('c-matrices'), (at) => engine.command('view', { matrixCursor: at }));
}

function wire() {
  for (const b of document.querySelectorAll('[data-action]'))
    b.addEventListener('click', () => act(b.dataset.action));
  $('timeline').addEventListener('change', (e) => {
    api.seek(Number(e.target.value)).catch(showFailure);
  });
  form.addEventListener('change', (e) => midRun.change(e.target.name));
  initFold(form, refitAsMoved);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    loadFromSettings();
  });
  for (const id of ['show-grads', 'sample', 'log-scale', 'matrix-layer', 'speed']) {
    $(id).addEventListener('change', () => engine.command('view', viewSettings()));
  }
  initTask({ form, engine: () => engine, updateHash });
  bindImport($('import'), api.load, (err) => showMessage(() => t('badImport')(said(err))));
  initLessonPlay({ substep: () => engine.request('substep'), fail: showFailure });
  // A link pasted into this tab's address bar opens its run (the page's own writes of the hash
  // do not fire this event).
  window.addEventListener('hashchange', () => share.open());
  watchLayout(() => engine, refit);
  bindCanvases();
  bindKeys(act);
}

/** Compiles the first wasm module, starts the engine on this thread with the first run, then
 *  gives the worker the full module; or shows why this browser cannot run the page. */
async function boot() {
  setLanguage(language());
  refreshLanguage();
  try {
    const { memory } = await init({ module_or_path: await compileWasm() });
    readsCore({ settings_table, page_limits });
    // Shown (so laid out, the fold as last left) just before the first frame is drawn, in the
    // same task: the browser lays the page out once and never paints it empty.
    restoreFold();
    reveal();
    const canvases = Object.fromEntries(CANVASES.map((n) => [n, $(`c-${n}`)]));
    engine = createHost(
      memory,
      { canvases, geometry: firstGeometry(), lang: language(), view: viewSettings() },
      {
        onReport,
        canvases: () => CANVASES.map((n) => $(`c-${n}`)),
        workerSetup: () => ({
          geometry: startGeometry(),
          lang: language(),
          view: { ...viewSettings(), playing: shown.playing },
        }),
        onCanvases: bindCanvases,
        tools: { has: startsWithTools, full: compileFull },
      },
    );
    engine.hold(Boolean(window.backstepHoldWorker));
    fillChoices(form);
    applyLanguage();
    showSettings(form, defaults('xor'));
    $('limits').textContent = t('limits')(pageLimits());
  } catch (e) {
    reveal();
    showMessage(() => t('noWasm')(e.message ?? String(e)));
    throw e;
  }
  performance.mark('backstep:wasm-ready');
  initCompare({ engine: () => engine, share: () => share, refit, showFailure });
  initLesson((op, args) => engine.request(op, args), form, loadFromSettings);
  wire();
  await loadFromSettings();
  window.backstep = api;
  apiReady(api);
  // Once the first frame is on screen (its paint needs the cores), the panels below the window
  // and the worker; a link opens at once. From file:// the worker takes the module's bytes.
  afterPaint().then(() => {
    engine.command('painted');
    engine.startWorker(
      inlineWasm ? { bytes: inlineWasm } : compileFull().then((m) => ({ module: m })),
    );
  });
  await share.open();
  performance.mark('backstep:run-ready');
}

boot();
