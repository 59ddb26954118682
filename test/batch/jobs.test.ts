/**
 * `ingest --jobs N`: the pipeline in a pool of worker threads gives the same
 * database as one thread (documents, records, flags, plans, ids: documents are
 * stored in input order), and a file that fails in a worker — a bad file, or a
 * worker that crashes or runs out of memory under it — fails alone, named,
 * while the rest of the batch is stored.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/batch/index.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import { RuleSet } from '../../src/rules/index.js';
import { STAGES } from '../../src/stages.js';
import { openStore } from '../../src/store/index.js';
import { CORPORA, runCliProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Columns that record when or by which process, not what was extracted. */
const VOLATILE = new Set([
  'started_at',
  'finished_at',
  'ingested_at',
  'first_seen',
  'created_at',
  'claimed_at',
  'reviewed_at',
  'updated_at',
  'pid',
  'host',
  'args',
]);

/** Every row of every table (full-text index shadow tables aside), volatile columns left out, sorted. */
function contents(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((table) => {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => !VOLATILE.has(c));
        const order = columns.map((_, i) => i + 1).join(', ');
        return [
          table,
          db
            .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${order}`)
            .raw()
            .all(),
        ];
      }),
    );
  } finally {
    db.close();
  }
}

describe('ingest --jobs 2 on the sample corpora', () => {
  it('stores the same documents, records and flags as --jobs 1', () => {
    const one = join(dir, 'one.db');
    const two = join(dir, 'two.db');
    const inOneThread = runCliProcess(['ingest', CORPORA, '--db', one, '--jobs', '1', '--quiet']);
    const inWorkers = runCliProcess(['ingest', CORPORA, '--db', two, '--jobs', '2', '--quiet']);
    expect(inOneThread.status, inOneThread.stderr).toBe(0);
    expect(inWorkers.status, inWorkers.stderr).toBe(0);
    expect(inWorkers.stdout).toContain('7 stored');
    const expected = contents(one);
    const actual = contents(two);
    // A comparison of empty tables would prove nothing.
    for (const table of ['documents', 'quantities', 'sentences', 'responsibilities', 'milestones', 'plans'])
      expect(expected[table]!.length, table).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });
});

describe('a pooled batch with files that fail', () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE, STAGES);
  const rules = new RuleSet();
  const batch = join(dir, 'batch');
  mkdirSync(batch, { recursive: true });
  const good = ['xuanwu-ip-14fyp-plan.txt', 'nanjing-ip-14fyp-midterm-review.docx', 'lianyungang-ip-city-pilot-2024-2026.pdf'];
  for (const name of good) copyFileSync(join(CORPORA, name), join(batch, name));

  async function ingest(files: Record<string, string | Buffer>, extra: { workerEntry?: string; workerHeapMB?: number } = {}) {
    const folder = mkdtempSync(join(dir, 'case-'));
    for (const name of good) copyFileSync(join(batch, name), join(folder, name));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
    const store = openStore(join(folder, 'out.db'));
    const failed: string[] = [];
    try {
      const summary = await ingestPaths([folder], {
        db: store.db,
        pipeline,
        rules,
        jobs: 2,
        ...extra,
        onProgress: (e) => (e.kind === 'failed' ? failed.push(e.error) : undefined),
      });
      const paths = store.db.prepare('SELECT path FROM documents ORDER BY id').pluck().all() as string[];
      return { summary, failed, stored: paths.map((p) => p.slice(folder.length + 1)).sort() };
    } finally {
      store.close();
    }
  }

  it('a bad file fails alone, with its name, and the good ones are stored', async () => {
    const { summary, failed, stored } = await ingest({ 'a-truncated.pdf': Buffer.from('%PDF-1.7\n1 0 obj\n<<'), 'b-not-a-zip.docx': 'not a zip' });
    expect(stored).toEqual([...good].sort());
    expect(summary.failed).toBe(2);
    // Failures are reported as they happen, not in input order.
    expect(failed.sort()).toEqual([expect.stringMatching(/a-truncated\.pdf: .*(truncated|damaged)/), expect.stringMatching(/b-not-a-zip\.docx: not a valid/)]);
  });

  const crashing = resolve(import.meta.dirname, 'support/crashing-worker.mjs');

  it('a worker that dies under a file fails that file, and the pool carries on with a new worker', async () => {
    const { summary, failed, stored } = await ingest({ 'a-crash-worker.txt': '一、总体要求\n到2025年，专利授权量达到1000件。\n' }, { workerEntry: crashing });
    expect(stored).toEqual([...good].sort());
    expect(summary.failed).toBe(1);
    expect(failed).toEqual([expect.stringMatching(/a-crash-worker\.txt: its worker thread failed: worker exited with code: 70/)]);
  });

  it('a worker that runs out of memory fails that file only', async () => {
    const { summary, failed, stored } = await ingest(
      { 'a-exhaust-memory.txt': '一、总体要求\n到2025年，专利授权量达到1000件。\n' },
      { workerEntry: crashing, workerHeapMB: 192 },
    );
    expect(stored).toEqual([...good].sort());
    expect(summary.failed).toBe(1);
    expect(failed).toEqual([expect.stringMatching(/a-exhaust-memory\.txt: its worker thread ran out of memory/)]);
  });

  it('a batch of one file runs in the main thread: no pool is started for it', async () => {
    const store = openStore(join(dir, 'one-file.db'));
    try {
      // A worker module that does not exist: any file sent to a pool would fail.
      const summary = await ingestPaths([join(batch, good[0]!)], { db: store.db, pipeline, rules, jobs: 2, workerEntry: join(dir, 'no-such-worker.mjs') });
      expect(summary.stored).toBe(1);
      expect(summary.failed).toBe(0);
    } finally {
      store.close();
    }
  });

  it('workers that cannot start fail each file with the reason, and the batch ends', async () => {
    const store = openStore(join(dir, 'no-worker.db'));
    try {
      const summary = await ingestPaths([batch], { db: store.db, pipeline, rules, jobs: 2, workerEntry: join(dir, 'no-such-worker.mjs') });
      expect(summary.stored).toBe(0);
      expect(summary.failures.map((f) => f.error)).toEqual(
        good.map(() => expect.stringMatching(/: its worker thread failed: Cannot find module .*no-such-worker\.mjs/)),
      );
    } finally {
      store.close();
    }
  });
});
