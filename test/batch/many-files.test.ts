/**
 * A folder with thousands of files: the walk streams it (nothing is listed in
 * memory up front), files that are not plan documents are passed over, and a
 * batch where nearly every file is bad still finishes, naming each failure,
 * with the good files stored.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expandPaths } from '../../src/batch/expand-paths.js';
import { CORPORA, runCliProcess } from '../support/cli.js';

const FILES = 3000;
let dir: string;
let batch: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-many-'));
  batch = join(dir, 'batch');
  for (let folder = 0; folder < 10; folder++) {
    const sub = join(batch, `folder-${folder}`);
    mkdirSync(sub, { recursive: true });
    for (let i = 0; i < FILES / 10; i++) {
      // Empty plan-like files fail fast in ingest; the other names are not plans at all.
      writeFileSync(join(sub, `plan-${i}.txt`), '');
      writeFileSync(join(sub, `scan-${i}.jpg`), 'x');
    }
  }
  copyFileSync(join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt'), join(batch, 'folder-3', 'good.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('walks every plan-like file in a folder of thousands, and only those', async () => {
  let count = 0;
  for await (const path of expandPaths([batch])) {
    expect(path).toMatch(/\.txt$/);
    count++;
  }
  expect(count).toBe(FILES + 1);
});

it('ingests the batch: the good file stored, each of the thousands of bad ones named, exit 1', () => {
  const db = join(dir, 'many.db');
  const result = runCliProcess(['ingest', batch, '--db', db, '--concurrency', '4'], { timeoutMs: 600_000 });
  expect(result.status).toBe(1);
  const errors = result.stderr
    .trim()
    .split('\n')
    .filter((line) => line.includes('plan-'));
  expect(errors).toHaveLength(FILES);
  expect(errors.every((line) => /plan-\d+\.txt: .*empty/.test(line))).toBe(true);
  const store = new Database(db, { readonly: true });
  try {
    expect(store.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
    expect((store.prepare("SELECT count(DISTINCT path) AS n FROM messages WHERE severity = 'fatal'").get() as { n: number }).n).toBe(FILES);
    expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    store.close();
  }
});
