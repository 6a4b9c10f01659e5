// The link for the class: a dialog that makes the run's link with what it hides (share/hash.js's one
// list, HIDES) and a lock; and what an opened link does to the page: hides those controls and,
// locked, disables them and refuses their actions (keys included), saying so in the page.

import { t } from '../i18n/index.js';
import { HIDEABLE, HIDES } from './hash.js';

const $ = (id) => document.getElementById(id);
/** What the opened link hides, and whether it locks it. */
const applied = { hide: [], lock: false };
let watcher = null;

/** Hides (and, locked, disables) the elements of every name in `hide` now, and shows again
 *  those of the names not in it. */
function mark() {
  for (const name of HIDEABLE) {
    const on = applied.hide.includes(name);
    for (const node of document.querySelectorAll(HIDES[name].sel)) {
      node.classList.toggle('hidden-by-link', on);
      const controls = node.matches('button, select, input') ? [node] : [];
      controls.push(...node.querySelectorAll('button, select, input'));
      for (const c of controls) {
        if (on && applied.lock) {
          c.disabled = true;
          c.dataset.lockedByLink = '';
        } else if (c.dataset.lockedByLink != null) {
          c.disabled = false;
          delete c.dataset.lockedByLink;
        }
      }
    }
  }
}

/** Applies a link's `hide` names and `lock` to the page (a new link replaces the last). */
export function applyHides(hide, lock) {
  applied.hide = [...hide];
  applied.lock = Boolean(lock) && hide.length > 0;
  mark();
  // Controls drawn later (a notice's experiment buttons) are hidden as they come.
  if (applied.hide.length && !watcher) {
    watcher = new MutationObserver(() => {
      if (applied.hide.length) mark();
    });
    watcher.observe(document.body, { childList: true, subtree: true });
  }
  showLocked();
}

/** The names a locked link refuses the action of (none when unlocked). */
function lockedBy(action) {
  if (!applied.lock) return null;
  return applied.hide.find((n) => HIDES[n].actions.includes(action)) ?? null;
}

/** Whether a toolbar action (a click or a key) may run; a locked one says why in `say`. */
export function allowed(action, say) {
  const name = lockedBy(action);
  if (name == null) return true;
  say(() => t('lockedAction')(t('hideNames')[name]));
  return false;
}

/** Whether a locked link hides `name` (the settings, say: their experiments are refused). */
export const isLocked = (name) => applied.lock && applied.hide.includes(name);

/** The line that says what this link locks, in the current language (hidden when nothing). */
export function showLocked() {
  const note = $('locked');
  if (!note) return;
  const names = applied.lock ? applied.hide.map((n) => t('hideNames')[n]) : [];
  note.textContent = names.length ? t('lockedNote')(names.join(t('listJoin'))) : '';
  note.hidden = names.length === 0;
}

/** The dialog that makes the class link; `linkFor({hide, lock})` resolves to the URL. */
export function openClassLink(linkFor) {
  let dialog = $('class-link');
  if (!dialog) dialog = build(linkFor);
  fill(dialog);
  dialog.showModal();
  return refreshLink(dialog, linkFor);
}

/** The choices the dialog's boxes hold now. */
function chosen(dialog) {
  const hide = HIDEABLE.filter((n) => dialog.querySelector(`[data-hide="${n}"]`).checked);
  return { hide, lock: dialog.querySelector('[data-lock]').checked };
}

async function refreshLink(dialog, linkFor) {
  const url = await linkFor(chosen(dialog));
  dialog.querySelector('[data-class-url]').value = url;
  return url;
}

function make(tag, attrs = {}, text = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.textContent = text;
  return e;
}

/** A labelled checkbox; its words are filled by `fill`. */
function box(attrs) {
  const label = make('label', { class: 'inline' });
  label.append(make('input', { type: 'checkbox', ...attrs }), ' ', make('span'));
  return label;
}

function build(linkFor) {
  const dialog = make('dialog', { id: 'class-link', 'aria-labelledby': 'class-link-title' });
  const hides = make('fieldset', { class: 'class-hides' });
  hides.append(make('legend'));
  for (const name of HIDEABLE) hides.append(box({ 'data-hide': name }));
  const url = make('input', { type: 'text', readonly: '', 'data-class-url': '', size: '50' });
  const urlLabel = make('label', { class: 'class-url' });
  urlLabel.append(make('span'), ' ', url);
  const copy = make('button', { type: 'button', 'data-class-copy': '' });
  const said = make('span', { 'data-class-said': '', role: 'status' });
  const close = make('form', { method: 'dialog' });
  close.append(make('button', { type: 'submit', 'data-class-close': '' }));
  const row = make('p');
  row.append(copy, ' ', said);
  dialog.append(make('h2', { id: 'class-link-title' }), hides, box({ 'data-lock': '' }));
  dialog.append(make('p', { class: 'hint', 'data-class-hint': '' }), urlLabel, row, close);
  dialog.addEventListener('change', () => {
    said.textContent = '';
    refreshLink(dialog, linkFor);
  });
  copy.addEventListener('click', async () => {
    url.select();
    try {
      await navigator.clipboard.writeText(url.value);
      said.textContent = t('classCopied');
    } catch {
      // No clipboard (an insecure page, a refusal): the link stays selected to copy by hand.
      said.textContent = t('classCopyByHand');
    }
  });
  document.body.append(dialog);
  return dialog;
}

/** The dialog's words in the current language. */
function fill(dialog) {
  const words = t('hideNames');
  dialog.querySelector('h2').textContent = t('classTitle');
  dialog.querySelector('legend').textContent = t('classHide');
  for (const name of HIDEABLE)
    dialog.querySelector(`[data-hide="${name}"]`).nextSibling.nextSibling.textContent = words[name];
  dialog.querySelector('[data-lock]').nextSibling.nextSibling.textContent = t('classLock');
  dialog.querySelector('[data-class-hint]').textContent = t('classHint');
  dialog.querySelector('.class-url span').textContent = t('classUrl');
  dialog.querySelector('[data-class-copy]').textContent = t('classCopy');
  dialog.querySelector('[data-class-close]').textContent = t('close');
  dialog.querySelector('[data-class-said]').textContent = '';
}
