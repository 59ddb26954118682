/**
 * Hard-wrapped copies of the real .txt corpora — as text saved or copied out
 * of a PDF or web page comes: fixed-width lines cut mid-sentence and
 * mid-number, with or without indents, blank lines, page numbers, running
 * headers, form feeds and CRLF — must normalise to the paragraphs of the
 * originals, and score as the originals do in eval.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentState } from '../../src/core/state.js';
import { summarise, type EvalSummary } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/run.js';
import { hardWrap, type WrapStyle } from './hard-wrap.js';
import { overlap } from './overlap.js';
import { corpus, ingestAndNormalise, paragraphs } from './run-document.js';

const NAMES = ['lianyungang-ip-city-pilot-2024-2026', 'nanjing-ip-14fyp-midterm-review', 'xuanwu-ip-14fyp-plan'];
const GOLD = join(import.meta.dirname, '../fixtures/gold');

const STYLES: Record<string, WrapStyle> = {
  '30 columns': { width: 30 },
  '34, indented, CRLF': { width: 34, indent: true, crlf: true },
  '35, justified (widths vary)': { width: 35, jitter: 4 },
  '36, blank lines between paragraphs': { width: 36, blankBetween: true },
  '40 columns': { width: 40 },
  '33 characters (a script fold)': { width: 33, measure: 'chars' },
  '32 characters, indented, justified': { width: 32, measure: 'chars', jitter: 2, indent: true },
  '32, pages with form feeds, bare numbers, running header': {
    width: 32,
    pages: { lines: 30, number: 'bare', formFeed: true, header: '连云港市人民政府文件' },
  },
  '37, indented, CRLF, pages with — n — and a running header, no form feeds': {
    width: 37,
    indent: true,
    crlf: true,
    pages: { lines: 28, number: 'dash', header: '南京市人民政府办公厅' },
  },
};
/** The styles also run through the whole pipeline and eval (a few seconds each). */
const EVAL_STYLES = ['30 columns', '33 characters (a script fold)', '37, indented, CRLF, pages with — n — and a running header, no form feeds'];
const SECTIONS = ['targets', 'actuals', 'responsibilities', 'milestones', 'departments', 'document'] as const;

const root = mkdtempSync(join(tmpdir(), 'planlens-wrapped-corpora-'));
const originals = new Map<string, DocumentState>();

beforeAll(async () => {
  for (const name of NAMES) originals.set(name, await ingestAndNormalise(corpus(`${name}.txt`)));
});

function writeCopies(styleName: string): string {
  const dir = join(root, styleName.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(dir, { recursive: true });
  for (const name of NAMES) writeFileSync(join(dir, `${name}.txt`), hardWrap(readFileSync(corpus(`${name}.txt`), 'utf8'), STYLES[styleName]!));
  return dir;
}

describe.each(Object.keys(STYLES))('hard-wrapped at %s', (styleName) => {
  it('normalises to the paragraphs and sentences of the originals', async () => {
    const dir = writeCopies(styleName);
    let shared = 0;
    let total = 0;
    for (const name of NAMES) {
      const original = originals.get(name)!;
      const started = performance.now();
      const wrapped = await ingestAndNormalise(join(dir, `${name}.txt`));
      const ms = performance.now() - started;
      const o = overlap(original, wrapped);
      console.log(`${styleName} ${name}: paragraphs ${o.paragraphs.toFixed(3)}, sentences ${o.sentences.toFixed(3)} (${ms.toFixed(0)} ms)`);
      expect(o.sentences).toBeGreaterThanOrEqual(0.97);
      // A paragraph whose last sentence ends exactly at the margin cannot be told from one that goes on.
      expect(o.paragraphs).toBeGreaterThanOrEqual(0.95);
      const count = new Set(paragraphs(original).map((p) => p.replace(/\s+/g, ''))).size;
      shared += o.paragraphs * count;
      total += count;
    }
    expect(shared / total).toBeGreaterThanOrEqual(0.97);
  });
});

describe('eval on hard-wrapped copies scores as on the originals', () => {
  let original: EvalSummary;
  beforeAll(async () => {
    const dir = join(root, 'originals');
    mkdirSync(dir, { recursive: true });
    for (const name of NAMES) copyFileSync(corpus(`${name}.txt`), join(dir, `${name}.txt`));
    original = summarise(await runEval({ goldDir: GOLD, docsDir: dir }));
  });

  it.each(EVAL_STYLES)('%s: every section within 0.02 F1 of the original .txt files', async (styleName) => {
    const wrapped = summarise(await runEval({ goldDir: GOLD, docsDir: writeCopies(styleName) }));
    expect(wrapped.failed).toEqual([]);
    const rows = SECTIONS.map((s) => `${s} ${wrapped.overall[s].f1.toFixed(3)} (original ${original.overall[s].f1.toFixed(3)})`);
    console.log(`eval ${styleName}: ${rows.join(', ')}`);
    for (const section of SECTIONS) expect(wrapped.overall[section].f1, section).toBeGreaterThanOrEqual(original.overall[section].f1 - 0.02);
  });
});
