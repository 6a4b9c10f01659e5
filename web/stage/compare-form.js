// The comparison's controls (the panel "two runs side by side"): what the variant changes and
// to what (a menu of the wasm's choices, or a number), Compare and Stop; then what the engine
// says it compares, under them, in the link and as the page's `comparing` class (the canvas
// shows only then; presenter view's second stage shows the panel then).

import { choices } from '../../pkg/backstep_wasm.js';
import { said, t } from '../i18n/index.js';
import { CHANGES } from '../share/hash.js';
import { onLanguage, onRun } from './events.js';
import { shown } from './status.js';

const $ = (id) => document.getElementById(id);

/** What the engine last said it compares ({change, step, diverged} or {change: null, ended}). */
let info = { change: null, ended: null };
/** {engine(), share(), refit(), showFailure(e)}, once the wasm runs (initCompare). */
let d = null;

/** Compares the run with a variant ({what, value}) or stops (null), and shows the answer;
 *  resolves to it (the automation API's `compare`). */
export async function compareWith(change) {
  const next = await d.engine().request('compare', change);
  showCompared(next);
  return next;
}

/** Starts comparing with the variant the controls say (`on`), or stops. */
export function compareFromForm(on) {
  let change = null;
  if (on) {
    const what = $('compare-what').value;
    const raw = $('compare-value').value;
    change = { what, value: what === 'lr' || what === 'seed' ? Number(raw) : raw };
  }
  compareWith(change).catch((e) => d.showFailure(e));
}

/** Shows what the engine compares. */
export function showCompared(next) {
  info = next;
  const on = info.change != null;
  d.share().link.vs = info.change;
  document.documentElement.classList.toggle('comparing', on);
  document.querySelector('[data-action="compare-stop"]').hidden = !on;
  render();
  d.refit();
  d.share().update(true);
}

function render() {
  const c = info.change;
  const weights = c && c.what !== 'init' && c.what !== 'seed';
  $('compare-status').textContent = c
    ? info.diverged
      ? t('compareDiverged')(said({ message: info.diverged, say: info.divergedSay }))
      : t('compareOn')(t('compareNames')[c.what], c.value, weights)
    : info.ended === 'edit'
      ? t('compareEnded')
      : info.ended || t('compareHint');
}

/** Fills the controls and listens to the page (deps: {engine(), share(), refit(),
 *  showFailure(e)}). */
export function initCompare(deps) {
  d = deps;

  /** The value control for `what`: a menu of the other choices, or a number field. */
  function valueControl() {
    const what = $('compare-what').value;
    const current = shown.settings?.[what];
    let control;
    if (what === 'lr' || what === 'seed') {
      control = Object.assign(document.createElement('input'), {
        type: 'number',
        step: 'any',
        min: '0',
        value: String(what === 'lr' && current ? current * 10 : (current ?? 0) + 1),
      });
    } else {
      control = document.createElement('select');
      for (const c of choices(what)) {
        const o = Object.assign(document.createElement('option'), { value: c, textContent: c });
        control.append(o);
      }
      const other = choices(what).find((c) => c !== current);
      if (other) control.value = other;
    }
    control.id = 'compare-value';
    $('compare-value-slot').replaceChildren(control);
  }

  function fillWhat() {
    const menu = $('compare-what');
    const chosen = menu.value || CHANGES[0];
    menu.replaceChildren(
      ...CHANGES.map((c) =>
        Object.assign(document.createElement('option'), {
          value: c,
          textContent: t('compareNames')[c],
        }),
      ),
    );
    menu.value = chosen;
  }

  $('compare-what').addEventListener('change', valueControl);
  fillWhat();
  valueControl();
  render();
  onLanguage(() => {
    fillWhat();
    render();
  });
  onRun(valueControl);
}
