/**
 * Every kind of bad input in one batch next to a good file: the good file is
 * stored, each bad file gets one line naming it, the exit status is 1, and
 * the database (with what was stored before) is intact.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCliInProcess } from '../support/cli.js';
import { runCliProcess as cli, CORPORA, ROOT } from '../support/cli.js';

let dir: string;
let db: string;
const bad = {} as { empty: string; truncatedPdf: string; notZip: string; binary: string; brokenLink: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-bad-'));
  db = join(dir, 'bad.db');
  const batch = join(dir, 'batch');
  mkdirSync(batch);
  bad.empty = join(batch, 'empty.txt');
  writeFileSync(bad.empty, '');
  bad.truncatedPdf = join(batch, 'truncated.pdf');
  writeFileSync(bad.truncatedPdf, readFileSync(join(CORPORA, 'xuanwu-ip-14fyp-plan.pdf')).subarray(0, 2000));
  bad.notZip = join(batch, 'not-a-zip.docx');
  writeFileSync(bad.notZip, 'this is not a zip archive, whatever the name says');
  bad.binary = join(dir, 'blob.bin');
  writeFileSync(bad.binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  bad.brokenLink = join(batch, 'gone.txt');
  symlinkSync(join(dir, 'does-not-exist.txt'), bad.brokenLink);
  copyFileSync(join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt'), join(batch, 'good.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('stores the good file, names each bad one in one line, exits 1, keeps earlier data', async () => {
  // The earlier data, stored through main(argv); the bad batch runs as the real process.
  const first = await runCliInProcess(['ingest', join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), '--db', db]);
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);

  const result = cli(['ingest', join(dir, 'batch'), bad.binary, '--db', db]);
  expect(result.status).toBe(1);
  const errorLines = result.stderr.trim().split('\n');
  expect(errorLines).toHaveLength(Object.keys(bad).length);
  for (const path of Object.values(bad)) {
    const line = errorLines.find((l) => l.startsWith(`${path}: `));
    expect(line, `no error line for ${path}:\n${result.stderr}`).toBeDefined();
    expect(line!.length).toBeGreaterThan(path.length + 5);
  }
  expect(result.stdout).toMatch(/1 stored, 0 skipped \(already stored\), 5 failed/);

  const store = openStore(db);
  try {
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const paths = (store.db.prepare('SELECT path FROM documents ORDER BY id').all() as Array<{ path: string }>).map((r) => r.path);
    expect(paths).toEqual([join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), join(dir, 'batch', 'good.txt')]);
    // failed files are recorded, by path, with their problem
    const failed = store.db.prepare("SELECT path FROM messages WHERE severity = 'fatal' AND document_id IS NULL").all() as Array<{ path: string }>;
    expect(failed.map((f) => f.path).sort()).toEqual(Object.values(bad).sort());
    const run = store.db.prepare('SELECT ok, failed, skipped, finished_at FROM runs ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(run).toMatchObject({ ok: 1, failed: 5, skipped: 0 });
    expect(run.finished_at).toBeTruthy();
  } finally {
    store.close();
  }
});

it('stops at once, exit 2, on a broken rule file, naming it in one line', async () => {
  const rules = join(dir, 'rules');
  cpSync(join(ROOT, 'rules'), rules, { recursive: true });
  writeFileSync(join(rules, 'units.yaml'), 'units: [unclosed\n');
  const brokenDb = join(dir, 'broken-rules.db');
  const result = await runCliInProcess(['ingest', CORPORA, '--db', brokenDb, '--rules', rules]);
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toContain(join(rules, 'units.yaml'));
  const store = openStore(brokenDb);
  try {
    expect(store.db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
  } finally {
    store.close();
  }
});
