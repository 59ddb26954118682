/**
 * pdf.js's legacy build replaces Array.prototype.push for the whole process
 * (core-js); src/ingest/pdfjs.ts puts the built-in back. Each case runs in a
 * fresh Node process: test files share their worker's modules and globals.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const src = (path: string) => JSON.stringify(pathToFileURL(`${ROOT}/src/${path}`).href);

/** Imports `load` (module code run after the built-in push is noted), then says whether push is still the built-in. */
function pushAfter(load: string): { builtIn: boolean } {
  const script = `const builtIn = Array.prototype.push; ${load}; console.log(JSON.stringify({ builtIn: Array.prototype.push === builtIn }));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { builtIn: boolean };
}

const cases = [
  // The control: if pdf.js stops replacing push, this fails, and the restore in pdfjs.ts can go.
  { name: "pdfjs-dist's legacy build on its own replaces it", load: "await import('pdfjs-dist/legacy/build/pdf.mjs')", builtIn: false },
  { name: 'pdf-parse on its own replaces it', load: "await import('pdf-parse')", builtIn: false },
  { name: 'src/ingest/pdfjs.ts puts the built-in back', load: `await import(${src('ingest/pdfjs.ts')})`, builtIn: true },
  {
    name: 'reading a PDF with its ruled tables (pdf.js worker and pdf-parse loaded) leaves the built-in',
    load:
      `const { readPdf } = await import(${src('ingest/read-pdf.ts')}); const { readFileSync } = await import('node:fs');` +
      `await readPdf(readFileSync('corpora/xuanwu-ip-14fyp-plan.pdf'), { minCharsPerPage: 10, tables: true })`,
    builtIn: true,
  },
];

describe('Array.prototype.push after loading pdf.js', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(pushAfter(c.load).builtIn).toBe(c.builtIn);
    });
  }
});
