// "What am I looking at?": a short note per panel, opened by a button in the panel's heading
// (a real button with aria-expanded, so the keyboard reaches it). The note sits under the
// heading and pushes the panel's content down; it never covers it.

import { t } from '../i18n/index.js';
import { el } from '../lesson/elements.js';
import { onLanguage } from './events.js';

/** Adds the button and the note to every panel. */
export function initHelp() {
  for (const section of document.querySelectorAll('[data-panel]')) {
    const name = section.dataset.panel;
    const h2 = section.querySelector('h2');
    const note = el('p', '', { id: `note-${name}`, class: 'panel-note', 'data-note': name });
    note.hidden = true;
    const b = el('button', '?', {
      type: 'button',
      class: 'note-btn',
      'aria-expanded': 'false',
      'aria-controls': note.id,
      'data-note-for': name,
    });
    b.addEventListener('click', () => {
      const open = note.hidden;
      note.hidden = !open;
      b.setAttribute('aria-expanded', String(open));
      // Presenter view fits the panels to the window again (the page refits on resize).
      window.dispatchEvent(new Event('resize'));
    });
    h2.append(b);
    h2.after(note);
  }
  const words = () => {
    for (const b of document.querySelectorAll('.note-btn')) {
      b.setAttribute('aria-label', t('noteButton'));
      b.title = t('noteButton');
    }
    for (const p of document.querySelectorAll('.panel-note'))
      p.textContent = t('notes')[p.dataset.note] ?? '';
  };
  words();
  onLanguage(words);
}
