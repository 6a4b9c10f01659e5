// The differential test's corpus (differential.spec.mjs): JSON texts that the CLI (`backstep
// trace -`) and the page (`backstep.load(text)`) must both accept or both refuse, naming the same
// field. Valid specs, duplicate keys, null and wrong types, huge numbers, trailing data, deep
// nesting, integers past 2^53, prototype keys, control characters in keys.

const base = {
  x: [
    [0, 0],
    [0, 1],
  ],
  t: [[0], [1]],
  layers: [
    { type: 'affine', W: [[0.5], [-0.25]], b: [0] },
    { type: 'relu' },
    { type: 'affine', W: [[1]], b: [0.1] },
  ],
  optimizer: { type: 'sgd', lr: 0.1 },
};
const text = (o) => JSON.stringify(o);
const BASE = text(base);
/** The base text with `"key":` followed by `value` (raw JSON text) added as its last field. */
const plus = (key, value) => `${BASE.slice(0, -1)},${JSON.stringify(key)}:${value}}`;
/** The base text with one field's value replaced by raw JSON text. */
const swap = (key, value) => text({ ...base, [key]: '@@' }).replace('"@@"', value);
/** Two classes, one-hot, under softmax cross-entropy. */
const softmax = {
  ...base,
  t: [
    [1, 0],
    [0, 1],
  ],
  layers: [
    {
      type: 'affine',
      W: [
        [0.5, -0.5],
        [-0.25, 1],
      ],
      b: [0, 0.1],
    },
  ],
  loss: 'softmax_cross_entropy',
};
const reg = (value) => plus('regularization', value);
const deep = (n) => `${'['.repeat(n)}0${']'.repeat(n)}`;

/** [name, text]: about 60 cases. */
export const CORPUS = [
  ['the base spec', BASE],
  ['steps: 3', plus('steps', '3')],
  ['steps: null', plus('steps', 'null')],
  ['steps: 0', plus('steps', '0')],
  ['steps: -1', plus('steps', '-1')],
  ['steps: 1.5', plus('steps', '1.5')],
  ['steps: 3.0', plus('steps', '3.0')],
  ['steps: 1e2', plus('steps', '1e2')],
  ['steps: -0', plus('steps', '-0')],
  ['steps: 2^64', plus('steps', '18446744073709551616')],
  ['steps: 30 digits', plus('steps', '123456789012345678901234567890')],
  ['steps: "3"', plus('steps', '"3"')],
  ['steps: true', plus('steps', 'true')],
  ['steps: []', plus('steps', '[]')],
  ['steps: 10001', plus('steps', '10001')],
  ['batch_size: 1', plus('batch_size', '1')],
  ['batch_size: 0', plus('batch_size', '0')],
  ['batch_size: null', plus('batch_size', 'null')],
  ['batch_size: -2', plus('batch_size', '-2')],
  ['seed: 2^53 + 1', plus('seed', '9007199254740993')],
  ['seed: 2^64', plus('seed', '18446744073709551616')],
  ['seed: -1', plus('seed', '-1')],
  ['loss: "mse"', plus('loss', '"mse"')],
  ['loss: "mae"', plus('loss', '"mae"')],
  ['softmax, two classes', text(softmax)],
  ['softmax on one output', plus('loss', '"softmax_cross_entropy"')],
  [
    'softmax, a row not one-hot',
    text({
      ...softmax,
      t: [
        [1, 0],
        [0.5, 0.5],
      ],
    }),
  ],
  ['regularization l2', reg('{"type":"l2","rate":0.1}')],
  ['regularization l1, rate 0', reg('{"type":"l1","rate":0}')],
  ['regularization l3', reg('{"type":"l3","rate":0.1}')],
  ['regularization rate -1', reg('{"type":"l2","rate":-1}')],
  ['regularization without rate', reg('{"type":"l1"}')],
  ['regularization rate "0.1"', reg('{"type":"l2","rate":"0.1"}')],
  ['an unknown field', plus('foo', '1')],
  ['a __proto__ field', plus('__proto__', '{"steps": 5}')],
  ['a constructor field', plus('constructor', '1')],
  ['a key with a line break', plus('a\r\nbackstep: fake line', '1')],
  ['a key with a terminal escape', plus('\u001b]0;title\u0007', '1')],
  ['a duplicate key, both valid', `${BASE.slice(0, -1)},"x":[[1,1],[1,0]]}`],
  ['a duplicate key, the first bad', `{"steps":"no",${BASE.slice(1, -1)},"steps":2}`],
  ['a duplicate key, the last bad', `{"steps":2,${BASE.slice(1, -1)},"steps":"no"}`],
  ['x: null', swap('x', 'null')],
  ['x: {}', swap('x', '{}')],
  ['x: []', swap('x', '[]')],
  ['x ragged', swap('x', '[[0,0],[0]]')],
  ['x with a string', swap('x', '[[0,0],[0,"1"]]')],
  ['x with 1e400', swap('x', '[[0,0],[0,1e400]]')],
  ['x with -1e400', swap('x', '[[0,0],[0,-1e400]]')],
  ['x with 3.5e38 (past f32)', swap('x', '[[0,0],[0,3.5e38]]')],
  ['x with 1e-50 (below f32)', swap('x', '[[0,0],[0,1e-50]]')],
  ['x with 2^64', swap('x', '[[0,0],[0,18446744073709551616]]')],
  ['x with -0', swap('x', '[[0,0],[0,-0]]')],
  ['x nested 3 deep', swap('x', '[[[0],0],[0,1]]')],
  ['x nested 100 deep', swap('x', deep(100))],
  // The CLI's JSON parser reads 127 levels (json.js's MAX_JSON_DEPTH): the top object and x.
  ['x nested 126 deep', swap('x', deep(126))],
  ['x nested 127 deep', swap('x', deep(127))],
  ['an unknown field nested 126 deep', plus('deep', deep(126))],
  ['an unknown field nested 127 deep', plus('deep', deep(127))],
  ['x nested 5000 deep', swap('x', deep(5000))],
  ['t rows differ from x', swap('t', '[[0]]')],
  ['layers: []', swap('layers', '[]')],
  ['layers: {}', swap('layers', '{}')],
  ['a layer of an unknown type', swap('layers', '[{"type":"dense"}]')],
  ['a layer without a type', swap('layers', '[{"W":[[1],[1]],"b":[0]}]')],
  ['a relu with a field', swap('layers', '[{"type":"relu","W":1}]')],
  ['W of the wrong shape', swap('layers', '[{"type":"affine","W":[[1],[2],[3]],"b":[0]}]')],
  ['b missing', swap('layers', '[{"type":"affine","W":[[1],[2]]}]')],
  ['W: null', swap('layers', '[{"type":"affine","W":null,"b":[0]}]')],
  ['optimizer: adam', swap('optimizer', '{"type":"adam","lr":0.01,"beta1":0.8}')],
  ['optimizer: momentum', swap('optimizer', '{"type":"momentum","lr":0.01,"momentum":0.5}')],
  ['lr: 0', swap('optimizer', '{"type":"sgd","lr":0}')],
  ['lr: null', swap('optimizer', '{"type":"sgd","lr":null}')],
  ['lr: "0.1"', swap('optimizer', '{"type":"sgd","lr":"0.1"}')],
  ['lr: 1e-320', swap('optimizer', '{"type":"sgd","lr":1e-320}')],
  ['lr: 1e400', swap('optimizer', '{"type":"sgd","lr":1e400}')],
  ['beta1: 1', swap('optimizer', '{"type":"adam","lr":0.01,"beta1":1}')],
  ['optimizer missing', text({ ...base, optimizer: undefined })],
  ['t missing', text({ ...base, t: undefined })],
  ['trailing garbage', `${BASE} garbage {{{`],
  ['two documents', `${BASE}${BASE}`],
  ['trailing white space', `${BASE} \n\t\r\n`],
  ['a byte order mark', `\uFEFF${BASE}`],
  ['a comment', `// spec\n${BASE}`],
  ['NaN', swap('x', '[[0,0],[0,NaN]]')],
  ['a cut text', BASE.slice(0, 40)],
  ['empty text', ''],
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"spec"'],
  ['a number', '42'],
  ['a UTF-8 byte-order mark before the spec', `\uFEFF${BASE}`],
  ['two byte-order marks', `\uFEFF\uFEFF${BASE}`],
];
