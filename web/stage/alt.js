// The page's side of the canvases' text alternatives (describe.js builds them): each canvas is
// described by a screen-reader-only element beside it, whose text (and, for the matrices, real
// tables) is rewritten only when it changes. Text only: nothing is ever inserted as HTML.

/** The text last written per panel, to skip writes that change nothing. */
const written = new Map();

/** The screen-reader-only element that describes panel `name`'s canvas (made once). */
function holder(name) {
  let el = document.getElementById(`alt-${name}`);
  if (!el) {
    const canvas = document.getElementById(`c-${name}`);
    if (!canvas) return null;
    el = document.createElement('div');
    el.id = `alt-${name}`;
    el.className = 'sr-only';
    el.dataset.alt = name;
    canvas.after(el);
  }
  // The worker's canvases replace the page's (clones): each new one is pointed at it again.
  const canvas = document.getElementById(`c-${name}`);
  if (canvas && canvas.getAttribute('aria-describedby') !== el.id)
    canvas.setAttribute('aria-describedby', el.id);
  return el;
}

/** One matrix as a table: a caption, column numbers, and row numbers heading each row. */
function table({ caption, rows }) {
  const tb = document.createElement('table');
  const cap = document.createElement('caption');
  cap.textContent = caption;
  const head = document.createElement('tr');
  head.append(document.createElement('td'));
  for (let c = 0; c < (rows[0]?.length ?? 0); c++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = String(c);
    head.append(th);
  }
  tb.append(cap, head);
  rows.forEach((row, r) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r);
    tr.append(th);
    for (const v of row) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    tb.append(tr);
  });
  return tb;
}

/** Writes the text alternatives the engine reported (`alt`: describe.js's object). */
export function showAlt(alt) {
  for (const [name, value] of Object.entries(alt)) {
    const key = JSON.stringify(value);
    const el = holder(name);
    if (!el || written.get(name) === key) continue;
    written.set(name, key);
    if (typeof value === 'string') {
      el.textContent = value;
    } else {
      const p = document.createElement('p');
      p.textContent = value.summary;
      el.replaceChildren(p, ...value.tables.map(table));
    }
  }
}
