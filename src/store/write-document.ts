/**
 * Persisting one processed document: every row it owns is written in ONE
 * transaction, so a failure half-way leaves the database as it was (no
 * half-written document, nothing already stored lost). Called inside a
 * caller's transaction (the batch's persist step, which also re-applies
 * reviewers' corrections), it joins that transaction.
 */
import type { DocumentState, NormalisedText, RawDocument } from '../core/state.js';
import { RECORD_SPECS, type Fields, type NameLists, type StoredRecord } from '../records/index.js';
import { provenanceRow } from '../records/provenance.js';
import { isKnownFormat } from '../ingest/formats.js';
import { anchorOf } from './anchor.js';
import { minhash, toBlob } from './fingerprint.js';
import type { Db } from './open.js';
import { assignPlan, choosePrimary, type PlanMatch } from './plans.js';
import type { StorableSegments } from './search.js';
import { stmt } from './statements.js';

export interface StoreContext {
  runId: number | null;
  pipeline: string;
  rulesVersion: string;
}

/**
 * The parts of a processed document the store reads. Narrower than
 * DocumentState on purpose: a worker thread sends only these to the writer
 * (src/batch/storable-state.ts), and the type keeps the two in step.
 */
export type StorableDocument = Pick<
  DocumentState,
  'source' | 'messages' | 'structure' | 'quantities' | 'responsibilities' | 'implicitSupport' | 'listedUnits' | 'departments' | 'milestones'
> & {
  raw?: Pick<RawDocument, 'pages' | 'encoding'>;
  normalised?: Pick<NormalisedText, 'text'>;
  segments?: StorableSegments;
};

export interface StoredDocument extends PlanMatch {
  documentId: number;
  replaced: boolean;
}

/**
 * The fingerprint is pure computation: a caller that opens its own transaction
 * computes it first (documentFingerprint) so the write lock is not held for it.
 */
export function storeDocument(db: Db, state: StorableDocument, context: StoreContext, fingerprint = documentFingerprint(state)): StoredDocument {
  const normalised = state.normalised;
  if (!normalised) throw new Error('nothing to store: the pipeline produced no normalised text');
  // The registry is the one list of formats (the table has no CHECK since migration 9).
  if (!isKnownFormat(state.source.format)) throw new Error(`not stored: '${state.source.format}' is no format of src/ingest/formats.ts`);
  return db
    .transaction(() => {
      const now = new Date().toISOString();
      const previous = removeDocument(db, state.source.sha256);
      const meta = state.structure?.metadata;
      const documentId = Number(
        stmt(
          db,
          `INSERT INTO documents (sha256, path, format, bytes, pages, encoding, text, title, region, region_code, level,
           issuer, doc_number, issued, period_start, period_end, type, pipeline, rules_version, run_id, ingested_at, fingerprint)
         VALUES (@sha256, @path, @format, @bytes, @pages, @encoding, @text, @title, @region, @region_code, @level,
           @issuer, @doc_number, @issued, @period_start, @period_end, @type, @pipeline, @rules_version, @run_id, @ingested_at, @fingerprint)`,
        ).run({
          sha256: state.source.sha256,
          path: state.source.path,
          format: state.source.format,
          bytes: state.source.bytes,
          pages: state.raw?.pages ?? null,
          encoding: state.raw?.encoding ?? null,
          text: normalised.text,
          title: meta?.title ?? null,
          region: meta?.region ?? null,
          region_code: meta?.regionCode ?? null,
          level: meta?.level ?? null,
          issuer: meta?.issuer ?? null,
          doc_number: meta?.docNumber ?? null,
          issued: meta?.issued ?? null,
          period_start: meta?.period?.[0] ?? null,
          period_end: meta?.period?.[1] ?? null,
          type: meta?.type ?? null,
          pipeline: context.pipeline,
          rules_version: context.rulesVersion,
          run_id: context.runId,
          ingested_at: now,
          fingerprint: toBlob(fingerprint),
        }).lastInsertRowid,
      );
      const addPath = stmt(db, 'INSERT OR IGNORE INTO document_paths (document_id, path, first_seen) VALUES (?, ?, ?)');
      for (const old of previous?.paths ?? []) addPath.run(documentId, old.path, old.first_seen);
      addPath.run(documentId, state.source.path, now);

      writeMessages(db, documentId, state, context.runId, now);
      writeStructure(db, documentId, state);
      writeSentences(db, documentId, state);
      writeExtractions(db, documentId, state, context.rulesVersion);
      writeRegions(db, state);

      const match = assignPlan(db, documentId, fingerprint);
      if (previous?.planId != null && previous.planId !== match.planId) choosePrimary(db, previous.planId);
      return { documentId, replaced: previous !== null, ...match };
    })
    .immediate();
}

/** MinHash of the normalised text; throws when the pipeline produced none. */
export function documentFingerprint(state: StorableDocument): Uint32Array {
  const normalised = state.normalised;
  if (!normalised) throw new Error('nothing to store: the pipeline produced no normalised text');
  return minhash(normalised.text);
}

/** Removes a stored document (for --force), keeping the paths it was seen under. */
function removeDocument(db: Db, sha256: string): { planId: number | null; paths: Array<{ path: string; first_seen: string }> } | null {
  const row = stmt(db, 'SELECT id, plan_id FROM documents WHERE sha256 = ?').get(sha256) as { id: number; plan_id: number | null } | undefined;
  if (!row) return null;
  const paths = stmt(db, 'SELECT path, first_seen FROM document_paths WHERE document_id = ?').all(row.id) as Array<{ path: string; first_seen: string }>;
  stmt(db, 'DELETE FROM documents WHERE id = ?').run(row.id);
  return { planId: row.plan_id, paths };
}

function writeMessages(db: Db, documentId: number, state: StorableDocument, runId: number | null, now: string): void {
  const insert = stmt(
    db,
    `INSERT INTO messages (run_id, document_id, path, severity, stage, code, text, start, "end", created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of state.messages) {
    insert.run(runId, documentId, state.source.path, m.severity, m.stage, m.code, m.text, m.start ?? null, m.end ?? null, now);
  }
}

function writeStructure(db: Db, documentId: number, state: StorableDocument): void {
  const structure = state.structure;
  if (!structure) return;
  const section = stmt(
    db,
    `INSERT INTO sections (document_id, idx, path, number, heading, level, heading_start, heading_end, start, "end", page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  structure.sections.forEach((s, i) =>
    section.run(documentId, i, s.path, s.number, s.heading, s.level, s.headingStart, s.headingEnd, s.start, s.end, s.page ?? null),
  );
  const box = stmt(db, 'INSERT INTO boxes (document_id, idx, title, section_path, start, "end", page) VALUES (?, ?, ?, ?, ?, ?, ?)');
  structure.boxes.forEach((b, i) => box.run(documentId, i, b.title, b.sectionPath, b.start, b.end, b.page ?? null));
  const table = stmt(
    db,
    `INSERT INTO tables (document_id, idx, section_path, header_rows, n_rows, n_cols, origin, start, "end", page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const cell = stmt(db, 'INSERT INTO table_cells (table_id, row, col, text, start, "end", carried) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const t of structure.tables) {
    const columns = Math.max(0, ...t.rows.map((r) => r.length));
    const tableId = table.run(
      documentId,
      t.index,
      t.sectionPath,
      t.headerRows,
      t.rows.length,
      columns,
      t.origin,
      t.start,
      t.end,
      t.page ?? null,
    ).lastInsertRowid;
    t.rows.forEach((cells, r) => cells.forEach((c, col) => cell.run(tableId, r, col, c.text, c.start, c.end, c.carried ? 1 : 0)));
  }
}

function writeSentences(db: Db, documentId: number, state: StorableDocument): void {
  const segments = state.segments;
  if (!segments) return;
  const insert = stmt(
    db,
    `INSERT INTO sentences (document_id, idx, text, words, start, "end", section_path, page, cell_table, cell_row, cell_col, box)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  segments.sentences.forEach((s, i) => {
    insert.run(
      documentId,
      s.index,
      s.text,
      segments.searchWords[i] ?? '',
      s.start,
      s.end,
      s.sectionPath,
      s.page ?? null,
      s.cell?.table ?? null,
      s.cell?.row ?? null,
      s.cell?.col ?? null,
      s.box ?? null,
    );
  });
}

/** One row per record of every kind (records/), as each kind describes its table. */
function writeExtractions(db: Db, documentId: number, state: StorableDocument, rulesVersion: string): void {
  const sentences = state.segments?.sentences;
  const canonical = canonicalLookup(state);
  for (const kind of RECORD_SPECS.values()) {
    const records = (state[kind.stateKey as keyof StorableDocument] ?? []) as StoredRecord[];
    records.forEach((record, i) => {
      const row: Fields = {
        document_id: documentId,
        ...(kind.indexed ? { idx: i } : {}),
        ...kind.columns(record),
        ...provenanceRow(kind, record.provenance, { rulesVersion, anchor: anchorOf(record.provenance, sentences) }),
      };
      const names = Object.keys(row);
      const sql = `INSERT INTO ${kind.table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
      const id = stmt(db, sql).run(...Object.values(row)).lastInsertRowid;
      if (kind.nameLists) writeNameLists(db, kind.nameLists, id, record as unknown as Fields, canonical);
    });
  }
  const implicit = stmt(db, 'INSERT INTO implicit_support (document_id, position, name, canonical_id) VALUES (?, ?, ?, ?)');
  (state.implicitSupport ?? []).forEach((name, position) => implicit.run(documentId, position, name, canonical(name)));
}

function writeNameLists(db: Db, lists: NameLists, id: number | bigint, record: Fields, canonical: (name: string) => string | null): void {
  const insert = stmt(db, `INSERT INTO ${lists.table} (${lists.key}, role, position, name, canonical_id) VALUES (?, ?, ?, ?, ?)`);
  for (const role of lists.roles)
    ((record[role] as string[] | undefined) ?? []).forEach((name, position) => insert.run(id, role, position, name, canonical(name)));
}

/** Listed units are names; the department mentions already resolved them to canonical ids. */
function canonicalLookup(state: StorableDocument): (name: string) => string | null {
  const byName = new Map<string, string>();
  for (const d of state.departments ?? []) if (d.canonicalId) byName.set(d.name, d.canonicalId);
  // An office written with its other name in brackets (市市场监管局（市知识产权局）) is the unit its first name links to.
  return (name) => byName.get(name) ?? byName.get(/^(.+?)[（(][^（）()]+[）)]$/.exec(name)?.[1] ?? '') ?? null;
}

function writeRegions(db: Db, state: StorableDocument): void {
  const meta = state.structure?.metadata;
  if (!meta?.region) return;
  const upsert = stmt(
    db,
    `INSERT INTO regions (name, code, level, parent) VALUES (?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET code = coalesce(excluded.code, code), level = coalesce(excluded.level, level), parent = coalesce(excluded.parent, parent)`,
  );
  const chain = [meta.region, ...meta.regionParents];
  chain.forEach((name, i) => upsert.run(name, i === 0 ? meta.regionCode : null, i === 0 ? meta.level : null, chain[i + 1] ?? null));
}
