// The words of the task in Japanese: the data knobs, classes, the loss and the penalty on the
// weights, the boundary's view toggles and its class legend (merged into i18n.js's table).

export const TASKS_JA = {
  points: '点の数',
  noise: 'ノイズ',
  testFraction: 'テストの割合',
  classes: 'クラス数',
  lossKind: '損失関数',
  regularization: '正則化',
  regularizationRate: '正則化の率',
  showTest: 'テストデータを表示',
  featuresLegend: '入力の特徴量',
  discretize: '出力を離散化',
  valueLine: '色: 出力 y (バー)、点: 目標値 t (■ テスト)',
  legendRegression:
    '回帰: 平面の色は出力 y (紫 = 大、橙 = 小、目盛りは右のバー)。各点は同じ目盛りで目標値 t の色、● = 訓練、■ = テスト用。',
  options: {
    'dataset.plane': '平面 (回帰)',
    'dataset.hills': 'ガウスの丘 (回帰)',
    'loss.mse': '二乗誤差 ½·Σ(y − t)²',
    'loss.softmax_cross_entropy': 'ソフトマックス交差エントロピー',
    'regularization.none': 'なし',
    'regularization.l1': 'L1 (r·Σ|W|)',
    'regularization.l2': 'L2 (½·r·ΣW²)',
  },
  foldClasses: (k) => `${k} クラス`,
  foldLoss: { mse: '二乗誤差', softmax_cross_entropy: '交差エントロピー' },
  classN: (j) => `クラス ${j}`,
  legendClasses:
    'クラスごとに色と記号 (✕ ● ▲ ■ ◆、凡例は地図の右)。白抜き・灰色 = テスト用。平面はネットワークが選ぶクラスの色。',
  classFieldLine: (soft) =>
    soft ? 'クラス: p = softmax(y) が最大のもの。淡い = 自信が低い' : 'クラス: 出力 y が最大のもの',
};
