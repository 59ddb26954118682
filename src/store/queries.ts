/** Read-side queries behind `planlens docs` and `planlens show`. */
import type { Db } from './open.js';

export interface DocumentRow {
  id: number;
  plan_id: number | null;
  is_primary: number;
  sha256: string;
  path: string;
  format: string;
  bytes: number;
  pages: number | null;
  encoding: string | null;
  title: string | null;
  region: string | null;
  region_code: string | null;
  level: string | null;
  issuer: string | null;
  doc_number: string | null;
  issued: string | null;
  period_start: number | null;
  period_end: number | null;
  type: string | null;
  pipeline: string;
  rules_version: string;
  ingested_at: string;
  plan_similarity: number | null;
  characters: number;
}

const DOCUMENT_COLUMNS = `d.id, d.plan_id, (p.primary_document_id = d.id) AS is_primary, d.sha256, d.path, d.format, d.bytes, d.pages,
  d.encoding, d.title, d.region, d.region_code, d.level, d.issuer, d.doc_number, d.issued, d.period_start, d.period_end, d.type,
  d.pipeline, d.rules_version, d.ingested_at, d.plan_similarity, length(d.text) AS characters`;

/** Every document, grouped by plan, primary rendering first. */
export function listDocuments(db: Db): DocumentRow[] {
  return db
    .prepare(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN plans p ON p.id = d.plan_id
       ORDER BY d.plan_id, is_primary DESC, d.id`,
    )
    .all() as DocumentRow[];
}

/**
 * A document by id, sha256 prefix (≥ 6 hex digits), path (any path it was
 * seen under) or a unique part of its path or title. Returns all matches so
 * the caller can say "ambiguous".
 */
export function findDocuments(db: Db, ref: string): DocumentRow[] {
  const base = `SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN plans p ON p.id = d.plan_id`;
  if (/^\d+$/.test(ref)) {
    const byId = db.prepare(`${base} WHERE d.id = ?`).all(Number(ref)) as DocumentRow[];
    if (byId.length) return byId;
  }
  if (/^[0-9a-f]{6,64}$/i.test(ref)) {
    const bySha = db.prepare(`${base} WHERE d.sha256 LIKE ?`).all(ref.toLowerCase() + '%') as DocumentRow[];
    if (bySha.length) return bySha;
  }
  const byPath = db.prepare(`${base} WHERE d.id IN (SELECT document_id FROM document_paths WHERE path = ?) OR d.path = ?`).all(ref, ref) as DocumentRow[];
  if (byPath.length) return byPath;
  const like = `%${ref.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return db
    .prepare(`${base} WHERE d.path LIKE ? ESCAPE '\\' OR d.title LIKE ? ESCAPE '\\' ORDER BY d.plan_id, is_primary DESC, d.id`)
    .all(like, like) as DocumentRow[];
}

export function renderingsOf(db: Db, planId: number): DocumentRow[] {
  return db
    .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM documents d LEFT JOIN plans p ON p.id = d.plan_id WHERE d.plan_id = ? ORDER BY is_primary DESC, d.id`)
    .all(planId) as DocumentRow[];
}

export function pathsOf(db: Db, documentId: number): string[] {
  return (db.prepare('SELECT path FROM document_paths WHERE document_id = ? ORDER BY first_seen, path').all(documentId) as Array<{ path: string }>).map(
    (r) => r.path,
  );
}

export interface SectionRow {
  path: string;
  number: string;
  heading: string;
  level: number;
  start: number;
  end: number;
  page: number | null;
}

export function sectionsOf(db: Db, documentId: number): SectionRow[] {
  return db.prepare('SELECT path, number, heading, level, start, "end", page FROM sections WHERE document_id = ? ORDER BY idx').all(documentId) as SectionRow[];
}

export interface DocumentCounts {
  sentences: number;
  tables: number;
  sections: number;
  targets: number;
  actuals: number;
  flagged: number;
  departments: number;
  responsibilities: number;
  milestones: number;
  messages: number;
}

/**
 * The one definition of "flagged": every record a reviewer should look at,
 * as the review queue shows it (src/review/queue.ts) — a quantity the
 * extraction flagged, a department matching no known unit, a task with no
 * responsible unit, an undated milestone, a record whose correction no
 * longer fits, a correction whose record is gone, and a flagged record a
 * reviewer rejected (set aside, still listed). `npm start`, `show`,
 * `review list` and the web pages all count these rows, so they agree.
 * (test/analyst/facts.test.ts holds the queue to the same count.)
 */
const FLAGGED_RECORDS_SQL = `
  SELECT document_id, 'quantity' AS record_type, id AS record_id FROM quantities WHERE flags <> '[]'
  UNION SELECT document_id, 'department', id FROM department_mentions WHERE canonical_id IS NULL
  UNION SELECT r.document_id, 'responsibility', r.id FROM responsibilities r
    WHERE NOT EXISTS (SELECT 1 FROM responsibility_units u WHERE u.responsibility_id = r.id AND u.role = 'lead')
  UNION SELECT document_id, 'milestone', id FROM milestones WHERE start IS NULL AND "end" IS NULL
  UNION SELECT document_id, record_type, record_id FROM review_conflicts WHERE record_id IS NOT NULL
  UNION SELECT document_id, 'correction', id FROM review_conflicts WHERE record_id IS NULL
  -- A rejected record is set aside out of its table but stays in the queue (as rejected) with its flags.
  UNION SELECT document_id, record_type, row_id FROM review_set_aside
    WHERE (record_type = 'quantity' AND json_extract(row, '$.flags') <> '[]')
      OR (record_type = 'department' AND json_extract(row, '$.canonical_id') IS NULL)
      OR (record_type = 'milestone' AND json_extract(row, '$.start') IS NULL AND json_extract(row, '$.end') IS NULL)
      OR (record_type = 'responsibility' AND NOT EXISTS (SELECT 1 FROM json_each(coalesce(units, '[]')) WHERE json_extract(value, '$.role') = 'lead'))`;

export function countsOf(db: Db, documentId: number): DocumentCounts {
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM sentences WHERE document_id = @id) AS sentences,
        (SELECT count(*) FROM tables WHERE document_id = @id) AS tables,
        (SELECT count(*) FROM sections WHERE document_id = @id) AS sections,
        (SELECT count(*) FROM quantities WHERE document_id = @id AND kind = 'target') AS targets,
        (SELECT count(*) FROM quantities WHERE document_id = @id AND kind = 'actual') AS actuals,
        (SELECT count(*) FROM (${FLAGGED_RECORDS_SQL}) WHERE document_id = @id) AS flagged,
        (SELECT count(*) FROM department_mentions WHERE document_id = @id) AS departments,
        (SELECT count(*) FROM responsibilities WHERE document_id = @id) AS responsibilities,
        (SELECT count(*) FROM milestones WHERE document_id = @id) AS milestones,
        (SELECT count(*) FROM messages WHERE document_id = @id) AS messages`,
    )
    .get({ id: documentId }) as DocumentCounts;
}

export interface MessageRow {
  severity: string;
  stage: string;
  code: string;
  text: string;
}

/** Reviewers' corrections that no longer fit this document's text (review_conflicts). */
export function correctionConflictsOf(db: Db, documentId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM review_conflicts WHERE document_id = ?').get(documentId) as { n: number }).n;
}

export function messagesOf(db: Db, documentId: number): MessageRow[] {
  return db.prepare('SELECT severity, stage, code, text FROM messages WHERE document_id = ? ORDER BY id').all(documentId) as MessageRow[];
}

export interface DatabaseTotals {
  plans: number;
  documents: number;
  pages: number;
  sentences: number;
  tables: number;
  targets: number;
  actuals: number;
  flagged: number;
}

/** Totals over primary renderings only: a plan stored as docx+txt+pdf counts once, a fact once per indicator and year (the targets and actuals views). */
export function primaryTotals(db: Db): DatabaseTotals {
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM plans) AS plans,
        (SELECT count(*) FROM documents) AS documents,
        (SELECT coalesce(sum(pages), 0) FROM primary_documents) AS pages,
        (SELECT count(*) FROM sentences WHERE document_id IN (SELECT id FROM primary_documents)) AS sentences,
        (SELECT count(*) FROM tables WHERE document_id IN (SELECT id FROM primary_documents)) AS tables,
        (SELECT count(*) FROM targets) AS targets,
        (SELECT count(*) FROM actuals) AS actuals,
        (SELECT count(*) FROM (${FLAGGED_RECORDS_SQL}) WHERE document_id IN (SELECT id FROM primary_documents)) AS flagged`,
    )
    .get() as DatabaseTotals;
}

/** Fatal and error messages of a stored document. */
export function errorCountOf(db: Db, documentId: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM messages WHERE document_id = ? AND severity IN ('fatal', 'error')`).get(documentId) as { n: number }).n;
}

export interface FailedPath {
  path: string;
  stage: string;
  code: string;
  text: string;
  created_at: string;
}

/**
 * Files whose latest attempt failed before they were stored. A file that
 * failed and was later stored is no longer a failure.
 */
export function failedPaths(db: Db): FailedPath[] {
  return db
    .prepare(
      `SELECT m.path, m.stage, m.code, m.text, m.created_at FROM messages m
       WHERE m.document_id IS NULL AND m.severity = 'fatal'
         AND m.id = (SELECT max(id) FROM messages WHERE path = m.path AND document_id IS NULL)
         AND NOT EXISTS (SELECT 1 FROM document_paths p WHERE p.path = m.path AND p.first_seen >= m.created_at)
       ORDER BY m.id DESC`,
    )
    .all() as FailedPath[];
}

export function documentTextOf(db: Db, documentId: number): string {
  return (db.prepare('SELECT text FROM documents WHERE id = ?').get(documentId) as { text: string }).text;
}

/** Sections with the span of their heading, in document order. */
export function sectionHeadingsOf(db: Db, documentId: number): Array<SectionRow & { heading_start: number; heading_end: number }> {
  return db
    .prepare('SELECT path, number, heading, level, heading_start, heading_end, start, "end", page FROM sections WHERE document_id = ? ORDER BY idx')
    .all(documentId) as Array<SectionRow & { heading_start: number; heading_end: number }>;
}

/**
 * One cell of a stored table as the database returns it (offsets into
 * documents.text; carried: copied from a merged cell above, 0/1). Not the
 * pipeline's `TableCell` (core/state.ts): a row of table_cells carries its own
 * row and col, while a `TableCell` is placed by its index in `Table.rows`.
 */
export interface TableCellRow {
  row: number;
  col: number;
  text: string;
  start: number;
  end: number;
  carried: number;
}

export interface TableRow {
  id: number;
  header_rows: number;
  n_rows: number;
  n_cols: number;
  start: number;
  end: number;
  cells: TableCellRow[];
}

/** The document's tables with their cells, in document order. */
export function tablesOf(db: Db, documentId: number): TableRow[] {
  const cells = db.prepare('SELECT row, col, text, start, "end", carried FROM table_cells WHERE table_id = ? ORDER BY row, col');
  return (
    db.prepare('SELECT id, header_rows, n_rows, n_cols, start, "end" FROM tables WHERE document_id = ? ORDER BY start').all(documentId) as Omit<
      TableRow,
      'cells'
    >[]
  ).map((t) => ({ ...t, cells: cells.all(t.id) as TableCellRow[] }));
}

/** Every quantity row of a document, in text order. */
export function quantityRowsOf(db: Db, documentId: number): Array<Record<string, unknown>> {
  return db.prepare('SELECT * FROM quantities WHERE document_id = ? ORDER BY start').all(documentId) as Array<Record<string, unknown>>;
}

export function departmentMentionRowsOf(db: Db, documentId: number): Array<Record<string, unknown>> {
  return db
    .prepare(
      'SELECT id, name, canonical_id, canonical_name, section_path, page, start, "end", sentence, rule, review_status, reviewed_by FROM department_mentions WHERE document_id = ?',
    )
    .all(documentId) as Array<Record<string, unknown>>;
}

export function milestoneRowsOf(db: Db, documentId: number): Array<Record<string, unknown>> {
  return db
    .prepare(
      'SELECT id, what, start, "end", recurring, section_path, page, span_start, span_end, sentence, rule, review_status, reviewed_by FROM milestones WHERE document_id = ?',
    )
    .all(documentId) as Array<Record<string, unknown>>;
}

/** The id of the document stored with this content, if any. */
export function documentIdOf(db: Db, sha256: string): number | null {
  const row = db.prepare('SELECT id FROM documents WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Plan id → the id of its primary rendering. */
export function primaryDocumentOfPlan(db: Db): Map<number, number> {
  return new Map(
    (db.prepare('SELECT id, primary_document_id FROM plans').all() as Array<{ id: number; primary_document_id: number }>).map((p) => [
      p.id,
      p.primary_document_id,
    ]),
  );
}
