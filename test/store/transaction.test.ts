/**
 * One transaction per document: a failure half-way through storing a
 * document leaves no trace of it, and a failed re-store (--force) keeps the
 * version already stored. The failure is real: a row the schema rejects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, loadPipeline, runPipeline } from '../../src/core/pipeline.js';
import { openSource } from '../../src/ingest/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { STAGES } from '../../src/stages.js';
import { MIGRATIONS, openStore, storeDocument, type StorableDocument, type Store } from '../../src/store/index.js';
import { storableState } from '../../src/batch/storable-state.js';

const FILE = resolve(import.meta.dirname, '../../corpora/nanjing-ip-14fyp-midterm-review.txt');
const context = { runId: null, pipeline: 'plans', rulesVersion: 'test' };

let dir: string;
let store: Store;
let state: StorableDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-tx-'));
  store = openStore(join(dir, 'tx.db'));
  state = storableState(await runPipeline(loadPipeline(DEFAULT_PIPELINE, STAGES), await openSource(FILE), { rules: new RuleSet() }));
  expect(state.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Row counts of every table, to compare before and after. */
function snapshot(): Record<string, number> {
  const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%'").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, (store.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** The same document with its last sentence broken, so storing fails after most rows are written. */
function brokenCopy(sha256: string): StorableDocument {
  const sentences = state.segments!.sentences.map((s) => ({ ...s }));
  (sentences[sentences.length - 1] as { text: unknown }).text = null;
  return { ...state, source: { ...state.source, sha256 }, segments: { ...state.segments!, sentences } };
}

it('opens at the latest schema version', () => {
  expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
});

it('a failure while storing a new document leaves nothing half-written', () => {
  storeDocument(store.db, state, context);
  const before = snapshot();
  expect(before.sentences).toBeGreaterThan(10);
  expect(() => storeDocument(store.db, brokenCopy('f'.repeat(64)), context)).toThrow(/NOT NULL/);
  expect(snapshot()).toEqual(before);
  expect(store.db.prepare('SELECT 1 FROM documents WHERE sha256 = ?').get('f'.repeat(64))).toBeUndefined();
});

it('a failed re-store keeps the document already stored', () => {
  const before = snapshot();
  const id = (store.db.prepare('SELECT id FROM documents WHERE sha256 = ?').get(state.source.sha256) as { id: number }).id;
  expect(() => storeDocument(store.db, brokenCopy(state.source.sha256), context)).toThrow();
  expect(snapshot()).toEqual(before);
  expect((store.db.prepare('SELECT id FROM documents WHERE sha256 = ?').get(state.source.sha256) as { id: number }).id).toBe(id);
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
});
