// The key list's words in English (the help overlay, web/stage/presenter.js, lists
// web/stage/keys.js's table with them); ja-keys.js has the same keys.

export const KEYS_EN = {
  helpTitle: 'Keyboard shortcuts',
  actions: {
    step: 'one step forward',
    substep: 'the next sub-step',
    back: 'one step back',
    'lesson-play': 'lesson play: the next sub-step every few seconds, on or off',
    play: 'play / pause',
    reset: 'back to step 0',
    present: 'presenter view (large type, one screen)',
    notices: 'the notices and experiments (presenter view)',
    stage: 'network and matrices / loss and maps (presenter view)',
    lang: 'switch language',
    help: 'this list',
  },
};
