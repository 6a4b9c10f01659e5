// 2つの学習を並べて比べるパネルの言葉（日本語）: the comparison panel's words in Japanese
// (web/stage/compare-form.js, web/draw/compare.js); en-compare.js has the same keys.

export const COMPARE_JA = {
  pCompare: '2つの学習を並べて比べる',
  compareWhat: '変える設定',
  compareValue: '値',
  btnCompare: '比べる',
  btnCompareStop: '比較をやめる',
  compareRun: 'この学習',
  compareVariant: '変えた学習',
  compareAxis: (sum) => `ステップ（各ステップのバッチ損失 ${sum}）`,
  compareAccuracy: (p) => `正解率 ${p}%`,
  compareNames: {
    activation: '活性化関数',
    lr: '学習率',
    optimizer: '最適化手法',
    init: '初期化',
    seed: 'シード',
  },
  compareOn: (what, value, weights) =>
    `同じ学習の${what}だけを ${value} にしたものと比べています（データは同じ、${weights ? '初期の重みも同じ' : '初期の重みは同じ形の別の値'}）。2つは一緒に進みます。`,
  compareDiverged: (m) => `変えた学習は発散しました：${m}`,
  compareEnded:
    '重み・データ・最適化手法の編集で比較を終えました（2つの学習の違いが1つの設定だけではなくなったため）。',
  compareHint: '設定と値を選んで「比べる」を押すと、ここから2つの学習が一緒に進みます。',
};
