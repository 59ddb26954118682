/**
 * Corrections: accept, reject, edit, add, undo. Each one appends a row to
 * review_corrections (who, when, before, after, note) and re-applies the
 * document's corrections, in one transaction. Nothing is overwritten: undo is
 * a new correction that reverts the latest one still in force.
 */
import type { Db } from '../store/index.js';
import { applyCorrections, correctionsFor, effectiveChain, parseRecordKey, sentenceHash, type CorrectionRow } from './apply.js';
import { getItem, resolveDocuments, ReviewInputError, ReviewNotFound, type ReviewItem } from './queue.js';
import type { Fields, RecordType } from '../records/index.js';
import { kindOf, type SentenceRow } from './records.js';
import { normalisePatch, type FieldPatch, type PatchContext } from './fields.js';

export interface Reviewer {
  /** Who made the correction (required: the history is an audit trail). */
  reviewer: string;
  note?: string;
}

export interface HistoryEntry {
  id: number;
  action: CorrectionRow['action'];
  reviewer: string;
  at: string;
  reason: string | null;
  note: string | null;
  before: Fields | null;
  after: Fields | null;
  undoes: number | null;
  /** False once a later undo reverted it. */
  inForce: boolean;
  /** The correction was made on another version of the file (same path, other content). */
  otherVersion: boolean;
}

function requireReviewer(who: Reviewer): string {
  const name = who.reviewer?.trim();
  if (!name) throw new ReviewInputError('a reviewer name is required (--reviewer NAME or PLANLENS_REVIEWER)');
  return name;
}

interface Target {
  item: ReviewItem;
  anchor: string;
  occurrence: number;
  current: Fields;
  /** The extraction's fields before any correction; null for a record a reviewer added. */
  extracted: Fields | null;
}

function targetOf(db: Db, id: string): Target {
  const item = getItem(db, id);
  const { anchor, occurrence } = parseRecordKey(item.key);
  const added = occurrence < 0;
  return { item, anchor, occurrence, current: item.fields, extracted: added ? null : (item.extracted ?? item.fields) };
}

function insertCorrection(
  db: Db,
  values: {
    sha256: string;
    path: string;
    type: RecordType;
    anchor: string;
    occurrence: number;
    sentenceIdx: number | null;
    sentence: string | null;
    action: CorrectionRow['action'];
    reason?: string | null;
    before: Fields | null;
    after: Fields | null;
    extracted: Fields | null;
    undoes?: number | null;
  },
  who: Reviewer,
): number {
  const reviewer = requireReviewer(who);
  const j = (f: Fields | null) => (f === null ? null : JSON.stringify(f));
  return Number(
    db
      .prepare(
        `INSERT INTO review_corrections (document_sha256, document_path, record_type, anchor, occurrence, sentence_idx, sentence, action, reason,
           before, after, extracted, undoes, reviewer, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        values.sha256,
        values.path,
        values.type,
        values.anchor,
        values.occurrence,
        values.sentenceIdx,
        values.sentence,
        values.action,
        values.reason ?? null,
        j(values.before),
        j(values.after),
        j(values.extracted),
        values.undoes ?? null,
        reviewer,
        new Date().toISOString(),
        who.note?.trim() || null,
      ).lastInsertRowid,
  );
}

/** Re-applies corrections to every stored version of the file the correction was made on. */
function reapply(db: Db, sha256: string, path: string): void {
  const ids = db
    .prepare('SELECT id FROM documents WHERE sha256 = ? OR id IN (SELECT document_id FROM document_paths WHERE path = ?)')
    .all(sha256, path) as Array<{ id: number }>;
  for (const { id } of ids) applyCorrections(db, id);
}

/** The record after a correction: found again by its key (row ids of added records change on every application). */
function itemAfter(db: Db, documentId: number, type: RecordType, key: string, fallback: string): ReviewItem {
  const kind = kindOf(type);
  const row = db.prepare(`SELECT id FROM ${kind.table} WHERE document_id = ? AND review_key = ?`).get(documentId, key) as { id: number } | undefined;
  if (row) return getItem(db, kind.prefix + row.id);
  const orphan = db
    .prepare(`SELECT id FROM review_conflicts WHERE document_id = ? AND record_type = ? AND record_id IS NULL AND anchor || '#' || occurrence = ?`)
    .get(documentId, type, key) as { id: number } | undefined;
  if (orphan) return getItem(db, `c${orphan.id}`);
  return getItem(db, fallback);
}

function correct(db: Db, id: string, who: Reviewer, make: (target: Target) => { action: CorrectionRow['action']; after: Fields; reason?: string }): ReviewItem {
  requireReviewer(who);
  return db
    .transaction(() => {
      const target = targetOf(db, id);
      if (target.item.rowId === null) {
        throw new ReviewInputError(
          `${id}: the source text of this record is gone; undo the correction (\`planlens review undo ${id}\`) or add the record again where it now is`,
        );
      }
      const { action, after, reason } = make(target);
      insertCorrection(
        db,
        {
          sha256: target.item.sha256,
          path: target.item.documentPath,
          type: target.item.type,
          anchor: target.anchor,
          occurrence: target.occurrence,
          sentenceIdx: target.item.sentenceIndex,
          sentence: target.item.sentence,
          action,
          reason,
          before: target.current,
          after,
          extracted: target.extracted,
        },
        who,
      );
      reapply(db, target.item.sha256, target.item.documentPath);
      return itemAfter(db, target.item.documentId, target.item.type, target.item.key, id);
    })
    .immediate();
}

export function accept(db: Db, id: string, who: Reviewer): ReviewItem {
  return correct(db, id, who, (t) => ({ action: 'accept', after: t.current }));
}

/** Reject: the record is not what it claims (not-a-target, not-a-department, wrong, duplicate …). */
export function reject(db: Db, id: string, reason: string, who: Reviewer): ReviewItem {
  if (!reason.trim()) throw new ReviewInputError('a reject needs a reason (not-a-target, not-a-department, wrong …)');
  return correct(db, id, who, (t) => ({ action: 'reject', after: t.current, reason: reason.trim() }));
}

export function edit(db: Db, id: string, patch: FieldPatch, who: Reviewer, context: PatchContext = {}): ReviewItem {
  return correct(db, id, who, (t) => {
    const after = { ...t.current, ...normalisePatch(db, t.item.type, patch, t.current, context) };
    return { action: 'edit', after };
  });
}

export interface AddRequest {
  /** Document reference (id, path, sha256 prefix, part of the path or title): must name one document. */
  document: string;
  type: RecordType;
  /** The sentence, by index … */
  sentenceIndex?: number;
  /** … or by a piece of its text (must occur in exactly one sentence); it also marks the span. */
  text?: string;
  fields: FieldPatch;
}

export function addRecord(db: Db, request: AddRequest, who: Reviewer, context: PatchContext = {}): ReviewItem {
  requireReviewer(who);
  let documents = resolveDocuments(db, request.document);
  if (documents.length > 1) {
    // Several renderings of one plan: the primary one is what queries count.
    const primaries = documents.filter((id) => db.prepare('SELECT 1 FROM plans WHERE primary_document_id = ?').get(id));
    if (primaries.length === 1) documents = primaries;
  }
  if (documents.length > 1) throw new ReviewInputError(`${request.document}: names ${documents.length} documents; give its id or full path`);
  const documentId = documents[0]!;
  const sentence = findSentence(db, documentId, request);
  const span = request.text
    ? { start: sentence.text.indexOf(request.text), end: sentence.text.indexOf(request.text) + request.text.length }
    : { start: 0, end: sentence.text.length };
  // The anchor of a span inside its sentence, as src/store/anchor.ts makes it for extracted records.
  const anchor = `${sentenceHash(sentence.text)}:${span.start}:${span.end - span.start}`;
  const kind = kindOf(request.type);
  const blank = Object.fromEntries([...kind.fields, ...kind.derived].map((n) => [n, n === 'lead' || n === 'support' ? [] : null]));
  const after = { ...blank, ...normalisePatch(db, request.type, request.fields, blank, context) };
  if (request.type === 'quantity' && !after.indicator) throw new ReviewInputError('an added quantity needs --indicator');
  if (request.type === 'department' && !after.name) throw new ReviewInputError('an added department needs --name');
  const doc = db.prepare('SELECT sha256, path FROM documents WHERE id = ?').get(documentId) as { sha256: string; path: string };
  return db
    .transaction(() => {
      const earlier = db
        .prepare(
          'SELECT count(DISTINCT occurrence) AS n FROM review_corrections WHERE document_sha256 = ? AND record_type = ? AND anchor = ? AND occurrence < 0',
        )
        .get(doc.sha256, request.type, anchor) as { n: number };
      const occurrence = -1 - earlier.n;
      insertCorrection(
        db,
        {
          sha256: doc.sha256,
          path: doc.path,
          type: request.type,
          anchor,
          occurrence,
          sentenceIdx: sentence.idx,
          sentence: sentence.text,
          action: 'add',
          before: null,
          after,
          extracted: null,
        },
        who,
      );
      reapply(db, doc.sha256, doc.path);
      const key = `${anchor}#${occurrence}`;
      const row = db.prepare(`SELECT id FROM ${kind.table} WHERE document_id = ? AND review_key = ?`).get(documentId, key) as { id: number } | undefined;
      if (!row) throw new ReviewNotFound(`the added record could not be placed in document ${documentId}`);
      return getItem(db, kind.prefix + row.id);
    })
    .immediate();
}

function findSentence(db: Db, documentId: number, request: AddRequest): SentenceRow {
  const columns = 'idx, text, start, "end", section_path, page, cell_table, cell_row, cell_col';
  if (request.sentenceIndex !== undefined) {
    const row = db.prepare(`SELECT ${columns} FROM sentences WHERE document_id = ? AND idx = ?`).get(documentId, request.sentenceIndex) as
      SentenceRow | undefined;
    if (!row) throw new ReviewNotFound(`document ${documentId} has no sentence ${request.sentenceIndex}`);
    if (request.text && !row.text.includes(request.text)) throw new ReviewInputError(`sentence ${request.sentenceIndex} does not contain '${request.text}'`);
    return row;
  }
  if (!request.text) throw new ReviewInputError('say which sentence: --sentence N or --text WORDS');
  const rows = db
    .prepare(`SELECT ${columns} FROM sentences WHERE document_id = ? AND instr(text, ?) > 0 ORDER BY idx`)
    .all(documentId, request.text) as SentenceRow[];
  if (rows.length === 0) throw new ReviewNotFound(`'${request.text}' occurs in no sentence of document ${documentId}`);
  if (rows.length > 1)
    throw new ReviewInputError(
      `'${request.text}' occurs in ${rows.length} sentences (${rows
        .slice(0, 5)
        .map((r) => r.idx)
        .join(', ')}…); add --sentence N`,
    );
  return rows[0]!;
}

/** Corrections on the record, oldest first, undone ones included and marked. */
export function history(db: Db, id: string): HistoryEntry[] {
  const item = getItem(db, id);
  const { anchor, occurrence } = parseRecordKey(item.key);
  const chain = correctionsFor(db, item.documentId).filter((c) => c.record_type === item.type && c.anchor === anchor && c.occurrence === occurrence);
  const inForce = new Set(effectiveChain(chain).map((c) => c.id));
  const j = (text: string | null) => (text === null ? null : (JSON.parse(text) as Fields));
  return chain.map((c) => ({
    id: c.id,
    action: c.action,
    reviewer: c.reviewer,
    at: c.created_at,
    reason: c.reason,
    note: c.note,
    before: j(c.before),
    after: j(c.after),
    undoes: c.undoes,
    inForce: c.action !== 'undo' && inForce.has(c.id),
    otherVersion: c.document_sha256 !== item.sha256,
  }));
}

/** Reverts the latest correction still in force on the record, as a new correction. */
export function undo(db: Db, id: string, who: Reviewer): ReviewItem {
  requireReviewer(who);
  return db
    .transaction(() => {
      const item = getItem(db, id);
      const { anchor, occurrence } = parseRecordKey(item.key);
      const chain = correctionsFor(db, item.documentId).filter((c) => c.record_type === item.type && c.anchor === anchor && c.occurrence === occurrence);
      const active = effectiveChain(chain);
      const last = active.at(-1);
      if (!last) throw new ReviewInputError(`${id}: no correction to undo`);
      const previous = active.at(-2);
      const revertsTo = previous ? (JSON.parse(previous.after!) as Fields) : last.extracted ? (JSON.parse(last.extracted) as Fields) : null;
      insertCorrection(
        db,
        {
          sha256: item.sha256,
          path: item.documentPath,
          type: item.type,
          anchor,
          occurrence,
          sentenceIdx: item.sentenceIndex,
          sentence: item.sentence || last.sentence,
          action: 'undo',
          before: item.fields,
          after: revertsTo,
          extracted: item.extracted ?? (occurrence < 0 ? null : item.fields),
          undoes: last.id,
        },
        who,
      );
      reapply(db, item.sha256, item.documentPath);
      const kind = kindOf(item.type);
      // Without corrections the record is an ordinary extraction row again, found by its anchor and rank.
      const row = db.prepare(`SELECT id FROM ${kind.table} WHERE document_id = ? AND review_key = ?`).get(item.documentId, item.key) as
        { id: number } | undefined;
      if (row) return getItem(db, kind.prefix + row.id);
      if (item.rowId !== null) {
        const still = db.prepare(`SELECT id FROM ${kind.table} WHERE id = ?`).get(item.rowId) as { id: number } | undefined;
        if (still) return getItem(db, id);
      }
      const ranked = db
        .prepare(`SELECT id FROM ${kind.table} WHERE document_id = ? AND anchor = ? ORDER BY "${kind.position}", id`)
        .all(item.documentId, anchor) as Array<{ id: number }>;
      const same = ranked[occurrence];
      if (same) return getItem(db, kind.prefix + same.id);
      // An added record undone is gone: report what it was.
      return { ...item, status: null, check: null, rowId: null };
    })
    .immediate();
}
