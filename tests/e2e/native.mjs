// The native side of the page-against-CLI tests: the CLI's JSON answer to a command line, and
// every number as the f32 it stands for (the page gives exact f32 values, the CLI their
// shortest decimal, and `Math.fround` of that decimal is the same f32).

import { execFileSync } from 'node:child_process';

/** The CLI's JSON output for `args` (`cargo xtask` builds it and names it in BACKSTEP_CLI). */
export const cli = (args) =>
  JSON.parse(execFileSync(process.env.BACKSTEP_CLI, args, { encoding: 'utf8' }));

/** `v` with every number as the f32 it stands for, objects and arrays alike. */
export const f32 = (v) =>
  typeof v === 'number'
    ? Math.fround(v)
    : Array.isArray(v)
      ? v.map(f32)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, f32(x)]))
        : v;
