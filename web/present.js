// Presenter view and the help overlay. Presenter view is for a projector (1280×720 and up):
// the settings fold away, the panels draw 1.3× larger (14 px canvas text shows at 18 px), and
// the network, the active layer's matrices and the loss curve share one screen; the gates,
// boundary and neuron maps follow below. The help overlay lists the keyboard's shortcuts.

import { t } from './i18n.js';
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

/**
 * The zoom and the most CSS height of each canvas: in presenter view the network and the loss
 * curve share the left column's height and the matrices take the right column's, so the three
 * fit between the toolbar and the bottom of the window; otherwise no limit.
 */
export function fitting() {
  if (!presenting()) return { zoom: 1, most: {} };
  const panels = document.querySelector('.panels');
  const top = panels.getBoundingClientRect().top + window.scrollY;
  const free = window.innerHeight - top;
  // What a panel adds around its canvas: what stands above it (its heading), what follows it
  // (a read-out), and its padding and border below. (Not its height less the canvas's: the
  // grid stretches a panel to its row.)
  const around = (name) => {
    const section = document.querySelector(`[data-panel="${name}"]`);
    const canvas = section.querySelector('canvas');
    const above = canvas.getBoundingClientRect().top - section.getBoundingClientRect().top;
    const below = [...section.children]
      .filter((el) => el.compareDocumentPosition(canvas) & Node.DOCUMENT_POSITION_PRECEDING)
      .reduce((sum, el) => sum + el.offsetHeight, 0);
    const style = getComputedStyle(section);
    return (
      above +
      below +
      Number.parseFloat(style.paddingBottom) +
      Number.parseFloat(style.borderBottomWidth)
    );
  };
  const pad = Number.parseFloat(getComputedStyle(panels).paddingTop) * 2;
  const gap = Number.parseFloat(getComputedStyle(panels).rowGap) || 0;
  const explain = document.querySelector('[data-panel="explain"]').offsetHeight + gap;
  const left = free - explain - pad - gap - around('network') - around('loss');
  return {
    zoom: PRESENTER_ZOOM,
    most: {
      network: Math.max(120, Math.floor(left * 0.55)),
      loss: Math.max(100, Math.floor(left * 0.45)),
      matrices: Math.max(200, Math.floor(free - explain - pad - around('matrices'))),
    },
  };
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
