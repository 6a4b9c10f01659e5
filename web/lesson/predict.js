// Predict, then reveal: with the mode on (`data-action="predict"`), before the next update the
// student marks, for a few weights picked out on the network panel (those into the last layer's
// first unit), whether each will grow, shrink or stay; when the update has run, each mark is
// checked against the weight's real change and the reason is written out: the sign of dW (SGD
// moves w against it, by lr·dW; a zero dW leaves it where it is).

import { fmt } from '../draw/colors.js';
import { t } from '../i18n/index.js';
import { onLanguage, onState } from '../stage/events.js';
import { button, el } from './elements.js';

const $ = (id) => document.getElementById(id);
/** Most weights one prediction asks about. */
const MOST = 4;
const MOVES = ['up', 'down', 'same'];

let api = null;
/** {step, weights: [{layer, row, col, mark}], revealed} or null while the mode is off. */
let round = null;

const on = () => $('predict-btn').getAttribute('aria-pressed') === 'true';

/** The weights to ask about: W[i][0] of the last affine layer, the first MOST rows. */
async function pickWeights() {
  const info = await api.runInfo();
  const layer = info.kinds.lastIndexOf('affine');
  const before = info.kinds.slice(0, layer).lastIndexOf('affine');
  const rows = before < 0 ? info.inputs : info.widths[before];
  return Array.from({ length: Math.min(MOST, rows) }, (_, row) => ({
    layer,
    row,
    col: 0,
    mark: null,
  }));
}

/** A new round for the step under way. */
async function arm() {
  const s = api.state();
  round = { step: s.step, weights: await pickWeights(), revealed: null };
  api.highlight(round.weights.map(({ layer, row, col }) => ({ layer, row, col })));
  render();
}

/** The sign of a change: 'up', 'down' or 'same'. */
const moveOf = (d) => (d > 0 ? 'up' : d < 0 ? 'down' : 'same');

/** After the update: each weight's real change against its mark, and why. */
async function reveal() {
  const results = [];
  for (const w of round.weights) {
    const v = await api.weight(w.layer, w.row, w.col);
    results.push({ ...v, dwText: fmt(v.dw, 4), move: moveOf(v.w - v.wBefore) });
  }
  round.revealed = results;
  render();
}

function render() {
  const out = $('predict-out');
  out.hidden = !round;
  if (!round) return;
  const list = el('ul', '', { class: 'predict-list' });
  round.weights.forEach((w, k) => {
    const li = el('li', `layers[${w.layer}].W[${w.row}][${w.col}] `, { 'data-predict': String(k) });
    const got = round.revealed?.[k];
    if (!got) {
      for (const m of MOVES) {
        li.append(
          button(
            t('predictMove')[m],
            () => {
              w.mark = m;
              render();
            },
            { 'aria-pressed': String(w.mark === m), 'data-move': m },
          ),
          ' ',
        );
      }
    } else {
      const right = w.mark === got.move;
      const verdict =
        w.mark == null ? t('predictUnmarked') : right ? t('predictRight') : t('predictWrong');
      li.dataset.result = w.mark == null ? 'unmarked' : right ? 'right' : 'wrong';
      const change = `${fmt(got.wBefore, 4)} → ${fmt(got.w, 4)}`;
      li.append(el('b', `${right ? '✓' : '✗'} ${verdict}`), ` ${change}: ${t('predictWhy')(got)}`);
    }
    list.append(li);
  });
  const head = round.revealed
    ? t('predictRevealed')(round.step + 1)
    : t('predictAsk')(round.step + 1);
  const again = round.revealed
    ? [button(t('predictAgain'), arm, { 'data-predict-again': '' })]
    : [];
  out.replaceChildren(el('p', head), list, ...again);
}

/** The header shows another state: the update of the armed step has run (reveal), or the run
 *  moved elsewhere (a new round for where it is now). */
function changed() {
  if (!round) return;
  const s = api.state();
  if (round.revealed) {
    if (s.step !== round.step + 1) arm();
    return;
  }
  if (s.step === round.step + 1) reveal();
  else if (s.step !== round.step) arm();
}

/** Connects the mode's button. */
export function initPredict(a) {
  api = a;
  const b = $('predict-btn');
  b.addEventListener('click', () => {
    const now = !on();
    b.setAttribute('aria-pressed', String(now));
    if (now) arm();
    else {
      round = null;
      api.highlight([]);
      render();
    }
  });
  onState(changed);
  onLanguage(() => round && render());
}
