// The same-page benchmark's in-page side: builds W1–W5 with identical data, initial weights and
// update rule in backstep's wasm (`Trainer`) and, when given, TF Playground's nn.ts (driven as
// its oneStep() does), checks that both reach the same loss, then times them interleaved, our
// side from step 0 through what the page calls per frame.
// Loaded by tests/bench/speed.mjs, which serves the bindings, the wasm and the compiled nn.ts.

// A small seeded generator (mulberry32), so both sides get the same numbers.
const rng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const f32 = (v) => Math.fround(v);

// Data: the article's XOR; a circle and a two-arm spiral as in TF Playground, labels ±1.
function data(kind, n, seed) {
  const r = rng(seed);
  if (kind === 'xor') return { x: [[0, 0], [0, 1], [1, 0], [1, 1]], t: [[0], [1], [1], [0]] };
  const x = [], t = [];
  for (let i = 0; i < n; i++) {
    if (kind === 'circle') {
      const inner = i < n / 2, rad = inner ? r() * 2.5 : 3.5 + r() * 1.5, a = r() * 2 * Math.PI;
      x.push([f32(rad * Math.sin(a) + (r() - 0.5) * 0.5), f32(rad * Math.cos(a) + (r() - 0.5) * 0.5)]);
      t.push([inner ? 1 : -1]);
    } else {
      const arm = i % 2, k = Math.floor(i / 2), rad = (k / (n / 2)) * 5, a = 1.75 * k / (n / 2) * 2 * Math.PI + arm * Math.PI;
      x.push([f32(rad * Math.sin(a) + (r() - 0.5) * 0.5), f32(rad * Math.cos(a) + (r() - 0.5) * 0.5)]);
      t.push([arm ? -1 : 1]);
    }
  }
  return { x, t };
}

// Workloads as in BENCHMARKS.md. `lr` is backstep's (summed loss); the playground gets lr·batch.
export const WORKLOADS = {
  W1: { data: ['xor', 4], hidden: [4], act: 'relu', out: null, lr: 0.1, batch: 4 },
  W2: { data: ['circle', 500], hidden: [8, 8], act: 'tanh', out: 'tanh', lr: 0.03, batch: 10 },
  W4: { data: ['spiral', 1024], hidden: [64, 64], act: 'relu', out: null, lr: 1e-4, batch: 1024 },
  W5: { data: ['spiral', 500], hidden: [16, 16, 16, 16], act: 'tanh', out: 'tanh', lr: 6e-5, batch: 500 },
};

// The shared starting point: data, and weights uniform in ±sqrt(6 / (in + out)), biases 0.1.
function setup(w, seed = 7) {
  const { x, t } = data(w.data[0], w.data[1], seed);
  const r = rng(seed + 1), sizes = [2, ...w.hidden, 1], layers = [];
  for (let l = 1; l < sizes.length; l++) {
    const lim = Math.sqrt(6 / (sizes[l - 1] + sizes[l]));
    const W = Array.from({ length: sizes[l - 1] }, () => Array.from({ length: sizes[l] }, () => f32((2 * r() - 1) * lim)));
    layers.push({ W, b: Array(sizes[l]).fill(f32(0.1)) });
  }
  return { x, t, sizes, layers };
}

function backstepTrainer(wasm, w, s, batch) {
  const layers = [];
  s.layers.forEach((l, i) => {
    layers.push({ type: 'affine', W: l.W, b: l.b });
    const act = i === s.layers.length - 1 ? w.out : w.act;
    if (act) layers.push({ type: act });
  });
  const spec = { x: s.x, t: s.t, layers, loss: 'mse', optimizer: { type: 'sgd', lr: w.lr }, steps: 1 };
  if (batch < s.x.length) Object.assign(spec, { batch_size: batch, seed: 1 });
  return new wasm.Trainer(spec);
}

function playground(nn, w, s) {
  const A = { relu: nn.Activations.RELU, tanh: nn.Activations.TANH, null: nn.Activations.LINEAR };
  const net = nn.buildNetwork(s.sizes, A[w.act], A[w.out], null, ['x', 'y'], false);
  s.layers.forEach((l, i) => net[i + 1].forEach((node, o) => {
    node.bias = l.b[o];
    node.inputLinks.forEach((link, k) => { link.weight = l.W[k][o]; });
  }));
  return net;
}

// One pass over the data as the playground's oneStep(): per sample forward and backward, an
// update every `batch` samples. Returns the summed loss seen on the way.
function tfEpoch(nn, net, s, lr, batch, updates) {
  let loss = 0, done = 0, n = s.x.length;
  for (let i = 0; done < updates; i = (i + 1) % n) {
    const y = nn.forwardProp(net, s.x[i]);
    loss += nn.Errors.SQUARE.error(y, s.t[i][0]);
    nn.backProp(net, s.t[i][0], nn.Errors.SQUARE);
    if ((i + 1) % batch === 0 || i === n - 1) { nn.updateWeights(net, lr, 0); done++; }
  }
  return loss;
}

// Both sides' loss after `n` full-batch updates (the loss of the n-th step, before its update).
export function agree(wasm, nn, name, n = 5) {
  const w = WORKLOADS[name], s = setup(w), full = s.x.length;
  const tr = backstepTrainer(wasm, w, s, full);
  tr.step(n);
  const net = playground(nn, w, s);
  let tf = 0;
  for (let i = 0; i < n; i++) tf = tfEpoch(nn, net, s, w.lr * full, full, 1);
  const ours = tr.loss();
  tr.free();
  return { name, backstep: ours, playground: tf, rel: Math.abs(ours - tf) / Math.abs(tf) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Runs `f(k)` with k doubling until one call takes ≥ `ms`; returns (ms per unit) of one run.
function time(f, ms = 60) {
  let k = 1;
  for (;;) {
    const t0 = performance.now();
    f(k);
    if (performance.now() - t0 >= ms / 4 || k > 1 << 20) break;
    k *= 2;
  }
  const t0 = performance.now();
  f(k);
  const once = (performance.now() - t0) / k;
  k = Math.max(1, Math.round(ms / Math.max(once, 1e-6)));
  return () => { const t = performance.now(); f(k); return (performance.now() - t) / k; };
}

// How the page plays, per workload: `steps` from a fresh run at step 0, in frames of `frame`
// steps (the page's fastest speed, or what fits a frame), each frame followed by what the
// engine calls per frame for the measures (the header's measures now, the count of those
// waiting). Timed per update; the trainers are made before the clock starts.
const FROM_ZERO = { W1: [4096, 1000], W2: [1024, 1000], W4: [8, 4], W5: [30, 30] };

function fromZero(wasm, w, s, steps, frame) {
  const make = () => backstepTrainer(wasm, w, s, w.batch);
  const run = (trainers) => {
    const t0 = performance.now();
    for (const tr of trainers) {
      for (let done = 0; done < steps; done += frame) {
        tr.step(Math.min(frame, steps - done));
        tr.measured(wasm.Curve.TrainLoss);
        tr.measured(wasm.Curve.TestLoss);
        tr.settle_measures(0);
      }
    }
    const ms = performance.now() - t0;
    for (const tr of trainers) tr.free();
    return ms / (trainers.length * steps);
  };
  // Enough fresh runs for about 60 ms.
  const once = run([make()]);
  const k = Math.max(1, Math.round(60 / Math.max(once * steps, 1e-3)));
  return () => run(Array.from({ length: k }, make));
}

// Per set, medians of `reps` interleaved repetitions, per workload, in ms per unit: an update
// from step 0 (W1, W2, W4, W5) or a 100 × 100 grid through W2's net with every neuron's output
// kept (W3). Returns one row per workload with the medians of each set.
export function bench(wasm, nn, reps = 7, sets = 3) {
  const rows = [];
  for (const name of ['W1', 'W2', 'W3', 'W4', 'W5']) {
    const w = WORKLOADS[name === 'W3' ? 'W2' : name], s = setup(w);
    const net = nn && playground(nn, w, s);
    let ours, theirs, tr = null;
    if (name === 'W3') {
      tr = backstepTrainer(wasm, w, s, w.batch);
      ours = time((k) => { for (let i = 0; i < k; i++) tr.grid(100, -6, 6, -6, 6); });
      if (nn) {
        const nodes = net.slice(1).flat(), outs = nodes.map(() => new Float32Array(10000));
        theirs = time((k) => {
          for (let r = 0; r < k; r++) {
            for (let p = 0; p < 10000; p++) {
              nn.forwardProp(net, [-6 + 12 * ((p % 100) + 0.5) / 100, 6 - 12 * (Math.floor(p / 100) + 0.5) / 100]);
              for (let j = 0; j < nodes.length; j++) outs[j][p] = nodes[j].output;
            }
          }
        });
      }
    } else {
      ours = fromZero(wasm, w, s, ...FROM_ZERO[name]);
      if (nn) theirs = time((k) => tfEpoch(nn, net, s, w.lr * w.batch, w.batch, k));
    }
    const row = { name, backstep: [], playground: [] };
    for (let set = 0; set < sets; set++) {
      const a = [], b = [];
      for (let i = 0; i < reps; i++) {
        a.push(ours());
        if (theirs) b.push(theirs());
      }
      row.backstep.push(median(a));
      if (theirs) row.playground.push(median(b));
    }
    tr?.free();
    rows.push(row);
  }
  return rows;
}
