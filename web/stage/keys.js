// The keyboard: one table of shortcuts (the help overlay lists the same table), bound on the
// document so they win over whatever control was clicked last (a clicker's PageDown is always
// Step). Only text fields keep every key; a menu keeps ↑ ↓ Space Enter Home End, a button or a
// checkbox Space and Enter, the timeline's slider its arrows while a modifier is held, and the
// loss curve (focused from the keyboard) its ← → read-out.

/** Each shortcut: the keys (as `KeyboardEvent.key`, `Shift+` for a shifted arrow) and the
 *  toolbar action they run. PageUp / PageDown are what a presentation clicker sends. */
export const SHORTCUTS = [
  { keys: ['→', 'PageDown', 'Space'], action: 'step' },
  { keys: ['Shift+→', 'S'], action: 'substep' },
  { keys: ['←', 'PageUp'], action: 'back' },
  { keys: ['P'], action: 'play' },
  { keys: ['A'], action: 'lesson-play' },
  { keys: ['R'], action: 'reset' },
  { keys: ['F'], action: 'present' },
  { keys: ['N'], action: 'notices' },
  { keys: ['G'], action: 'stage' },
  { keys: ['L'], action: 'lang' },
  { keys: ['?'], action: 'help' },
];

/** A key event's name as the table writes it. */
function name(e) {
  const base = { ArrowRight: '→', ArrowLeft: '←', ' ': 'Space' }[e.key] ?? e.key;
  const shown = base.length === 1 ? base.toUpperCase() : base;
  return e.shiftKey && (base === '→' || base === '←') ? `Shift+${shown}` : shown;
}

const ACTIONS = new Map(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action])));
/** Inputs that take typing keep every key. */
const TYPING = ['text', 'number', 'search', 'email', 'url', 'password'];
/** Controls that a press of Space or Enter works (a button, a checkbox, a file chooser). */
const PRESSED = ['checkbox', 'radio', 'file', 'button', 'submit', 'reset', 'color'];
/** What a menu keeps: ↑ ↓ (its choices), Space and Enter (opening it), Home and End. The
 *  clicker's keys (→ ← PageDown PageUp) and the letters reach the table. */
const MENU_KEYS = ['ArrowUp', 'ArrowDown', ' ', 'Enter', 'Home', 'End'];
/** The timeline's slider keeps its own keys only while a modifier is held (Ctrl/Alt/⌘ + an
 *  arrow, Home, End): a plain arrow or Home after a click on it is the table's, or nothing. */
const SLIDER_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

/** Whether the focused element needs this key itself (text fields keep every key). */
function keepsKey(target, e) {
  const tag = target?.tagName ?? '';
  if (tag === 'TEXTAREA' || target?.isContentEditable) return true;
  const type = tag === 'INPUT' ? target.type || 'text' : '';
  if (TYPING.includes(type)) return true;
  if (tag === 'SELECT') return MENU_KEYS.includes(e.key);
  if (tag === 'BUTTON' || tag === 'SUMMARY' || PRESSED.includes(type))
    return e.key === ' ' || e.key === 'Enter';
  return false;
}

/** Whether a modal dialog other than the key list is open: its controls, not the run, take
 *  the keys then. */
const inDialog = () =>
  [...document.querySelectorAll('dialog[open]')].some(
    (d) => d.id !== 'help' && d.matches(':modal'),
  );

/** Runs `act(action)` for every shortcut pressed outside a field that keeps its keys, whatever
 *  control was clicked last (a button, a menu, a checkbox, the timeline's slider). */
export function bindKeys(act) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (keepsKey(e.target, e) || inDialog()) return;
    const action = ACTIONS.get(name(e));
    const slider = e.target?.type === 'range';
    if (!action) {
      // A plain arrow, Home or End on the slider moves nothing (the modifier keeps them).
      if (slider && SLIDER_KEYS.includes(e.key)) e.preventDefault();
      return;
    }
    e.preventDefault();
    act(action);
  });
}
