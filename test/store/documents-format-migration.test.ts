/**
 * Migration 9 on a database written before it: the documents table loses
 * migration 1's CHECK (format IN …) and keeps every row — its own, with their
 * ids, and every row of every table that references it (dropping the old
 * table cascades to nothing) — its indexes and the views over it. The store
 * then checks a document's format against the registry instead.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storableState } from '../../src/batch/storable-state.js';
import { openSource } from '../../src/ingest/index.js';
import { MIGRATIONS } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open.js';
import { storeDocument } from '../../src/store/write-document.js';
import { DEFAULT, rules } from '../support/pipeline.js';
import { runPipeline } from '../../src/core/pipeline.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REBUILD = MIGRATIONS.findIndex((m) => m.description.startsWith('documents without CHECK (format IN'));

/** A database at the version before the rebuild, foreign keys on as the store opens it, with rows in the tables around documents. */
function databaseBeforeRebuild(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (let v = 0; v < REBUILD; v++) MIGRATIONS[v]!.up(db);
  db.pragma(`user_version = ${REBUILD}`);
  db.exec(`
    INSERT INTO runs (id, started_at, pipeline, rules_version, args) VALUES (1, 't', 'plans', 'r', '[]');
    INSERT INTO plans (id, title) VALUES (7, '某某市规划');
    INSERT INTO documents (id, sha256, plan_id, path, format, bytes, text, title, pipeline, rules_version, run_id, ingested_at, fingerprint)
      VALUES (3, 'a', 7, 'a.txt', 'txt', 10, '全文', '某某市规划', 'plans', 'r', 1, 't', x'00'),
             (5, 'b', 7, 'a.pdf', 'pdf', 20, '全文', '某某市规划', 'plans', 'r', 1, 't', x'01');
    UPDATE plans SET primary_document_id = 5 WHERE id = 7;
    INSERT INTO document_paths (document_id, path, first_seen) VALUES (3, 'a.txt', 't'), (5, 'a.pdf', 't');
    INSERT INTO document_bands (document_id, band, hash) VALUES (3, 0, 11), (5, 0, 11);
    INSERT INTO messages (run_id, document_id, path, severity, stage, code, text, created_at) VALUES (1, 5, 'a.pdf', 'warning', 'ingest', 'x', 'y', 't');
    INSERT INTO sections (document_id, idx, path, number, heading, level, heading_start, heading_end, start, "end") VALUES (5, 0, '1', '一', '总体要求', 1, 0, 4, 0, 2);
    INSERT INTO sentences (document_id, idx, text, words, start, "end", section_path) VALUES (5, 0, '全文', '全文', 0, 2, '1');
    INSERT INTO quantities (document_id, idx, kind, indicator, is_fact, flags, section_path, start, "end", sentence, sentence_idx, rule, rules_version, anchor)
      VALUES (5, 0, 'target', '高新技术企业', 1, '[]', '1', 0, 2, '全文', 0, 'quantity.x', 'r', 'q');
    INSERT INTO milestones (document_id, what, section_path, span_start, span_end, sentence, sentence_idx, rule, rules_version, anchor)
      VALUES (5, '完成', '1', 0, 2, '全文', 0, 'milestone.x', 'r', 'm');
  `);
  return db;
}

/** Every row of every table (FTS shadow tables aside), in rowid order. */
function everyRow(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%' ORDER BY name").all() as Array<{
    name: string;
  }>;
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

describe('migration 9: documents without the format CHECK', () => {
  it('keeps every row of every table, the indexes and the views', () => {
    expect(REBUILD).toBeGreaterThan(0);
    const db = databaseBeforeRebuild();
    const before = everyRow(db);
    expect(before.documents).toHaveLength(2);
    expect(() => db.prepare("UPDATE documents SET format = 'html' WHERE id = 3").run()).toThrow(/CHECK/);

    migrate(db);

    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(everyRow(db)).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND sql IS NOT NULL").all()).toEqual([
      { name: 'documents_plan' },
    ]);
    expect(db.prepare('SELECT id FROM primary_documents').all()).toEqual([{ id: 5 }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM plan_targets WHERE plan_id = 7').get()).toEqual({ n: 1 });
    // The table takes any format name now; the registry decides (below).
    db.prepare("UPDATE documents SET format = 'html' WHERE id = 3").run();
    // Foreign keys act on the rebuilt table as before.
    db.prepare('DELETE FROM documents WHERE id = 5').run();
    expect(db.prepare('SELECT primary_document_id FROM plans').get()).toEqual({ primary_document_id: null });
    expect(db.prepare('SELECT COUNT(*) AS n FROM quantities').get()).toEqual({ n: 0 });
  });

  it('a new database has the same documents table as a migrated one', () => {
    const migrated = databaseBeforeRebuild();
    migrate(migrated);
    const fresh = new Database(':memory:');
    migrate(fresh);
    const definition = (db: Database.Database) => db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents'").get();
    expect(definition(fresh)).toEqual(definition(migrated));
    expect((definition(fresh) as { sql: string }).sql).not.toMatch(/CHECK \(format/);
  });
});

describe('the store checks the format against the registry (src/ingest/formats.ts)', () => {
  it.each([
    ['txt', true],
    ['pdf', true],
    ['docx', true],
    ['html', false],
    ['', false],
  ])('a document of format %j is stored: %s', async (format, stored) => {
    const dir = mkdtempSync(join(tmpdir(), 'planlens-format-'));
    try {
      const db = openDatabase(join(dir, 'x.db'));
      const source = await openSource('corpora/xuanwu-ip-14fyp-plan.txt');
      const state = storableState(await runPipeline(DEFAULT, source, { rules }, 'segment'));
      const write = () => storeDocument(db, { ...state, source: { ...state.source, format } }, { runId: null, pipeline: 'plans', rulesVersion: 'test' });
      if (stored) {
        write();
        expect(db.prepare('SELECT format FROM documents').get()).toEqual({ format });
      } else {
        expect(write).toThrow(/no format of src\/ingest\/formats.ts/);
        expect(db.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 0 });
      }
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
