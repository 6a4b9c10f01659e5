// キー操作の一覧の言葉（日本語）: the key list's words in Japanese (the help overlay, web/stage/
// presenter.js, lists web/stage/keys.js's table with them); en-keys.js has the same keys.

export const KEYS_JA = {
  helpTitle: 'キー操作',
  actions: {
    step: '1 ステップ進める',
    substep: '次の処理だけ進める',
    back: '1 ステップ戻る',
    'lesson-play': '授業モード：数秒ごとに次の処理へ（開始／停止）',
    play: '再生 / 一時停止',
    reset: '最初から',
    present: '発表モード (大きな文字、1 画面)',
    notices: 'お知らせと実験 (発表モード)',
    stage: 'ネットワークと行列 / 損失と地図 (発表モード)',
    lang: '言語の切り替え',
    help: 'この一覧',
  },
};
