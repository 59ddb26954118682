/**
 * The review queue: extraction records a person should look at, each with
 * its flags in words, in document order. An item's id is the record type's
 * letter and the row id (q12, d3, r7, m4); a correction whose record is gone
 * from the text is an item of its own (c5), so it is never silently lost.
 */
import type { Db } from '../store/index.js';
import { findDocuments } from '../store/index.js';
import { CONFLICT_FLAG, keyOfRow, type ReviewCheck, type ReviewStatus } from './apply.js';
import { RECORD_TYPES, type Fields, type RecordType } from '../records/index.js';
import { kindByPrefix, kindOf, RECORD_KINDS, type RecordKind } from './records.js';

export interface ItemFlag {
  kind: string;
  reason: string;
}

export interface ReviewItem {
  id: string;
  type: RecordType;
  documentId: number;
  documentPath: string;
  sha256: string;
  /** anchor#occurrence: how corrections name the record across re-ingestion. */
  key: string;
  sectionPath: string;
  page: number | null;
  sentence: string;
  sentenceIndex: number | null;
  /** The extracted span inside `sentence` (UTF-16 offsets). */
  span: { start: number; end: number } | null;
  label: string;
  fields: Fields;
  /** What the extraction said, where a correction changed the row. */
  extracted: Fields | null;
  flags: ItemFlag[];
  status: ReviewStatus | null;
  check: ReviewCheck | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** Row id of the record; null for a correction whose source text is gone. */
  rowId: number | null;
}

export interface QueueFilters {
  /** Document reference: id, sha256 prefix, path or part of it (see findDocuments). */
  document?: string;
  /** Only items carrying this flag kind. */
  flag?: string;
  /** Indicator name or canonical id, or part of either (quantities). */
  indicator?: string;
  type?: RecordType;
  /** Every record, not only flagged ones. */
  all?: boolean;
  /** Only records nobody has reviewed yet (conflicts count as not reviewed). */
  unreviewed?: boolean;
  /**
   * Every rendering of each plan. By default only each plan's primary
   * rendering is queued: it is the one queries, comparisons and exports count,
   * so reviewing its .pdf and .txt twins again would be work with no effect.
   */
  allRenderings?: boolean;
}

export class ReviewNotFound extends Error {
  override name = 'ReviewNotFound';
}

export class ReviewInputError extends Error {
  override name = 'ReviewInputError';
}

/** Flags the extraction tables do not store, derived so a reviewer sees those records too. */
function derivedFlags(kind: RecordKind, fields: Fields): ItemFlag[] {
  switch (kind.type) {
    case 'department':
      return fields.canonical_id ? [] : [{ kind: 'unknown-department', reason: `'${fields.name}' matches no department in rules/departments.yaml` }];
    case 'responsibility':
      return (fields.lead as string[]).length ? [] : [{ kind: 'no-lead-unit', reason: 'no responsible unit was found for this task' }];
    case 'milestone':
      return fields.start || fields.end ? [] : [{ kind: 'undated-milestone', reason: 'no start or end date was found' }];
    default:
      return [];
  }
}

interface JoinedRow extends Record<string, unknown> {
  id: number;
  document_id: number;
  document_path: string;
  sha256: string;
  sentence_start: number | null;
}

function itemOfRow(db: Db, kind: RecordKind, row: JoinedRow, conflicts: Map<string, string>): ReviewItem {
  const fields = kind.read(db, row);
  const stored: ItemFlag[] = kind.type === 'quantity' ? (JSON.parse(row.flags as string) as ItemFlag[]) : derivedFlags(kind, fields);
  const conflict = conflicts.get(`${kind.type}:${row.id}`);
  const flags = conflict && !stored.some((f) => f.kind === CONFLICT_FLAG) ? [...stored, { kind: CONFLICT_FLAG, reason: conflict }] : stored;
  const spanStart = (kind.type === 'milestone' ? row.span_start : row.start) as number;
  const spanEnd = (kind.type === 'milestone' ? row.span_end : row.end) as number;
  const extracted = row.extracted ? (JSON.parse(row.extracted as string) as Fields) : null;
  return {
    id: kind.prefix + row.id,
    type: kind.type,
    documentId: row.document_id,
    documentPath: row.document_path,
    sha256: row.sha256,
    key: keyOfRow(db, kind, row),
    sectionPath: row.section_path as string,
    page: row.page as number | null,
    sentence: row.sentence as string,
    sentenceIndex: row.sentence_idx as number,
    span: row.sentence_start === null ? null : { start: spanStart - row.sentence_start, end: spanEnd - row.sentence_start },
    label: kind.label(fields),
    fields,
    extracted:
      extracted && kind.type === 'quantity' ? Object.fromEntries(Object.entries(extracted).filter(([k]) => k !== 'flags' && k !== 'is_fact')) : extracted,
    flags,
    status: row.review_status as ReviewStatus | null,
    check: row.review_check as ReviewCheck | null,
    reviewedBy: row.reviewed_by as string | null,
    reviewedAt: row.reviewed_at as string | null,
    rowId: row.id,
  };
}

function selectRows(kind: RecordKind, where: string): string {
  return `SELECT x.*, d.path AS document_path, d.sha256, s.start AS sentence_start
    FROM ${kind.table} x JOIN documents d ON d.id = x.document_id
    LEFT JOIN sentences s ON s.document_id = x.document_id AND s.idx = x.sentence_idx
    WHERE ${where} ORDER BY x.document_id, x."${kind.position}", x.id`;
}

/** Rejected records are set aside (src/review/apply.ts); they stay in the queue as rejected. */
function asideRows(db: Db, kind: RecordKind, where: string, params: unknown[]): JoinedRow[] {
  const entries = db
    .prepare(
      `SELECT a.row, d.path AS document_path, d.sha256 FROM review_set_aside a JOIN documents d ON d.id = a.document_id
       WHERE a.record_type = ? AND ${where}`,
    )
    .all(kind.type, ...params) as Array<{ row: string; document_path: string; sha256: string }>;
  const sentenceStart = db.prepare('SELECT start FROM sentences WHERE document_id = ? AND idx = ?');
  return entries.map((e) => {
    const row = JSON.parse(e.row) as JoinedRow;
    const s = sentenceStart.get(row.document_id, row.sentence_idx) as { start: number } | undefined;
    return { ...row, document_path: e.document_path, sha256: e.sha256, sentence_start: s?.start ?? null };
  });
}

function conflictReasons(db: Db, documentIds: number[] | null): Map<string, string> {
  const rows = db.prepare('SELECT record_type, record_id, reason, document_id FROM review_conflicts WHERE record_id IS NOT NULL').all() as Array<{
    record_type: string;
    record_id: number;
    reason: string;
    document_id: number;
  }>;
  return new Map(rows.filter((r) => !documentIds || documentIds.includes(r.document_id)).map((r) => [`${r.record_type}:${r.record_id}`, r.reason]));
}

interface OrphanRow {
  id: number;
  document_id: number;
  record_type: RecordType;
  anchor: string;
  occurrence: number;
  reason: string;
  extracted: string | null;
  corrected: string | null;
  document_path: string;
  sha256: string;
  sentence: string | null;
  sentence_idx: number | null;
  reviewer: string;
  created_at: string;
  action: string;
}

function itemOfOrphan(row: OrphanRow): ReviewItem {
  const kind = kindOf(row.record_type);
  const fields = row.corrected ? (JSON.parse(row.corrected) as Fields) : {};
  return {
    id: `c${row.id}`,
    type: row.record_type,
    documentId: row.document_id,
    documentPath: row.document_path,
    sha256: row.sha256,
    key: `${row.anchor}#${row.occurrence}`,
    sectionPath: '',
    page: null,
    sentence: row.sentence ?? '',
    sentenceIndex: null,
    span: null,
    label: kind.label(fields),
    fields,
    extracted: row.extracted ? (JSON.parse(row.extracted) as Fields) : null,
    flags: [{ kind: CONFLICT_FLAG, reason: row.reason }],
    status: row.action === 'reject' ? 'rejected' : row.action === 'edit' ? 'corrected' : row.action === 'add' ? 'added' : 'accepted',
    check: 'conflict',
    reviewedBy: row.reviewer,
    reviewedAt: row.created_at,
    rowId: null,
  };
}

const ORPHAN_SQL = `SELECT c.id, c.document_id, c.record_type, c.anchor, c.occurrence, c.reason, c.extracted, c.corrected,
    d.path AS document_path, d.sha256, r.sentence, r.sentence_idx, r.reviewer, r.created_at, r.action
  FROM review_conflicts c JOIN documents d ON d.id = c.document_id JOIN review_corrections r ON r.id = c.correction_id
  WHERE c.record_id IS NULL`;

export function resolveDocuments(db: Db, ref: string): number[] {
  const found = findDocuments(db, ref);
  if (found.length === 0) throw new ReviewNotFound(`${ref}: no such document in the database`);
  return found.map((d) => d.id);
}

function primaryDocumentIds(db: Db): number[] {
  return (db.prepare('SELECT primary_document_id AS id FROM plans WHERE primary_document_id IS NOT NULL').all() as Array<{ id: number }>).map((r) => r.id);
}

export function listQueue(db: Db, filters: QueueFilters = {}): ReviewItem[] {
  // An unknown type would match nothing and read as "nothing to review".
  if (filters.type !== undefined && !RECORD_TYPES.includes(filters.type)) {
    throw new ReviewInputError(`unknown record type '${filters.type}' (one of ${RECORD_TYPES.join(', ')})`);
  }
  const documentIds = filters.document !== undefined ? resolveDocuments(db, filters.document) : filters.allRenderings ? null : primaryDocumentIds(db);
  const conflicts = conflictReasons(db, documentIds);
  const inDocuments = documentIds ? `x.document_id IN (${documentIds.join(', ')})` : '1';
  const items: ReviewItem[] = [];
  for (const kind of RECORD_KINDS.values()) {
    if (filters.type && filters.type !== kind.type) continue;
    if (filters.indicator !== undefined && kind.type !== 'quantity') continue;
    for (const row of db.prepare(selectRows(kind, inDocuments)).all() as JoinedRow[]) items.push(itemOfRow(db, kind, row, conflicts));
    for (const row of asideRows(db, kind, documentIds ? `a.document_id IN (${documentIds.join(', ')})` : '1', []))
      items.push(itemOfRow(db, kind, row, conflicts));
  }
  for (const row of db.prepare(`${ORPHAN_SQL}${documentIds ? ` AND c.document_id IN (${documentIds.join(', ')})` : ''}`).all() as OrphanRow[]) {
    if (filters.type && filters.type !== row.record_type) continue;
    items.push(itemOfOrphan(row));
  }
  const needle = filters.indicator?.toLowerCase();
  return items
    .filter((item) => filters.all || item.flags.length > 0 || item.status !== null)
    .filter((item) => !filters.flag || item.flags.some((f) => f.kind === filters.flag))
    .filter((item) => !needle || [item.fields.indicator, item.fields.indicator_id].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle)))
    .filter((item) => !filters.unreviewed || item.status === null || item.check === 'conflict')
    .sort((a, b) => a.documentId - b.documentId || positionOf(a) - positionOf(b) || a.id.localeCompare(b.id));
}

function positionOf(item: ReviewItem): number {
  // Orphans have no place in the text any more: they come first, where they cannot be missed.
  return item.rowId === null ? -1 : (item.span?.start ?? 0) + sentenceOrder(item);
}

function sentenceOrder(item: ReviewItem): number {
  return (item.sentenceIndex ?? 0) * 100000;
}

export function getItem(db: Db, id: string): ReviewItem {
  const match = /^([a-z])(\d+)$/i.exec(id.trim());
  if (!match) throw new ReviewInputError(`${id}: not a review item id (q12, d3, r7, m4 or c5, as \`planlens review list\` shows)`);
  const [, prefix, digits] = match;
  const n = Number(digits);
  if (prefix!.toLowerCase() === 'c') {
    const row = db.prepare(`${ORPHAN_SQL} AND c.id = ?`).get(n) as OrphanRow | undefined;
    if (!row) throw new ReviewNotFound(`${id}: no such review item (list them with \`planlens review list\`)`);
    return itemOfOrphan(row);
  }
  const kind = kindByPrefix(prefix!.toLowerCase());
  if (!kind) throw new ReviewInputError(`${id}: not a review item id (q12, d3, r7, m4 or c5, as \`planlens review list\` shows)`);
  const row = (db.prepare(selectRows(kind, 'x.id = ?')).get(n) as JoinedRow | undefined) ?? asideRows(db, kind, 'a.row_id = ?', [n])[0];
  if (!row) throw new ReviewNotFound(`${id}: no such review item (ids change when a document is re-ingested; list them again with \`planlens review list\`)`);
  return itemOfRow(db, kind, row, conflictReasons(db, [row.document_id]));
}
