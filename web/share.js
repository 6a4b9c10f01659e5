// The run's link: writes it into the URL's hash as the run changes (url.js says what the hash
// holds), and opens the run a link describes when the page starts.

import { inLanguage } from './corewords.js';
import { language, setLanguage, t } from './i18n.js';
import { presenting } from './present.js';
import { showMessage } from './status.js';
import { readHash, writeHash } from './url.js';

/** deps: {engine() (the host, or null), shown, act, afterLoad, loadFromSettings,
 *  refreshLanguage}. Returns {link, update(now), open()}. */
export function createShare(deps) {
  const { shown } = deps;
  /** The run's link state: the data set's defaults (to leave them out of the link), the view,
   *  and when the hash was last written. */
  const link = { defaults: null, lang: null, hide: [], writtenAt: -Infinity };

  /** Writes the run into the URL's hash (at most every 250 ms while playing, unless `now`). */
  function update(now = false) {
    const engine = deps.engine();
    if (!engine || !window.backstep) return;
    const at = performance.now();
    if (!now && shown.playing && at - link.writtenAt < 250) return;
    link.writtenAt = at;
    const hash = writeHash({
      settings: shown.settings,
      defaults: link.defaults,
      step: shown.state.step,
      present: presenting(),
      lang: language(),
      hide: link.hide,
    });
    if (hash !== window.location.hash) history.replaceState(null, '', hash || ' ');
  }

  /** Opens the run a link describes; a bad link shows why and keeps the defaults. */
  async function open() {
    const engine = deps.engine();
    let wanted;
    try {
      wanted = readHash(window.location.hash);
    } catch (e) {
      showMessage(() => t('badLink')(inLanguage(e.message)));
      return;
    }
    if (!wanted) return;
    link.hide = wanted.hide;
    for (const h of wanted.hide) document.documentElement.classList.add(`hide-${h}`);
    if (wanted.lang) {
      link.lang = wanted.lang;
      setLanguage(wanted.lang);
      deps.refreshLanguage();
    }
    if (wanted.present) deps.act('present');
    try {
      deps.afterLoad(await engine.request('preset', wanted.settings));
      if (wanted.step > 0) await engine.request('step', wanted.step);
    } catch (e) {
      // The form's run comes back first: loading it clears the message line.
      await deps.loadFromSettings();
      showMessage(() => t('badLink')(inLanguage(e.message)));
    }
  }
  return { link, update, open };
}
