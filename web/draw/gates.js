// The ReLU gates panel: for each ReLU layer a samples × units grid, blocked cells (x ≤ 0) dark
// with ×, open cells pale, and units blocked for every sample flagged as dead.

import { What } from '../engine/model.js';
import { nextWords, t } from '../i18n/index.js';
import { FONT, INK, MUTED, NEG, prepare } from './colors.js';

const GATE = 28;
const GATE_ROWS = 16;

/** Draws the panel. */
export function drawGates(canvas, model) {
  const kinds = model.kinds();
  const relus = kinds.map((k, i) => (k === 'relu' ? i : -1)).filter((i) => i >= 0);
  const blocks = relus.map((i) => ({
    layer: i,
    m: model.mat(i, What.Mask),
    dead: Array.from(model.trainer.dead_units(i)),
  }));
  const height = blocks.reduce(
    (h, b) => h + 64 + Math.min(GATE_ROWS, b.m ? b.m.rows : 0) * GATE,
    24,
  );
  const { ctx, w } = prepare(canvas, Math.max(120, height));
  ctx.textAlign = 'left';
  if (!relus.length) {
    ctx.fillStyle = MUTED;
    ctx.font = FONT.text;
    ctx.fillText(t('noRelu'), 12, 24);
    return;
  }
  let y = 14;
  for (const b of blocks) {
    ctx.fillStyle = INK;
    ctx.font = FONT.bold;
    ctx.fillText(`layers[${b.layer}] relu`, 8, y);
    if (!b.m || b.m.rows === 0) {
      ctx.fillStyle = MUTED;
      ctx.font = FONT.text;
      ctx.fillText(nextWords(model.trainer.next()), 8, y + 22);
      y += 48;
      continue;
    }
    const units = b.m.cols;
    const size = Math.min(GATE, (w - 60) / units);
    const top = y + 26;
    ctx.textAlign = 'center';
    for (let u = 0; u < units; u++) {
      const dead = b.dead.includes(u);
      ctx.fillStyle = dead ? NEG : MUTED;
      ctx.font = dead ? FONT.bold : FONT.text;
      ctx.fillText(`${u}`, 44 + u * size + size / 2, top - 8);
    }
    const rows = Math.min(GATE_ROWS, b.m.rows);
    for (let s = 0; s < rows; s++) {
      ctx.fillStyle = MUTED;
      ctx.textAlign = 'right';
      ctx.fillText(`${s}`, 38, top + s * GATE + GATE / 2);
      ctx.textAlign = 'center';
      for (let u = 0; u < units; u++) {
        const blocked = b.m.at(s, u) === 1;
        const x = 44 + u * size;
        ctx.fillStyle = blocked ? '#4a4a4a' : '#eef2f7';
        ctx.fillRect(x, top + s * GATE, size - 2, GATE - 2);
        if (size >= 12) {
          ctx.fillStyle = blocked ? '#fff' : '#9aa4b2';
          ctx.fillText(blocked ? '×' : '○', x + (size - 2) / 2, top + s * GATE + (GATE - 2) / 2);
        }
      }
    }
    // Dead units: a thick outline around the whole column, besides the list below.
    ctx.strokeStyle = NEG;
    ctx.lineWidth = 3;
    for (const u of b.dead) ctx.strokeRect(44 + u * size - 2, top - 2, size + 2, rows * GATE + 2);
    y = top + rows * GATE + 8;
    ctx.textAlign = 'left';
    ctx.font = FONT.text;
    ctx.fillStyle = b.dead.length ? NEG : MUTED;
    const more = b.m.rows > rows ? `   ${t('moreRows')(b.m.rows - rows)}` : '';
    ctx.fillText(`${t('dead')}: ${b.dead.length ? b.dead.join(', ') : '—'}${more}`, 8, y + 8);
    y += 34;
  }
}
