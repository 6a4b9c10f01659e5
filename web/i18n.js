// The page's words in Japanese and English. Phase names follow the article: 知る, ロス, 考える, 更新.

/** The core's name of a quantity (`loss`, `dW`, `v of W`, …) in Japanese. */
function quantityJa(what) {
  const of = what.match(/^(velocity|m|v) of (\w+)$/);
  if (of) return `${of[2]} の${of[1] === 'velocity' ? '速度' : ` ${of[1]}`}`;
  return what === 'loss' ? '損失' : what;
}

const STRINGS = {
  ja: {
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
    gradcheckSummary: (g) =>
      `数値微分 (中心差分, f64, h = ${g.h}) と逆伝播の勾配: ${g.entries.length} 個を比べて、相対誤差は最大 ${g.maxRelErr.toExponential(1)} (${g.maxRelErr < 1e-3 ? '一致' : '不一致'})`,
    gradcheckHead: ['層', '', '位置', '逆伝播', '数値微分', '相対誤差'],
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
    helpTitle: 'キー操作',
    close: '閉じる',
    actions: {
      step: '1 ステップ進める',
      substep: '次の処理だけ進める',
      back: '1 ステップ戻る',
      play: '再生 / 一時停止',
      reset: '最初から',
      present: '発表モード (大きな文字、1 画面)',
      lang: '言語の切り替え',
      help: 'この一覧',
    },
    badLink: (m) => `リンクを読めません (${m})。既定の設定で始めます。`,
    notInLink: 'ファイルから読み込んだ実行は、設定で表せないのでリンクには入りません。',
    btnStep: '1 ステップ',
    btnSubstep: '次の処理',
    btnPlay: '再生',
    btnPause: '一時停止',
    speed: '速さ (ステップ/フレーム)',
    btnReset: '最初から',
    btnSeed: '新しいシード',
    btnSave: '保存 (再開用)',
    btnExport: '記録を書き出す',
    btnImport: 'ファイルを読み込む',
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
      `上限: 隠れ層は ${l.hiddenLayers} 層まで、各層 ${l.width} ユニットまで、データは ${l.samples} 点まで (ページの上限。CLI は 256 ユニット、10000 点まで)。設定を変えると最初からやり直します。`,
    pNetwork: 'ネットワーク',
    showGrads: '勾配 dW を表示',
    sample: 'サンプル',
    legendEdges:
      '線の色と形 = 符号 (紫の実線 +、橙の破線 −)、太さ = 大きさ。円の中の数字は選んだサンプルでの値。',
    pMatrices: '行列 (記事の出力をそのまま)',
    layer: '層',
    pGates: 'ReLU のゲート (× = 0 以下で遮断)',
    pLoss: '損失の推移',
    logScale: '対数目盛',
    pBoundary: '決定境界 (出力)',
    pNeurons: '各ニューロンの出力',
    legendBoundary:
      '紫 = 大きい出力 (+)、橙 = 小さい出力 (−)。● = 正解 1、✕ = 正解 0、白抜き・灰色 = テスト用。',
    keys: 'キー操作 (入力欄の外で): → / PageDown / Space = 1 ステップ、Shift+→ / S = 次の処理、← / PageUp = 1 つ戻る、P = 再生/一時停止、R = 最初から、F = 発表モード、L = 言語、? = キー一覧。Tab で全ての操作に届きます。',
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
    samples: 'サンプル',
    units: 'ユニット',
    moreRows: (n) => `… 残り ${n} 行`,
    lossAt: (s, v) => `ステップ ${s} の損失: ${v}`,
    badSetting: (m) => `設定を使えません: ${m}`,
    badImport: (m) => `読み込めません: ${m}`,
    diverged: (f) =>
      typeof f === 'string'
        ? `止めました: ${f}`
        : `止めました: ステップ ${f.step} の${STRINGS.ja.phaseShort[f.phase]}${f.layer == null ? '' : ` (layers[${f.layer}] ${f.kind})`}で ${quantityJa(f.what)} が有限の値でなくなりました (NaN か ±Inf)。このステップの前の状態に戻してあります。学習率を小さくしてみてください。`,
    badJson: (m) => `JSON として読めません: ${m}`,
    tooBig: (name, mb, max) => `${name}: ${mb} MB (読み込めるのは ${max} MB まで)`,
    overLimits: (l, o) =>
      `ページの上限 (隠れ層 ${l.hiddenLayers} 層まで、各層 ${l.width} ユニットまで、サンプル ${l.samples} 個まで) を超えています (${o.field}: ${o.value} ${{ samples: 'サンプル', width: 'ユニット', hidden: '隠れ層', layers: '層' }[o.what]}、上限 ${o.max})。CLI なら動かせます: backstep trace`,
    noWasm: (m) =>
      `このブラウザーでは動きません (WebAssembly SIMD が必要です。Chrome 91、Firefox 89、Safari 16.4 以降): ${m}`,
  },
  en: {
    tagline: 'backpropagation, one step at a time',
    step: 'step',
    loss: 'loss',
    testLoss: 'test loss',
    pExplain: 'What is being computed',
    explainStart: "Press Sub-step: each phase's formula appears here with the real numbers.",
    moreTerms: (k) => `… ${k} more terms`,
    sampleN: (k) => `sample ${k}`,
    reluRule: ' (z ≤ 0 gives 0, and no gradient passes back)',
    notTminusY:
      "(the article's comment writes t − y; the derivative of L with respect to y is y − t)",
    updateRule: (type) => `W updated by the ${type} rule`,
    noticeDead: (n) =>
      `Unit ${n.unit} of layers[${n.layer}] is dead since step ${n.since}: its input z ≤ 0 for every sample of the batch, so its output is 0, no gradient passes, and dW for its incoming weights stays 0.`,
    noticePlateau: (n) => `The loss has stopped moving since step ${n.since} (a plateau).`,
    noticeDiverged: (n) => `The values diverged at step ${n.since}.`,
    tryLabel: 'Try:',
    btnGradcheck: 'Check the gradients numerically',
    btnCode: 'Show the PyTorch code',
    btnDownload: 'Download .py',
    gradcheckSummary: (g) =>
      `Finite differences (central, f64, h = ${g.h}) against backpropagation: ${g.entries.length} entries, largest relative error ${g.maxRelErr.toExponential(1)} (${g.maxRelErr < 1e-3 ? 'they agree' : 'they disagree'})`,
    gradcheckHead: ['layer', '', 'entry', 'backprop', 'numeric', 'rel. error'],
    layerAuto: 'auto (the active layer)',
    layerLoss: 'loss',
    rate: (r) => `${r} steps/s`,
    experiment: {
      seed: 'seed',
      init: 'init',
      hidden: 'hidden layers',
      lr: 'learning rate',
      activation: 'activation',
      optimizer: 'optimizer',
    },
    btnBack: 'Back',
    btnPresent: 'Presenter view',
    btnHelp: 'Keys',
    timeline: 'step',
    helpTitle: 'Keyboard shortcuts',
    close: 'Close',
    actions: {
      step: 'one step forward',
      substep: 'the next sub-step',
      back: 'one step back',
      play: 'play / pause',
      reset: 'back to step 0',
      present: 'presenter view (large type, one screen)',
      lang: 'switch language',
      help: 'this list',
    },
    badLink: (m) => `Cannot read this link (${m}); starting from the defaults.`,
    notInLink: 'A run loaded from a file is not put in the link: no settings describe it.',
    btnStep: 'Step',
    btnSubstep: 'Sub-step',
    btnPlay: 'Play',
    btnPause: 'Pause',
    speed: 'speed (steps/frame)',
    btnReset: 'Reset',
    btnSeed: 'New seed',
    btnSave: 'Save run',
    btnExport: 'Export trace',
    btnImport: 'Load file',
    dataset: 'data',
    options: {
      'dataset.xor': 'XOR',
      'dataset.regression': 'regression (article)',
      'dataset.circle': 'circle',
      'dataset.quadrants': 'quadrants',
      'dataset.gaussians': 'two gaussians',
      'dataset.spiral': 'spiral',
      'optimizer.sgd': 'SGD',
      'optimizer.momentum': 'momentum',
      'optimizer.adam': 'Adam',
      'init.normal': 'normal',
      'init.he': 'He',
      'init.glorot': 'Glorot',
    },
    hidden: 'hidden layers (widths)',
    activation: 'activation',
    optimizer: 'optimizer',
    lr: 'learning rate',
    batch: 'batch (0 = all)',
    init: 'init',
    seed: 'seed',
    limits: (l) =>
      `Limits: up to ${l.hiddenLayers} hidden layers of up to ${l.width} units, up to ${l.samples} points (page limits; the CLI allows 256 units and 10000 points). Changing a setting starts over.`,
    pNetwork: 'Network',
    showGrads: 'show gradients dW',
    sample: 'sample',
    legendEdges:
      'Edge colour and style = sign (solid purple +, dashed orange −), width = magnitude. Numbers in the circles are values for the chosen sample.',
    pMatrices: "Matrices (the article's printouts, live)",
    layer: 'layer',
    pGates: 'ReLU gates (× = blocked, x ≤ 0)',
    pLoss: 'Loss',
    logScale: 'log scale',
    pBoundary: 'Decision boundary (output)',
    pNeurons: "Each neuron's output",
    legendBoundary:
      'Purple = high output (+), orange = low (−). ● = target 1, ✕ = target 0, hollow or grey = test points.',
    keys: 'Keys (outside text fields): → / PageDown / Space = Step, Shift+→ / S = Sub-step, ← / PageUp = Back, P = Play/Pause, R = Reset, F = presenter view, L = language, ? = all keys. Tab reaches every control.',
    phase: {
      idle: 'idle',
      forward: '知る forward',
      loss: 'ロス loss',
      backward: '考える backward',
      update: '更新 update',
    },
    phaseShort: { forward: 'forward', loss: 'loss', backward: 'backward', update: 'update' },
    next: 'next',
    dead: 'dead units',
    none2d: 'The boundary needs 2 input features',
    noRelu: 'No ReLU layer',
    noSteps: 'No step completed yet',
    blocked: 'blocked',
    open: 'open',
    before: 'before update',
    samples: 'samples',
    units: 'units',
    moreRows: (n) => `… ${n} more rows`,
    lossAt: (s, v) => `loss at step ${s}: ${v}`,
    badSetting: (m) => `Cannot use these settings: ${m}`,
    badImport: (m) => `Cannot load: ${m}`,
    diverged: (f) =>
      typeof f === 'string'
        ? `Stopped: ${f}`
        : `Stopped: step ${f.step}, ${f.phase} phase${f.layer == null ? '' : `, layers[${f.layer}] (${f.kind})`}: ${f.what} is not finite (NaN or ±Inf). The state from before this step is kept; try a smaller learning rate.`,
    badJson: (m) => `not valid JSON: ${m}`,
    tooBig: (name, mb, max) => `${name}: ${mb} MB; files up to ${max} MB`,
    overLimits: (l, o) =>
      `Over the page's limits (up to ${l.hiddenLayers} hidden layers of up to ${l.width} units, up to ${l.samples} samples): ${o.field} has ${o.value} ${{ samples: 'samples', width: 'units', hidden: 'hidden layers', layers: 'layers' }[o.what]}, at most ${o.max}. The CLI runs it: backstep trace`,
    noWasm: (m) =>
      `This browser cannot run the page (it needs WebAssembly SIMD: Chrome 91, Firefox 89, Safari 16.4 or later): ${m}`,
  },
};

let lang = (navigator.language || 'ja').startsWith('ja') ? 'ja' : 'en';

/** The current language code. */
export function language() {
  return lang;
}

/** Switches language (the worker's copy too: its panels draw words). */
export function setLanguage(code) {
  lang = code in STRINGS ? code : 'en';
}

/** Rewrites every marked element of the page in the current language. */
export function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  const options = t('options');
  for (const el of document.querySelectorAll('[data-i18n-option]'))
    el.textContent = options[el.dataset.i18nOption] ?? el.value;
  for (const el of document.querySelectorAll('[data-i18n-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

/** The string (or string function) for `key` in the current language. */
export function t(key) {
  return STRINGS[lang][key] ?? key;
}
