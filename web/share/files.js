// Files in and out of the page: downloads made from the page's data (the exported trace, the
// saved run), and a file the user chose, read as JSON within a stated size.

import { t } from '../i18n/index.js';
import { parseJson, traceJson } from './json.js';
import { cutLine } from './quote.js';

/** Largest file the page reads; a spec or trace within the page's limits is well under 1 MB,
 *  and a huge file would only freeze the tab while it is read. */
export const MAX_IMPORT_MB = 16;

/** Most values (counted as commas and opening brackets, before parsing) a file may hold: a saved
 *  run at the furthest step (one loss per step, 1 000 000) and the page's largest net, with room.
 *  Millions of `{}` layers in a 16 MB file are refused at once, not after seconds of parsing. */
export const MAX_FILE_VALUES = 2_000_000;

/** Whether `file` holds more than MAX_FILE_VALUES values (an upper bound: its commas and
 *  opening brackets), counted a megabyte at a time so the page answers meanwhile. */
async function tooManyValues(file) {
  let n = 0;
  for (let at = 0; at < file.size; at += 2 ** 20) {
    const bytes = new Uint8Array(await file.slice(at, at + 2 ** 20).arrayBuffer());
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      // ',' '[' '{'
      if (c === 44 || c === 91 || c === 123) n++;
    }
    if (n > MAX_FILE_VALUES) return true;
  }
  return false;
}

/** Offers `text` as a download named `name`. */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** Downloads an exported trace document ({spec, last_step}) as the CLI would write it. */
export function downloadTrace(doc) {
  download(`backstep-step-${doc.last_step.step}.json`, traceJson(doc));
}

/** Downloads a saved run ({spec, run, settings}); its numbers are written exactly (JSON's
 *  shortest form of each f32 value), so a load resumes bit for bit. */
export function downloadRun(doc) {
  download(`backstep-run-step-${doc.run.state.steps}.json`, JSON.stringify(doc));
}

/** Reads a chosen file as JSON, or throws an Error saying why it cannot (too big, not JSON). */
export async function readJsonFile(file) {
  if (file.size > MAX_IMPORT_MB * 2 ** 20) {
    const name = cutLine(file.name, 60);
    throw new Error(t('tooBig')(name, (file.size / 2 ** 20).toFixed(0), MAX_IMPORT_MB));
  }
  if (await tooManyValues(file))
    throw new Error(t('tooManyValues')(cutLine(file.name, 60), MAX_FILE_VALUES));
  return parseJson(await file.text());
}

/** Loads the file chosen in `input` with `load(doc)` (a saved run as it is, a trace by its
 *  spec); `fail(error)` gets why it could not be read or loaded. */
export function bindImport(input, load, fail) {
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    input.value = '';
    try {
      const doc = await readJsonFile(file);
      await load(doc?.run ? doc : (doc?.spec ?? doc));
    } catch (err) {
      fail(err);
    }
  });
}
