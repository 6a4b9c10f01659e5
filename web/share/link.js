// The run's link: writes it into the URL's hash as the run changes (share/hash.js says what the hash
// holds), and opens the run a link describes when the page starts.

import { language, said, setLanguage, t } from '../i18n/index.js';
import { presenting } from '../stage/presenter.js';
import { showMessage } from '../stage/status.js';
import { viewSettings } from '../stage/view.js';
import { applyHides } from './classlink.js';
import { MAX_HASH, readHash, ruleOf, writeHash } from './hash.js';

/** Steps a link replays in one request; more go in chunks of at most CHUNK_MS each. */
const ONE_REQUEST = 100;
const CHUNK_MS = 50;

/** deps: {engine() (the host, or null), shown, act, afterLoad, loadFromSettings,
 *  refreshLanguage, setPlaying(on, tell), compare(info) (shows what the engine compares)}. Returns {link, update(now), open(), refresh(),
 *  linkFor({hide, lock})}. */
export function createShare(deps) {
  const { shown } = deps;
  /** The run's link state: the data set's defaults (to leave them out of the link), the view,
   *  and when the hash was last written. */
  const link = {
    defaults: null,
    lang: null,
    hide: [],
    lock: false,
    writtenAt: -Infinity,
    // The run's optimizer changes up to step `changesAt` ([{step, rule}], midrun.js), and its
    // weight and bias edits ([{step, change}]).
    changes: [],
    edits: [],
    changesAt: 0,
    // The variant the run is compared with ({what, value}), or null.
    vs: null,
  };

  /** Reads the run's events up to its step (as a save holds them) into the link. */
  async function refresh() {
    const at = shown.state?.step ?? 0;
    link.changesAt = at;
    const saved = await deps.engine().request('save');
    link.changesAt = shown.state?.step ?? at;
    const events = saved?.run?.events ?? [];
    link.changes = events
      .filter((e) => e.change.type === 'optimizer')
      .map((e) => ({ step: e.step, rule: e.change.rule }));
    link.edits = events.filter((e) => e.change.type !== 'optimizer');
    update(true);
  }

  /** Writes the run into the URL's hash (at most every 250 ms while playing, unless `now`). */
  function update(now = false) {
    const engine = deps.engine();
    if (!engine || !window.backstep) return;
    const at = performance.now();
    if (!now && shown.playing && at - link.writtenAt < 250) return;
    link.writtenAt = at;
    // Paused at another step (back, seek, reset, a resumed run): the changes are read again.
    if (!shown.playing && (shown.state?.step ?? 0) !== link.changesAt) {
      refresh().catch(() => {});
      return;
    }
    let hash = hashFor(link);
    // Too many edits for a link: it says the run without them, and the page says so.
    if (hash.length > MAX_HASH) {
      hash = hashFor(link, []);
      showMessage(() => t('editsNotInLink'));
    }
    if (hash !== window.location.hash) history.replaceState(null, '', hash || ' ');
  }

  /** The hash of the run as shown, with `hide` and `lock` (the link's own by default) and
   *  `edits` (the run's by default). */
  const hashFor = ({ hide, lock }, edits = link.edits) =>
    writeHash({
      settings: shown.settings,
      defaults: link.defaults,
      step: shown.state.step,
      present: presenting(),
      lang: language(),
      hide,
      lock,
      changes: link.changes,
      edits,
      vs: link.vs,
      showTest: viewSettings().showTest,
      discrete: viewSettings().discretize,
    });

  /** The link of the run once every request made before has been answered (so after
   *  `await step(4)` it holds step 4), with `hide` and `lock` ({} for the link's own). */
  async function linkFor(view = {}) {
    // The save's reply comes after every report sent before it: the state is the current one.
    await refresh();
    const own = { hide: view.hide ?? link.hide, lock: view.lock ?? link.lock };
    const hash = hashFor(own);
    return window.location.href.split('#')[0] + (hash.length > MAX_HASH ? hashFor(own, []) : hash);
  }

  /** `n` steps of a link's replay: in chunks (each under CHUNK_MS where it runs) with the page
   *  answering between them and the message line counting; Pause (the play button shows it
   *  meanwhile) stops them. Resolves to whether all ran. */
  async function replaySteps(n) {
    const engine = deps.engine();
    if (n <= ONE_REQUEST) {
      await engine.request('step', n);
      return true;
    }
    deps.setPlaying(true, false);
    // On the worker where there is one: the page's thread would also draw every chunk.
    if (!engine.held()) await engine.moved;
    performance.mark('backstep:link-replay');
    let done = 0;
    let k = 16;
    engine.command('view', { replaying: true });
    try {
      while (done < n && shown.playing) {
        const m = Math.min(k, n - done);
        const t0 = performance.now();
        const state = await engine.request('step', m);
        done += m;
        if (state?.error) return true;
        showMessage(() => t('linkOpening')(done, n));
        const took = performance.now() - t0;
        k = took < CHUNK_MS / 2 ? k * 2 : took > CHUNK_MS ? Math.max(1, k >> 1) : k;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      engine.command('view', { replaying: false });
      deps.setPlaying(false, false);
    }
    showMessage(done < n ? () => t('linkStopped')(done, n) : '');
    return done >= n;
  }

  /** Opens the run a link describes; a bad link shows why and keeps the defaults. */
  async function open() {
    const engine = deps.engine();
    let wanted;
    try {
      wanted = readHash(window.location.hash);
    } catch (e) {
      showMessage(() => t('badLink')(said(e)));
      return;
    }
    if (!wanted) return;
    link.hide = wanted.hide;
    link.lock = wanted.lock && wanted.hide.length > 0;
    applyHides(link.hide, link.lock);
    if (wanted.lang) {
      link.lang = wanted.lang;
      setLanguage(wanted.lang);
      deps.refreshLanguage();
    }
    if (wanted.present) deps.act('present');
    document.getElementById('show-test').checked = wanted.showTest;
    document.getElementById('discretize').checked = wanted.discrete;
    engine.command('view', viewSettings());
    try {
      deps.afterLoad(await engine.request('preset', wanted.settings));
      // The variant first: it then follows the replay step by step.
      if (wanted.vs) deps.compare(await engine.request('compare', wanted.vs));
      // The optimizer changes and the edits, each at its step, then on to the link's step.
      const events = [...wanted.changes, ...wanted.edits].sort((a, b) => a.step - b.step);
      let at = 0;
      for (const c of events) {
        if (c.step > at && !(await replaySteps(c.step - at))) return;
        at = c.step;
        if (c.change) {
          await engine.request('edit', { what: c.change.type, ...c.change });
          continue;
        }
        const rule = ruleOf(c.type, c.lr, shown.settings);
        await engine.request('edit', { what: 'optimizer', rule });
        deps.form.elements.lr.value = String(c.lr);
        deps.form.elements.optimizer.value = c.type;
      }
      if (wanted.step > at) await replaySteps(wanted.step - at);
    } catch (e) {
      // The form's run comes back first: loading it clears the message line.
      await deps.loadFromSettings();
      showMessage(() => t('badLink')(said(e)));
    }
  }
  return { link, update, open, refresh, linkFor };
}
