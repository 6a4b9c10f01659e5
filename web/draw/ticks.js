// Axis ticks for the panels: "nice" values (1, 2 or 5 times a power of ten) on a linear scale,
// powers of ten on a log scale (with 2 and 5 between when the range spans under two decades),
// and their labels, in scientific form when large or tiny so they never clip.

/** A nice step near `raw`: 1, 2 or 5 times a power of ten. */
function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * About `most` tick values covering [lo, hi]. On a log scale `lo` and `hi` are log10 of the
 * range and the ticks are values (0.01, 0.1, 1 …); on a linear scale they are values.
 */
export function niceTicks(lo, hi, log, most = 5) {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (log) {
    const first = Math.ceil(lo - 1e-9),
      last = Math.floor(hi + 1e-9);
    const decades = last - first + 1;
    if (hi - lo < 2) {
      const out = [];
      for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
        for (const m of [1, 2, 5]) {
          const l = Math.log10(m) + e;
          if (l >= lo - 1e-9 && l <= hi + 1e-9) out.push(m * 10 ** e);
        }
      }
      return out.length > most ? out.filter((v) => isPower(v)) : out;
    }
    const every = Math.max(1, Math.ceil(decades / most));
    const out = [];
    for (let e = first; e <= last; e++) if ((e - first) % every === 0) out.push(10 ** e);
    return out;
  }
  const step = niceStep((hi - lo) / Math.max(1, most));
  const out = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** Whether `v` is a power of ten. */
function isPower(v) {
  const e = Math.log10(v);
  return Math.abs(e - Math.round(e)) < 1e-9;
}

/** Superscript digits and minus, for 10ⁿ. */
const SUP = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

/**
 * A tick's label: plain from 0.001 to 99 999 (1, 0.1, 0.01, 250, 0.25), otherwise as m×10ⁿ
 * (1×10⁶, 2.5×10⁻⁵), so a diverging run's 10³⁰ never clips.
 */
export function tickLabel(v, log = false) {
  if (v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 1e-3 && a < 1e5) return sign + String(Number(a.toPrecision(log ? 1 : 6)));
  const e = Math.floor(Math.log10(a) + 1e-12);
  const m = Number((a / 10 ** e).toPrecision(3));
  const pow = `10${String(e).replace(/./g, (c) => SUP[c])}`;
  return sign + (m === 1 ? pow : `${m}×${pow}`);
}
