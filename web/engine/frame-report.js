// What one drawn frame tells the page (no DOM: built wherever the run lives): the state, the
// test loss, the loss read-out, the furthest step, the pace, and (paused) the lesson text, the
// notices and the text alternatives, with the CSS heights the panels chose when they changed.

import { takeHeights } from '../draw/colors.js';
import { describePanels } from '../draw/describe.js';
import { explain } from '../lesson/explain.js';

/** The report for `state` of `model` drawn with `view`; `ui`: the engine's {readout, first}
 *  (first is cleared), `rate()` the steps per second, `names` each canvas's panel name. */
export function frameReport(model, view, state, { ui, rate, names }) {
  const busy = view.playing || view.replaying;
  const message = {
    type: 'frame',
    state,
    testLoss: model.testLoss(),
    readout: ui.readout,
    furthest: model.furthest(),
    rate: view.playing ? rate() : null,
    // The lesson text, notices, text alternatives: not while playing or a link replays.
    explain: busy ? null : explain(model, state, view.sample, model.rule),
    notices: busy ? null : model.trainer.notices(),
    alt: busy ? null : describePanels(model, view, state),
  };
  const heights = takeHeights();
  if (heights.length)
    message.heights = Object.fromEntries(heights.map(([c, h]) => [names.get(c), h]));
  if (ui.first) {
    message.first = true;
    ui.first = false;
  }
  return message;
}
