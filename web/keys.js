// The keyboard: one table of shortcuts (the help overlay lists the same table), bound on the
// document so they work whatever button was clicked last. Only fields that take typing keep
// their keys (text inputs, menus, the timeline's slider, a focused loss curve's arrows), and a
// focused button keeps Space and Enter, which press it.

/** Each shortcut: the keys (as `KeyboardEvent.key`, `Shift+` for a shifted arrow) and the
 *  toolbar action they run. PageUp / PageDown are what a presentation clicker sends. */
export const SHORTCUTS = [
  { keys: ['→', 'PageDown', 'Space'], action: 'step' },
  { keys: ['Shift+→', 'S'], action: 'substep' },
  { keys: ['←', 'PageUp'], action: 'back' },
  { keys: ['P'], action: 'play' },
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
const TYPING = ['text', 'number', 'search', 'email', 'url', 'password', 'range'];

/** Whether the focused element needs this key itself. */
function keepsKey(target, e) {
  const tag = target?.tagName ?? '';
  if (tag === 'TEXTAREA' || target?.isContentEditable) return true;
  if (tag === 'INPUT') return TYPING.includes(target.type || 'text');
  if (tag === 'SELECT')
    return e.key.startsWith('Arrow') || e.key.startsWith('Page') || e.key === ' ';
  if (tag === 'BUTTON') return e.key === ' ' || e.key === 'Enter';
  return false;
}

/** Runs `act(action)` for every shortcut pressed outside a field that keeps its keys. */
export function bindKeys(act) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (keepsKey(e.target, e)) return;
    const action = ACTIONS.get(name(e));
    if (!action) return;
    e.preventDefault();
    act(action);
  });
}
