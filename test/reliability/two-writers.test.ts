/**
 * Two ingests into one database at once (two connections, as two processes
 * would have): each file is processed and stored once, and each summary
 * counts what its own run stored.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestPaths } from '../../src/batch/index.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import { RuleSet } from '../../src/rules/index.js';
import { STAGES } from '../../src/stages.js';
import { openStore } from '../../src/store/index.js';
import { ROOT } from './support.js';

let dir: string;
const FILES = [
  'lianyungang-ip-city-pilot-2024-2026.txt',
  'nanjing-ip-14fyp-midterm-review.txt',
  'xuanwu-ip-14fyp-plan.txt',
  'nanjing-ip-14fyp-midterm-review.docx',
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-writers-'));
  mkdirSync(join(dir, 'batch'));
  for (const f of FILES) copyFileSync(join(ROOT, 'corpora', f), join(dir, 'batch', f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('stores each file once and each summary counts what it stored', async () => {
  const db = join(dir, 'two.db');
  openStore(db).close();
  const pipeline = loadPipeline(DEFAULT_PIPELINE, STAGES);
  const rules = new RuleSet();
  const writers = [openStore(db), openStore(db)];
  const processed: string[][] = [[], []];
  try {
    const summaries = await Promise.all(
      writers.map((store, i) =>
        ingestPaths([join(dir, 'batch')], {
          db: store.db,
          pipeline,
          rules,
          onProgress: (e) => {
            if (e.kind === 'stored') processed[i]!.push(e.path);
          },
        }),
      ),
    );
    const documents = (writers[0]!.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    expect(documents).toBe(FILES.length);
    expect(summaries[0]!.stored + summaries[1]!.stored).toBe(FILES.length);
    expect(summaries[0]!.skipped + summaries[1]!.skipped).toBe(FILES.length);
    expect(summaries.map((s) => s.failed)).toEqual([0, 0]);
    // no file stored by both
    expect(processed[0]!.filter((p) => processed[1]!.includes(p))).toEqual([]);
    const runs = writers[0]!.db.prepare('SELECT ok, status FROM runs ORDER BY id').all();
    expect(runs).toEqual([
      { ok: summaries[0]!.stored, status: 'finished' },
      { ok: summaries[1]!.stored, status: 'finished' },
    ]);
    expect(writers[0]!.db.prepare('SELECT count(*) AS n FROM file_claims').get()).toEqual({ n: 0 });
    expect(writers[0]!.db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    for (const w of writers) w.close();
  }
});
