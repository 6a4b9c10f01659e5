// The page's words in Japanese. Phase names follow the article: 知る, ロス, 考える, 更新.

import { COMPARE_JA } from './ja-compare.js';
import { KEYS_JA } from './ja-keys.js';

/** The core's name of a quantity (`loss`, `dW`, `v of W`, …) in Japanese. */
function quantityJa(what) {
  const of = what.match(/^(velocity|m|v) of (\w+)$/);
  if (of) return `${of[2]} の${of[1] === 'velocity' ? '速度' : ` ${of[1]}`}`;
  return what === 'loss' ? '損失' : what;
}

export const JA = {
  tagline: '逆伝播を 1 ステップずつ',
  step: 'ステップ',
  loss: '損失',
  testLoss: 'テスト損失',
  pExplain: 'いま何を計算しているか',
  explainStart: '「次の処理」を押すと、その処理の式が実際の数値つきでここに出ます。',
  moreTerms: (k) => `… ほか ${k} 項`,
  sampleN: (k) => `サンプル ${k}`,
  reluRule: ' (z ≤ 0 なら 0 にして、勾配も通さない)',
  notTminusY: '(記事のコメントは t − y と書いていますが、L を y で微分すると y − t です)',
  updateRule: (type) => `${type} の規則で W を更新`,
  noticeDead: (n) =>
    `layers[${n.layer}] のユニット ${n.unit} はステップ ${n.since} から死んでいます: バッチのどのサンプルでも入力 z ≤ 0 なので出力は 0、勾配も通らず、このユニットへの重みの dW は 0 のままです。`,
  noticePlateau: (n) => `ステップ ${n.since} から損失がほとんど動いていません (停滞)。`,
  noticeDiverged: (n) => `ステップ ${n.since} で値が発散しました。`,
  tryLabel: '試す:',
  btnGradcheck: '勾配を数値微分で確かめる',
  btnCode: 'PyTorch のコードを見る',
  btnDownload: '.py を保存',
  gradcheckSummary: (g, disagree) =>
    `数値微分 (中心差分, f64, h = ${g.h}) と逆伝播の勾配を ${g.entries.length} 個、|a − n| ≤ ${g.atol} + ${g.rtol}·|n| なら一致として比べると: ${disagree ? `${disagree} 個が不一致` : g.kinks ? `一致 (ただし ${g.kinks} 個は ReLU の折れ目: ±h 動かすと止まるユニットが変わり、そこには測れる微分がありません)` : '一致'}。${g.nearKink ? 'ReLU への入力に 0 から h 以内のものがあり、損失はそこで折れています。' : ''}`,
  gradcheckHead: ['層', '', '位置', '逆伝播', '数値微分', '相対誤差', '判定'],
  gradcheckStatus: { agree: '一致', disagree: '不一致', kink: '折れ目' },
  layerAuto: '自動 (処理中の層)',
  layerLoss: '損失',
  rate: (r) => `${r} ステップ/秒`,
  experiment: {
    seed: 'シード',
    init: '初期化',
    hidden: '隠れ層',
    lr: '学習率',
    activation: '活性化関数',
    optimizer: '最適化',
  },
  btnBack: '1 つ戻る',
  btnPresent: '発表モード',
  btnHelp: 'キー一覧',
  timeline: 'ステップの位置',
  close: '閉じる',
  ...KEYS_JA,
  badLink: (m) => `リンクを読めません (${m})。既定の設定で始めます。`,
  rebuilt: '内部エラーで実行が止まったため、記録から作り直しました (最後の変更は除いています)。',
  notPlain: '引数を値として読めません',
  toolsMissing:
    'この機能に必要なページの残りを読み込めませんでした。接続を確かめて、ページを読み込み直してください。',
  editsNotInLink: '重みの編集がリンクに入りきらないため、リンクは編集なしの実行を開きます。',
  linkOpening: (k, n) => `リンクを開いています: ${n} ステップ中 ${k} (一時停止でここまで)`,
  linkStopped: (k, n) => `リンクを開くのを ${n} ステップ中 ${k} で止めました。`,
  notInLink: 'ファイルから読み込んだ実行は、設定で表せないのでリンクには入りません。',
  // --- the class link (classlink.js) ---
  btnClassLink: 'クラス用リンク',
  classTitle: 'クラスに配るリンク',
  classHide: '隠すもの:',
  classLock: 'ロック: 隠したものは使えなくする (キーも)',
  classHint: 'このリンクは、この実行をこのステップ、この表示で開きます。',
  classUrl: 'リンク:',
  classCopy: 'コピー',
  classCopied: 'コピーしました。',
  classCopyByHand: '選択しました。Ctrl+C でコピーしてください。',
  hideNames: {
    settings: '設定',
    play: '再生',
    reset: '最初から',
    seed: '新しいシード',
    export: '記録を書き出す',
    import: 'ファイルを読み込む',
    timeline: 'ステップの位置 (スライダー)',
    speed: '速さ',
  },
  listJoin: '、',
  lockedNote: (names) => `このリンクでは次の操作がロックされています: ${names}。`,
  lockedAction: (name) => `「${name}」はこのリンクでロックされています。`,
  btnStage: '損失・地図',
  btnNotices: (n) => `お知らせ (${n})`,
  btnStep: '1 ステップ',
  btnSubstep: '次の処理',
  btnLessonPlay: '授業モード',
  btnLessonStop: '授業モードを止める',
  lessonPace: '間隔',
  btnPlay: '再生',
  btnPause: '一時停止',
  speed: '速さ (ステップ/フレーム)',
  btnReset: '最初から',
  btnSeed: '新しいシード',
  btnSave: '保存 (再開用)',
  btnExport: '記録を書き出す',
  btnImport: 'ファイルを読み込む',
  settingsFold: '設定',
  foldHidden: '隠れ層',
  foldBatch: 'バッチ',
  dataset: 'データ',
  options: {
    'dataset.xor': 'XOR',
    'dataset.regression': '回帰 (記事の乱数)',
    'dataset.circle': '円',
    'dataset.quadrants': '四象限',
    'dataset.gaussians': '2 つの正規分布',
    'dataset.spiral': 'らせん',
    'optimizer.sgd': 'SGD',
    'optimizer.momentum': 'モーメンタム',
    'optimizer.adam': 'Adam',
    'init.normal': '標準正規分布',
    'init.he': 'He',
    'init.glorot': 'Glorot',
  },
  hidden: '隠れ層 (幅をカンマ区切り)',
  activation: '活性化関数',
  optimizer: '最適化',
  lr: '学習率',
  batch: 'バッチ (0 = 全部)',
  init: '初期化',
  seed: 'シード',
  limits: (l) =>
    `上限: 隠れ層は ${l.hiddenLayers} 層まで、各層 ${l.width} ユニットまで、データは ${l.samples} 点まで (ページの上限。CLI は 256 ユニット、10000 点まで)。設定を変えると最初からやり直します (学習率と最適化は今のステップから変わります)。`,
  pNetwork: 'ネットワーク',
  showGrads: '勾配 dW を表示',
  sample: 'サンプル',
  legendEdges:
    '線の色と形 = 符号 (紫の実線 +、橙の破線 −)、太さ = 大きさ。灰色の点線 = このステップではまだ dW を計算していない層。円の横の数字は選んだサンプルでの値。',
  pMatrices: '行列 (記事の出力をそのまま)',
  layer: '層',
  pGates: 'ReLU のゲート (× = 0 以下で遮断)',
  pLoss: '損失の推移',
  logScale: '対数目盛',
  pBoundary: '決定境界 (出力)',
  ...COMPARE_JA,
  pNeurons: '各ニューロンの出力',
  legendBoundary:
    '紫 = 大きい出力 (+)、橙 = 小さい出力 (−)。● = 正解 1、✕ = 正解 0、白抜き・灰色 = テスト用。',
  keys: 'キー操作 (入力欄の外で): → / PageDown / Space = 1 ステップ、Shift+→ / S = 次の処理、← / PageUp = 1 つ戻る、P = 再生/一時停止、A = 授業モード、R = 最初から、F = 発表モード、L = 言語、? = キー一覧。Tab で全ての操作に届きます。',
  phase: {
    idle: '待機中',
    forward: '知る (順伝播)',
    loss: 'ロス (損失)',
    backward: '考える (逆伝播)',
    update: '更新',
  },
  phaseShort: { forward: '知る', loss: 'ロス', backward: '考える', update: '更新' },
  next: '次',
  dead: '死んだユニット',
  none2d: '決定境界は入力が 2 次元のときだけ描けます',
  noRelu: 'ReLU 層はありません',
  noSteps: 'まだ 1 ステップも終わっていません',
  blocked: '遮断',
  open: '通過',
  before: '更新前',
  stageBefore: '更新前',
  stageAfter: '更新後',
  samples: 'サンプル',
  units: 'ユニット',
  moreRows: (n) => `… 残り ${n} 行`,
  badSetting: (m) => `設定を使えません: ${m}`,
  badImport: (m) => `読み込めません: ${m}`,
  diverged: (f) =>
    typeof f === 'string'
      ? `止めました: ${f}`
      : `止めました: ステップ ${f.step} の${JA.phaseShort[f.phase]}${f.layer == null ? '' : ` (layers[${f.layer}] ${f.kind})`}で ${quantityJa(f.what)} が有限の値でなくなりました (NaN か ±Inf)。このステップの前の状態に戻してあります。学習率を小さくしてみてください。`,
  badJson: (m) => `JSON として読めません: ${m}`,
  tooManyValues: (name, max) =>
    `${name}: 値が ${max} 個を超えています (ページで読み込める実行にそれほど多い値はありません)`,
  tooBig: (name, mb, max) => `${name}: ${mb} MB (読み込めるのは ${max} MB まで)`,
  overLimits: (l, o) =>
    `ページの上限 (隠れ層 ${l.hiddenLayers} 層まで、各層 ${l.width} ユニットまで、サンプル ${l.samples} 個まで) を超えています (${o.field}: ${o.value} ${{ samples: 'サンプル', width: 'ユニット', hidden: '隠れ層', layers: '層' }[o.what]}、上限 ${o.max})。CLI なら動かせます: backstep trace`,
  noWasm: (m) =>
    `このブラウザーでは動きません (WebAssembly SIMD が必要です。Chrome 91、Firefox 89、Safari 16.4 以降): ${m}`,
  // --- panels ---
  lossTrain: '訓練データ',
  lossTest: 'テストデータ',
  axisStep: 'ステップ',
  lossFormula:
    '2 本の線: 各ステップの後、データ全体での 1 件あたりの平均損失 L = (1/n)·Σᵢ ½‖yᵢ − tᵢ‖²。上の表示は記事と同じく 1 ステップのバッチ損失 0.5·Σ(y − t)² です。',
  lossReadout: ({ step, batch, train, test, sum }) =>
    `ステップ ${step}: ${batch == null ? '(開始時) · 1 件あたり平均' : `${batch} (バッチ損失 ${sum}、更新前) · 更新後の 1 件あたり平均`}: 訓練 ${train}${test == null ? '' : `、テスト ${test}`}`,
  lossOfStep: (after, sum) => (after ? `バッチ損失 ${sum} 更新前` : `バッチ損失 ${sum}`),
  lossAfter: '→ 更新後',
  stepWhen: { start: '(開始時)', before: '· 更新前', after: '· 更新後' },
  playingNow: '再生中',
  testLossMean: 'テスト損失 (平均)',
  notTwoClass: '2 クラスの課題ではないので、しきい値と正解率はありません。',
  thresholdLine: (mid, lo, hi) => `線: しきい値 y = ${mid} (目標値 ${lo} と ${hi} の中間)`,
  accuracyLine: (train, test) => `正解率: 訓練 ${train}${test == null ? '' : ` · テスト ${test}`}`,
  notYet: 'まだ計算していません',
  legendMatrices:
    'セルの色: 紫 = 正 (符号なし)、橙 = 負 (−)、白 = 0.0000。色が濃いほど、その行列の最大の |値| に近い (0.01 未満は淡いまま)。マスク: × 1 = 止める、○ 0 = 通す。',
  altNetwork: ({ layout, sample, values, grads, phase }) =>
    `ネットワーク ${layout}。いま: ${phase}。線の太さは ${grads ? 'dW' : 'W'}。サンプル ${sample} での値: ${values || 'まだありません'}。`,
  altMatrices: (layer, n) => `${layer} の行列 ${n} 個 (表示中の数値の表):`,
  altGates: (layer, rows, dead) =>
    `layers[${layer}] relu: ${rows.map((r) => `サンプル ${r.sample} で遮断 ${r.blocked.length ? `ユニット ${r.blocked.join(', ')}` : 'なし'}`).join('、') || '知るがまだです'}。死んだユニット: ${dead.length ? dead.join(', ') : 'なし'}。`,
  altLoss: ({ step, train, test, batch, lossStep, sum }) =>
    `ステップ ${step} の後、データ全体での 1 件あたり平均損失: 訓練 ${train ?? '—'}${test == null ? '' : `、テスト ${test}`}。ステップ ${lossStep} のバッチ損失 (${sum}、更新前): ${batch ?? '—'}。`,
  altBoundary: (n, m) =>
    `入力平面上のネットワークの出力と、訓練データ ${n} 点${m ? `、テストデータ ${m} 点` : ''}。`,
  altNeurons: (list) => `入力平面上の各ユニットの出力: ${list}。`,
  exportWhich: 'PNG にする範囲',
  exportAll: 'すべてのパネル',
  btnExportPng: 'PNG で保存',
  btnExportCsv: '損失の推移を CSV で保存',
  exportEmpty: 'まだ何も描かれていないパネルです',
  exportFailed: (m) => `書き出せません: ${m}`,
  exportNoPanel: (n, list) => `「${n}」というパネルはありません (all, ${list.join(', ')} のどれか)`,
  // --- poke ---
  inspectPick: 'ニューロンを調べる:',
  unitOption: (layer, unit) => `layers[${layer}] の ${unit} 番`,
  inspTitle: (n) =>
    `ニューロン: layers[${n.layer}] の ${n.unit} 番 — サンプル ${n.sample} (データの ${n.row} 行目)、ステップ ${n.step} ${n.updated ? '· 更新後' : '· 更新前'}`,
  inspForward: '知る (順伝播)',
  inspBackward: '考える (逆伝播)',
  inspNoBackward:
    'このステップの逆伝播はまだこのニューロンに届いていません。「次の処理」で進めてください。',
  inspNoForward:
    'このステップはまだこのニューロンに届いていません。「次の処理」(または「1 ステップ」) を押すと、式が数値つきでここに出ます。',
  inspBatch: 'バッチ全体',
  inspUpdated: '更新の後',
  inspWeights: '入ってくる重み (選ぶと編集できます):',
  weightTitle: '重み',
  weightNoGrad: 'dW: まだ計算されていません (逆伝播を実行してください)',
  weightRule: (type) => `${type} は dW の移動平均から更新幅を決めます`,
  weightNew: '新しい w:',
  btnSetWeight: '設定',
  weightHint: 'ここから新しい値で学習が続きます。このステップより後は計算し直されます。',
  badWeight: (s) => `「${s}」は数値ではありません。0.5 や -1.25 のように入力してください`,
  weightSame: '変わっていません。先に別の値を入力してください。',
  weightSet: (name) => `${name} を設定しました。次のステップはこの値から始まります。`,
  dataClass: '平面をクリックして追加する点:',
  class1: '● クラス 1',
  class0: '✕ クラス 0',
  btnCsv: 'CSV を読み込む (x1, x2, ラベル)',
  dataHint: (l) =>
    `平面をクリックすると学習データの点を追加、点をクリックすると削除します (1〜${l.samples} 個)。そのあと同じ初期重みでステップ 0 からやり直します。`,
  targetsTitle: '学習データの正解 (t)',
  targetOf: (i) => `点 ${i} の正解`,
  removeOf: (i) => `点 ${i} を削除`,
  gatesLabel: '正解を論理ゲートにする:',
  badData: (m) => `データを変更できません: ${m}`,
  csvTooBig: (name, kb, max) => `${name}: ${kb} kB (CSV ファイルは ${max} kB まで)`,
  badNumber: (s) => `「${s}」は数値ではありません`,
  dataEdited:
    'データを変更しました。同じ初期重みでステップ 0 からやり直します。変更したデータはリンクに入りません。保存すると実行全体が残ります。',
  btnPredict: '予想してから確かめる',
  predictMove: { up: '↑ 増える', down: '↓ 減る', same: '= 変わらない' },
  predictAsk: (k) =>
    `ステップ ${k} の更新の前に: それぞれの重みはどう動くでしょう? 予想を選んでから進めてください。`,
  predictRevealed: (k) => `ステップ ${k} の更新が終わりました:`,
  predictRight: '正解',
  predictWrong: '残念',
  predictUnmarked: '予想なし',
  predictWhy: (g) =>
    g.dw === 0 && g.rule?.type === 'sgd'
      ? 'dW = 0 (勾配が届いていない) なので、w − lr·dW でも変わりません。'
      : g.rule?.type === 'sgd'
        ? `dW = ${g.dwText} ${g.dw > 0 ? '> 0' : '< 0'}。w − lr·dW は w を dW と逆向きに動かすので${g.dw > 0 ? '減ります' : '増えます'}。`
        : `dW = ${g.dwText}。${g.rule?.type} は dW そのものではなく、その移動平均と逆向きに動かします。`,
  predictAgain: '次のステップも予想する',
  noteButton: '何が表示されている?',
  notes: {
    explain:
      'いま実行した段階の式を、1 つのサンプルの実際の数値で書いたものです。ニューロンを選ぶと、その式が見られます。',
    network:
      '丸はユニットで、選んだサンプルでの値を表示しています。線は重み (実線 +、破線 −、太いほど大きい)。丸をクリックすると中身を、線をクリックするとその重みを編集できます。',
    matrices:
      '1 つの層の行列をすべて数値の格子で表示します: 入力 x、重み W、バイアス b、出力、逆伝播の後は勾配も。',
    gates:
      'ReLU の各ユニットと各サンプルについて: 通過 (値も勾配も通す) か遮断 (z ≤ 0 なので出力 0、勾配なし) か。',
    loss: '各ステップの後の損失です。平らな所は停滞 (プラトー) です。矢印キーで値を読めます。',
    boundary:
      '入力平面の各点でのネットワークの出力と、学習データの点です。クリックで点を追加、点をクリックで削除します。',
    compare:
      'この学習と、設定を 1 つだけ変えた学習を一緒に進めます。2 つのバッチ損失を 1 つのグラフに (変えた方は破線)、それぞれの出力を平面に描きます。',
    neurons: '隠れ層のユニット 1 つずつの同じ図です: 平面のどこで反応しているか。',
  },
  articleDraws:
    'この初期重みは記事に印刷されているものと同じです。記事のプログラム (シード 42) は、重みを引く前に、前のセル (乱数サンプルなど) ですでに正規乱数を 72 個引いていたので、このページも 72 回分を捨てています。飛ばさないと、シード 42 でも別の重みになります。',
  articlePrintout:
    '記事に印刷された損失 (最初のステップで 2.0640、最後に 0.7897) はこの XOR の実行のもので、記事のコードが最初に作る 2×3 の乱数サンプルのものではありません。',
  articleSample:
    'これは記事のコードにある 2×3 の乱数サンプルです。記事に印刷された数値 (損失 2.0640 → 0.7897) はこのデータではなく、XOR の実行から出たものです。',
  // --- robust ---
  jsonRange: '64 ビット浮動小数点数の範囲を超える数があります',
  jsonDepth: (n) => `入れ子が ${n} 段を超えています`,
  matrixLegend: '符号、濃さ = |値| ÷ 行列内の最大、0.0000 は白',
};
