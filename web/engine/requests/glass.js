// The engine's requests for the glass box: reading the notices, a neuron, the gradient check,
// the PyTorch code and the saved run, and editing the run in its middle (a weight, a bias, the
// optimizer), which is recorded so the worker's replay and the timeline repeat it.

/** The requests, over `model` (model.js); `note(op, args)` records a change, `redraw()` draws
 *  and returns the state. */
export function glassRequests(model, note, redraw) {
  const tr = () => model.trainer;
  return {
    notices: () => tr().notices(),
    experiments: (code) => tr().experiments(String(code)),
    inspect: ({ layer, unit, sample }) => tr().inspect(layer, unit, sample),
    gradcheck: () => tr().gradcheck(),
    code: () => tr().code(),
    save: () => tr().save(),
    /** {what: 'weight', layer, row, col, value} | {what: 'bias', layer, col, value} |
     *  {what: 'optimizer', rule}. */
    edit: (e) => {
      model.edit((t) => {
        if (e.what === 'weight') t.setWeight(e.layer, e.row, e.col, e.value);
        else if (e.what === 'bias') t.setBias(e.layer, e.col, e.value);
        else if (e.what === 'optimizer') {
          t.setOptimizer(e.rule);
          model.rule = e.rule;
        } else throw new Error(`edit: unknown kind ${JSON.stringify(String(e.what)).slice(0, 30)}`);
      });
      note('edit', e);
      return redraw();
    },
  };
}
