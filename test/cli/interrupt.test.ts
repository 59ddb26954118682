/**
 * Killing ingest mid-batch (SIGKILL: no cleanup code runs) leaves a
 * consistent database of whole documents, and the next run resumes: what was
 * stored is skipped, the rest is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { replicateCorpus } from '../../src/bench/replicate.js';
import { openStore } from '../../src/store/index.js';
import { runCliProcess as cli, startCliProcess as cliProcess, CORPORA } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('resumes after being killed mid-batch', async () => {
  // One new copy of each sample file (every format): enough to kill after two and resume the rest.
  const files = replicateCorpus(CORPORA, join(dir, 'batch'), 7);
  const db = join(dir, 'kill.db');
  const child = cliProcess(['ingest', join(dir, 'batch'), '--db', db, '--concurrency', '1']);
  let stored = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stored += (chunk.toString().match(/: stored as document/g) ?? []).length;
      if (stored >= 2) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  expect(child.signalCode).toBe('SIGKILL');

  const store = openStore(db);
  const committed = (store.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(committed).toBeGreaterThanOrEqual(2);
    expect(committed).toBeLessThan(files.length);
    // every committed document is whole: text, sentences and a plan
    const partial = store.db
      .prepare('SELECT count(*) AS n FROM documents d WHERE d.plan_id IS NULL OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)')
      .get() as { n: number };
    expect(partial.n).toBe(0);
    expect(store.db.prepare('SELECT finished_at FROM runs').get()).toEqual({ finished_at: null });
  } finally {
    store.close();
  }

  const resumed = cli(['ingest', join(dir, 'batch'), '--db', db]);
  expect(resumed.status).toBe(0);
  expect(resumed.stdout).toContain(`${files.length - committed} stored, ${committed} skipped`);
});
