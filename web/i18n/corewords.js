// The core's one-line messages (a bad spec, a saved run, a setting) in the page's language. The
// core writes them in English from a small set of shapes (read.rs, validate.rs, settings.rs);
// in Japanese each known shape is rewritten, and the field it names (`x[0][1]`) is kept as is.
// A shape this table does not know is shown as the core wrote it.

import { language } from './index.js';

const KINDS = {
  'a number': '数値',
  'a string': '文字列',
  'an array': '配列',
  'an object': 'オブジェクト',
  'a boolean': '真偽値',
  null: 'null',
  nothing: '値なし',
  'a bigint': 'BigInt',
  'a symbol': 'シンボル',
  'a function': '関数',
};
const kind = (k) => KINDS[k] ?? k;

/** [pattern, Japanese] pairs, tried in order on the message after its field. */
const JA = [
  [/^expected (.+?), got (.+)$/, (m) => `${kind(m[1])}のはずが、${kind(m[2])}です`],
  [/^missing field `(.*)`$/, (m) => `項目 \`${m[1]}\` がありません`],
  [
    /^unknown field `(.*)`, expected one of (.*)$/,
    (m) => `不明な項目 \`${m[1]}\` (使える項目: ${m[2]})`,
  ],
  [
    /^unknown type `(.*)`, expected one of (.*)$/,
    (m) => `不明な種類 \`${m[1]}\` (使える種類: ${m[2]})`,
  ],
  [/^unknown value `(.*)`; one of (.*)$/, (m) => `不明な値 \`${m[1]}\` (使える値: ${m[2]})`],
  [
    /^has (\d+) (rows|values|entries); at most (\d+) are allowed$/,
    (m) => `${m[1]} 個あります (最大 ${m[3]} 個)`,
  ],
  [/^expected a whole number ≥ 0$/, () => '0 以上の整数のはずです'],
  // --- losses, regularization and classes (loss.rs, regularize.rs, preset.rs) ---
  [
    /^unknown loss `(.*)`, expected one of (.*)$/,
    (m) => `不明な損失 \`${m[1]}\` (使える損失: ${m[2]})`,
  ],
  [
    /^softmax_cross_entropy needs one-hot rows of at least 2 classes; t has width (\d+)$/,
    (m) => `softmax_cross_entropy には 2 クラス以上の one-hot の行が必要です (t の幅は ${m[1]})`,
  ],
  [
    /^is not one-hot \(one 1, the rest 0\), as softmax_cross_entropy needs$/,
    () => 'softmax_cross_entropy に必要な one-hot (1 が 1 つ、残りは 0) ではありません',
  ],
  [
    /^softmax_cross_entropy needs a data set of classes$/,
    () => 'softmax_cross_entropy にはクラスのデータが必要です',
  ],
  [/^must be a finite number ≥ 0$/, () => '0 以上の有限の数のはずです'],
  [
    /^must be from 2 to (\d+) for spiral and gaussians, 2 for the other data sets$/,
    (m) => `spiral と gaussians では 2〜${m[1]}、ほかのデータでは 2 のはずです`,
  ],
  [/^must be a positive number$/, () => '正の数のはずです'],
  [/^must be in \[0, 1\)$/, () => '0 以上 1 未満のはずです'],
  [/^must be at least 1$/, () => '1 以上のはずです'],
  [/^is empty; at least one row is needed$/, () => '空です (1 行以上必要です)'],
  [/^is outside the range of a 32-bit float$/, () => '32 ビット浮動小数点数の範囲外です'],
  [
    /^W is (\d+)×(\d+) but its input has width (\d+)$/,
    (m) => `W は ${m[1]}×${m[2]} ですが、入力の幅は ${m[3]} です`,
  ],
  [
    /^has (\d+) values but (.+) has (\d+)$/,
    (m) => `値が ${m[1]} 個ですが、${m[2]} は ${m[3]} 個です`,
  ],
  [/^has (\d+) rows but (.+) has (\d+)$/, (m) => `${m[1]} 行ですが、${m[2]} は ${m[3]} 行です`],
  [
    /^expected (\d+)×(\d+), got (\d+)×(\d+)$/,
    (m) => `${m[1]}×${m[2]} のはずが、${m[3]}×${m[4]} です`,
  ],
  // --- poke: the data edits (backstep_nn::dataedit) ---
  [
    /^is out of range \(the training set has (\d+) samples\)$/,
    (m) => `範囲外です (学習データは ${m[1]} 点)`,
  ],
  [/^must be a finite number$/, () => '有限の数のはずです'],
  [/^the training set needs at least one sample$/, () => '学習データには 1 点以上必要です'],
  [
    /^needs 2 inputs and 1 output; this run has (\d+) and (\d+)$/,
    (m) => `入力 2 つ・出力 1 つが必要です (この実行は入力 ${m[1]}、出力 ${m[2]})`,
  ],
  [/^needs 1 output per sample; this run has (\d+)$/, (m) => `出力は 1 つのはずが、${m[1]} つです`],
  [/^inputs must be 0 or 1 \(a truth table\)$/, () => '入力は 0 か 1 (真理値表) のはずです'],
  [
    /^line (\d+): expected 3 numbers \(x1, x2, label\)$/,
    (m) => `${m[1]} 行目: 数値 3 つ (x1, x2, ラベル) のはずです`,
  ],
  [/^has no rows of x1, x2, label$/, () => 'x1, x2, ラベルの行がありません'],
  // --- trust: a rebuilt run (lifeline.js) and an argument that cannot be read (plain.js) ---
  [
    /^an internal error stopped the run; /,
    () => '内部エラーで実行が止まり、記録から作り直しました',
  ],
  [/^the argument could not be read as plain data$/, () => '引数を値として読めません'],
  // --- poke: the inspector (backstep_nn::inspect) ---
  [
    /^no sample (\d+) \(the batch has (\d+)\)$/,
    (m) => `サンプル ${m[1]} はありません (バッチは ${m[2]} 個)`,
  ],
];

/** `message` (`field: text` or `text`) in the page's language. */
export function inLanguage(message) {
  if (language() !== 'ja') return message;
  const at = message.match(/^([A-Za-z_][\w.[\]]*): (.*)$/);
  const [field, text] = at ? [at[1], at[2]] : ['', message];
  for (const [pattern, say] of JA) {
    const m = text.match(pattern);
    if (m) return field ? `${field}: ${say(m)}` : say(m);
  }
  return message;
}
