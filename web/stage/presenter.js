// Presenter view and the help overlay. Presenter view is a stage for a projector (1280×720,
// 1024×768): the settings fold away, the panels draw 1.3× larger (14 px canvas text shows at 18
// px), and the network and the phase's matrices fill the screen under the formula (stage.css);
// the notices are a drawer, the loss curve and the maps a second stage. The help overlay lists
// the keyboard's shortcuts.

import { t } from '../i18n/index.js';
import { SHORTCUTS } from './keys.js';

/** How much larger the panels draw in presenter view. */
export const PRESENTER_ZOOM = 1.3;

/** Whether presenter view is on. */
export function presenting() {
  return document.documentElement.classList.contains('presenter');
}

/** Turns presenter view on or off (the caller then sends the engine the new geometry). */
export function setPresenting(on) {
  document.documentElement.classList.toggle('presenter', on);
  document.querySelector('[data-action="present"]')?.setAttribute('aria-pressed', String(on));
}

/** What a panel adds below its canvas: what follows it (a read-out), its padding and border,
 *  and the panels' padding under it. (Not its height less the canvas's: the grid stretches a
 *  panel to its row.) */
function below(section, canvas) {
  const after = [...section.children]
    .filter((el) => el.compareDocumentPosition(canvas) & Node.DOCUMENT_POSITION_PRECEDING)
    .reduce((sum, el) => sum + el.offsetHeight, 0);
  const style = getComputedStyle(section);
  const panels = getComputedStyle(section.parentElement);
  return (
    after +
    Number.parseFloat(style.paddingBottom) +
    Number.parseFloat(style.borderBottomWidth) +
    Number.parseFloat(panels.paddingBottom) +
    1
  );
}

/** The height of the panels under `panel` in its column of the grid, with the gaps between. */
function stackedUnder(panel) {
  const r = panel.getBoundingClientRect();
  const gap = Number.parseFloat(getComputedStyle(panel.parentElement).rowGap) || 0;
  return [...panel.parentElement.children]
    .filter((p) => p !== panel && p.getClientRects().length)
    .map((p) => p.getBoundingClientRect())
    .filter((q) => q.top >= r.bottom - 1 && q.left < r.right && r.left < q.right)
    .reduce((sum, q) => sum + q.height + gap, 0);
}

/** The canvases presenter view fits to the window: the stage's, and the second stage's (the
 *  gates keep the height of their masks; comparing, the two runs'). */
const FITTED = ['network', 'matrices', 'loss', 'boundary', 'neurons', 'compare'];

/**
 * The zoom and the most CSS height of each canvas: in presenter view each canvas of the stage
 * (and of the second stage) takes the height from its top to the bottom of the window, less
 * what its panel shows below it and the panels under it in its column (the engine fits its
 * drawing into it); otherwise no limit.
 */
export function fitting() {
  if (!presenting()) return { zoom: 1, most: {} };
  const most = {};
  // A phone's one column scrolls (stage.css): no height to fit.
  if (window.matchMedia('(max-width: 700px)').matches) return { zoom: PRESENTER_ZOOM, most };
  for (const name of FITTED) {
    const canvas = document.getElementById(`c-${name}`);
    if (!canvas.getClientRects().length) continue;
    const panel = canvas.closest('.panel');
    const top = canvas.getBoundingClientRect().top + window.scrollY;
    const free = window.innerHeight - top - below(panel, canvas) - stackedUnder(panel);
    most[name] = Math.max(100, Math.floor(free));
  }
  return { zoom: PRESENTER_ZOOM, most };
}

/**
 * The stage's own actions (and the help overlay's): 'notices' opens or closes the drawer,
 * 'stage' swaps the network and matrices for the loss curve and the maps. Returns whether it
 * was one of them and the panels need fitting again.
 */
export function stageAction(action) {
  const root = document.documentElement;
  if (action === 'help') toggleHelp();
  else if (action === 'notices') {
    const open = root.classList.toggle('drawer-open');
    document.getElementById('drawer-btn').setAttribute('aria-expanded', String(open));
    return false;
  } else if (action === 'stage') {
    const on = root.classList.toggle('stage2');
    document.querySelector('[data-action="stage"]').setAttribute('aria-pressed', String(on));
    return true;
  }
  return false;
}

/** Fills the help overlay's list of keys in the current language. */
export function fillHelp() {
  const list = document.getElementById('help-keys');
  list.replaceChildren(
    ...SHORTCUTS.flatMap(({ keys, action }) => {
      const dt = document.createElement('dt');
      dt.textContent = keys.join(' / ');
      const dd = document.createElement('dd');
      dd.textContent = t('actions')[action];
      return [dt, dd];
    }),
  );
}

/** Opens the help overlay, or closes it if it is open. */
export function toggleHelp() {
  const dialog = document.getElementById('help');
  if (dialog.open) {
    dialog.close();
    return;
  }
  fillHelp();
  dialog.showModal();
}
