/**
 * Applying the correction history to a document's stored extraction rows.
 *
 * This is the one place reviewed values enter the data: the store calls it in
 * the same transaction that (re-)writes a document, and every correction
 * calls it again, so rows always read "extraction + corrections". It is
 * idempotent: rows a previous application changed are first put back to the
 * extracted values (kept in the row's `extracted` column), added rows are
 * removed, then every effective correction is applied afresh.
 *
 * Matching survives re-ingestion because a correction names its record by
 * (document content or path, record type, anchor, occurrence), never by row
 * id. Against the extraction of the moment, each corrected record is:
 *   same      the extraction still says what it said when the reviewer looked;
 *   agrees    the extraction now says what the reviewer corrected it to;
 *   conflict  anything else, or the source text is gone: flagged
 *             `correction-conflict`, both values kept (the reviewer's in the
 *             row, the extraction's in `extracted` and review_conflicts).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../store/index.js';
import type { Fields, RecordType } from '../records/index.js';
import { differences, kindOf, RECORD_KINDS, RULE_ADDED, sameFields, type RecordKind, type SentenceRow } from './records.js';

export const CONFLICT_FLAG = 'correction-conflict';

export interface CorrectionRow {
  id: number;
  document_sha256: string;
  document_path: string;
  record_type: RecordType;
  anchor: string;
  occurrence: number;
  sentence_idx: number | null;
  sentence: string | null;
  action: 'accept' | 'reject' | 'edit' | 'add' | 'undo';
  reason: string | null;
  before: string | null;
  after: string | null;
  extracted: string | null;
  undoes: number | null;
  reviewer: string;
  created_at: string;
  note: string | null;
}

export type ReviewStatus = 'accepted' | 'rejected' | 'corrected' | 'added';
export type ReviewCheck = 'same' | 'agrees' | 'conflict';

export interface ApplySummary {
  applied: number;
  agrees: number;
  conflicts: number;
}

/** Key of a corrected record within its document: the anchor and which record on it. */
export function recordKey(anchor: string, occurrence: number): string {
  return `${anchor}#${occurrence}`;
}

export function parseRecordKey(key: string): { anchor: string; occurrence: number } {
  const at = key.lastIndexOf('#');
  return { anchor: key.slice(0, at), occurrence: Number(key.slice(at + 1)) };
}

/** The anchor's first part: a hash of the sentence text (see src/store/anchor.ts). */
export function sentenceHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** Corrections that reach a document: made on its content, or on an earlier version of the same file. */
export function correctionsFor(db: Db, documentId: number): CorrectionRow[] {
  const doc = db.prepare('SELECT sha256 FROM documents WHERE id = ?').get(documentId) as { sha256: string } | undefined;
  if (!doc) return [];
  return db
    .prepare(
      `SELECT * FROM review_corrections
       WHERE document_sha256 = ? OR document_path IN (SELECT path FROM document_paths WHERE document_id = ?)
       ORDER BY id`,
    )
    .all(doc.sha256, documentId) as CorrectionRow[];
}

/** The corrections still in force, oldest first: undone ones (and the undos) drop out. */
export function effectiveChain(chain: readonly CorrectionRow[]): CorrectionRow[] {
  const active: CorrectionRow[] = [];
  for (const c of chain) {
    if (c.action === 'undo') {
      const i = active.findIndex((a) => a.id === c.undoes);
      if (i >= 0) active.splice(i, 1);
    } else {
      active.push(c);
    }
  }
  return active;
}

/** Corrections grouped by the record they name, in order of the first correction. */
export function groupByRecord(corrections: readonly CorrectionRow[]): Map<string, CorrectionRow[]> {
  const groups = new Map<string, CorrectionRow[]>();
  for (const c of corrections) {
    const key = `${c.record_type}\u0000${recordKey(c.anchor, c.occurrence)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(c);
  }
  return groups;
}

export function statusOf(action: CorrectionRow['action'], chain: readonly CorrectionRow[]): ReviewStatus {
  if (action === 'reject') return 'rejected';
  if (chain[0]?.action === 'add') return 'added';
  if (action === 'edit') return 'corrected';
  return 'accepted';
}

const json = (text: string | null): Fields | null => (text === null ? null : (JSON.parse(text) as Fields));

/** Takes a rejected row out of its table (with its units), keeping all of it to put back. */
function setAside(db: Db, kind: RecordKind, documentId: number, id: number): void {
  const row = db.prepare(`SELECT * FROM ${kind.table} WHERE id = ?`).get(id) as Record<string, unknown>;
  const units = kind.type === 'responsibility' ? JSON.stringify(db.prepare('SELECT * FROM responsibility_units WHERE responsibility_id = ?').all(id)) : null;
  db.prepare('INSERT OR REPLACE INTO review_set_aside (document_id, record_type, row_id, row, units) VALUES (?, ?, ?, ?, ?)').run(
    documentId,
    kind.type,
    id,
    JSON.stringify(row),
    units,
  );
  db.prepare(`DELETE FROM ${kind.table} WHERE id = ?`).run(id);
}

/** Puts rejected rows back where they were, under their old row ids. */
function putBack(db: Db, documentId: number): void {
  const aside = db.prepare('SELECT record_type, row, units FROM review_set_aside WHERE document_id = ?').all(documentId) as Array<{
    record_type: RecordType;
    row: string;
    units: string | null;
  }>;
  for (const entry of aside) {
    const kind = kindOf(entry.record_type);
    const row = JSON.parse(entry.row) as Record<string, unknown>;
    const names = Object.keys(row);
    db.prepare(`INSERT INTO ${kind.table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
      ...names.map((n) => row[n]),
    );
    for (const unit of entry.units ? (JSON.parse(entry.units) as Array<Record<string, unknown>>) : []) {
      db.prepare('INSERT INTO responsibility_units (responsibility_id, role, position, name, canonical_id) VALUES (?, ?, ?, ?, ?)').run(
        unit.responsibility_id,
        unit.role,
        unit.position,
        unit.name,
        unit.canonical_id,
      );
    }
  }
  db.prepare('DELETE FROM review_set_aside WHERE document_id = ?').run(documentId);
}

/** Puts every row of the document back to what the extraction wrote. */
function restoreExtraction(db: Db, documentId: number): void {
  putBack(db, documentId);
  for (const kind of RECORD_KINDS.values()) {
    // Rows a reviewer added are made again from the history (an added record the extraction also found is the extraction's).
    db.prepare(`DELETE FROM ${kind.table} WHERE document_id = ? AND rule = ?`).run(documentId, RULE_ADDED);
    const changed = db.prepare(`SELECT id, extracted FROM ${kind.table} WHERE document_id = ? AND extracted IS NOT NULL`).all(documentId) as Array<{
      id: number;
      extracted: string;
    }>;
    for (const row of changed) {
      const original = JSON.parse(row.extracted) as Fields & { is_fact?: number; flags?: string };
      kind.write(db, row.id, original);
      if (kind.type === 'quantity') {
        db.prepare('UPDATE quantities SET is_fact = ?, flags = ? WHERE id = ?').run(original.is_fact ?? 0, original.flags ?? '[]', row.id);
      }
    }
    db.prepare(
      `UPDATE ${kind.table} SET review_status = NULL, reviewed_by = NULL, reviewed_at = NULL, review_check = NULL, extracted = NULL, review_key = NULL
       WHERE document_id = ?`,
    ).run(documentId);
  }
  db.prepare('DELETE FROM review_conflicts WHERE document_id = ?').run(documentId);
}

/** Everything stored about a row that applying may change, to restore it next time. */
function extractedSnapshot(db: Db, kind: RecordKind, row: Record<string, unknown>): Fields {
  const fields = kind.read(db, row);
  if (kind.type === 'quantity') return { ...fields, is_fact: row.is_fact, flags: row.flags };
  return fields;
}

/** Rows of one type on one anchor not yet claimed by a correction, in extraction order. */
function rowsOnAnchor(db: Db, kind: RecordKind, documentId: number, anchor: string): Array<Record<string, unknown>> {
  return db
    .prepare(
      `SELECT * FROM ${kind.table} WHERE document_id = ? AND anchor = ? AND review_status IS NULL AND rule <> '${RULE_ADDED}' ORDER BY "${kind.position}", id`,
    )
    .all(documentId, anchor) as Array<Record<string, unknown>>;
}

/** The stable key of a row that no correction has claimed: its anchor and its rank among the rows on that anchor. */
export function keyOfRow(db: Db, kind: RecordKind, row: Record<string, unknown>): string {
  if (typeof row.review_key === 'string') return row.review_key;
  // Rank among every extracted record on the anchor, rejected ones (set aside) included.
  const live = db
    .prepare(`SELECT id, "${kind.position}" AS position FROM ${kind.table} WHERE document_id = ? AND anchor = ? AND rule <> '${RULE_ADDED}'`)
    .all(row.document_id, row.anchor) as Array<{ id: number; position: number }>;
  const aside = (
    db.prepare('SELECT row FROM review_set_aside WHERE document_id = ? AND record_type = ?').all(row.document_id, kind.type) as Array<{ row: string }>
  )
    .map((a) => JSON.parse(a.row) as Record<string, unknown>)
    .filter((r) => r.anchor === row.anchor && r.rule !== RULE_ADDED)
    .map((r) => ({ id: r.id as number, position: r[kind.position] as number }));
  const siblings = [...live, ...aside].sort((a, b) => a.position - b.position || a.id - b.id);
  return recordKey(
    row.anchor as string,
    Math.max(
      0,
      siblings.findIndex((s) => s.id === row.id),
    ),
  );
}

export function applyCorrections(db: Db, documentId: number): ApplySummary {
  const summary: ApplySummary = { applied: 0, agrees: 0, conflicts: 0 };
  const corrections = correctionsFor(db, documentId);
  const touched = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM review_conflicts WHERE document_id = @id)
       ${[...RECORD_KINDS.values()].map((k) => `OR EXISTS (SELECT 1 FROM ${k.table} WHERE document_id = @id AND review_status IS NOT NULL)`).join('\n       ')}
       OR EXISTS (SELECT 1 FROM review_set_aside WHERE document_id = @id) AS t`,
    )
    .get({ id: documentId }) as { t: number };
  // The common case on ingest: nothing reviewed, nothing to undo.
  if (corrections.length === 0 && !touched.t) return summary;
  restoreExtraction(db, documentId);

  const sentences = db
    .prepare('SELECT idx, text, start, "end", section_path, page, cell_table, cell_row, cell_col FROM sentences WHERE document_id = ? ORDER BY idx')
    .all(documentId) as SentenceRow[];
  const sentenceByHash = new Map<string, SentenceRow>();
  for (const s of sentences) if (!sentenceByHash.has(sentenceHash(s.text))) sentenceByHash.set(sentenceHash(s.text), s);

  const addConflict = db.prepare(
    `INSERT INTO review_conflicts (document_id, record_type, record_id, anchor, occurrence, correction_id, reason, extracted, corrected)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const rejected: Array<{ kind: RecordKind; id: number }> = [];
  for (const chain of groupByRecord(corrections).values()) {
    const active = effectiveChain(chain);
    const latest = active.at(-1);
    if (!latest) continue;
    const kind = kindOf(latest.record_type);
    const key = recordKey(latest.anchor, latest.occurrence);
    const status = statusOf(latest.action, active);
    const corrected = json(latest.after) ?? {};
    const seen = json(latest.extracted);
    const gone = (reason: string) => {
      addConflict.run(documentId, kind.type, null, latest.anchor, latest.occurrence, latest.id, reason, latest.extracted, latest.after);
      summary.conflicts++;
    };

    let row: Record<string, unknown> | undefined;
    let added = false;
    if (latest.occurrence < 0) {
      // A record the reviewer added: the rules may find it by now.
      const candidates = rowsOnAnchor(db, kind, documentId, latest.anchor);
      row = candidates.find((r) => sameFields(kind, kind.read(db, r), corrected));
      if (!row) {
        if (status === 'rejected') continue;
        const sentence = sentenceByHash.get(latest.anchor.split(':')[0]!);
        if (!sentence) {
          gone(`the sentence this record was added to is no longer in the document: "${latest.sentence ?? ''}"`);
          continue;
        }
        const [, offset, length] = latest.anchor.split(':').map(Number);
        const id = kind.insert(db, documentId, sentence, { start: offset!, end: offset! + length! }, latest.anchor, corrected);
        row = db.prepare(`SELECT * FROM ${kind.table} WHERE id = ?`).get(id) as Record<string, unknown>;
        added = true;
      }
    } else {
      const candidates = rowsOnAnchor(db, kind, documentId, latest.anchor);
      row =
        (seen && candidates.find((r) => sameFields(kind, kind.read(db, r), seen))) ||
        candidates.find((r) => sameFields(kind, kind.read(db, r), corrected)) ||
        // Rules changed what the span says: the same record, by its place among the span's records.
        byRank(db, kind, documentId, latest.anchor, latest.occurrence) ||
        candidates[0];
      if (!row) {
        gone(`the source text under this correction is gone: "${latest.sentence ?? ''}"`);
        continue;
      }
    }

    const id = row.id as number;
    const fresh = extractedSnapshot(db, kind, row);
    const check: ReviewCheck = added || (seen && sameFields(kind, fresh, seen)) ? 'same' : sameFields(kind, fresh, corrected) ? 'agrees' : 'conflict';
    kind.write(db, id, corrected);
    db.prepare(
      `UPDATE ${kind.table} SET review_status = ?, reviewed_by = ?, reviewed_at = ?, review_check = ?, extracted = ?, review_key = ? WHERE id = ?`,
    ).run(status, latest.reviewer, latest.created_at, check, added ? null : JSON.stringify(fresh), key, id);
    summary.applied++;
    if (check === 'agrees') summary.agrees++;
    if (check === 'conflict') {
      const changes = differences(kind, fresh, corrected);
      const reason = seen
        ? `the extraction changed since ${latest.reviewer} reviewed it (${differences(kind, seen, fresh).join('; ')}); the reviewed values are kept (${changes.join('; ') || 'no field differs'})`
        : `the extraction disagrees with the correction (${changes.join('; ')})`;
      addConflict.run(
        documentId,
        kind.type,
        id,
        latest.anchor,
        latest.occurrence,
        latest.id,
        reason,
        JSON.stringify(comparableOnly(kind, fresh)),
        latest.after,
      );
      if (kind.type === 'quantity') {
        const flags = JSON.parse((db.prepare('SELECT flags FROM quantities WHERE id = ?').get(id) as { flags: string }).flags) as Array<{
          kind: string;
          reason: string;
        }>;
        flags.push({ kind: CONFLICT_FLAG, reason });
        db.prepare('UPDATE quantities SET flags = ? WHERE id = ?').run(JSON.stringify(flags), id);
      }
      summary.conflicts++;
    }
    if (status === 'rejected') rejected.push({ kind, id });
  }
  // Rejected: out of the data every query reads, kept for the queue and for undo. Done last so
  // that records on the same anchor keep their ranks while corrections are being matched.
  for (const r of rejected) setAside(db, r.kind, documentId, r.id);
  return summary;
}

function byRank(db: Db, kind: RecordKind, documentId: number, anchor: string, occurrence: number): Record<string, unknown> | undefined {
  const ranked = db
    .prepare(`SELECT * FROM ${kind.table} WHERE document_id = ? AND anchor = ? AND rule <> '${RULE_ADDED}' ORDER BY "${kind.position}", id`)
    .all(documentId, anchor) as Array<Record<string, unknown>>;
  const row = ranked[occurrence];
  return row && row.review_status === null ? row : undefined;
}

function comparableOnly(kind: RecordKind, fields: Fields): Fields {
  return Object.fromEntries([...kind.fields, ...kind.derived].map((n) => [n, fields[n] ?? null]));
}
