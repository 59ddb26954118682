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
  const byPath = db
    .prepare(`${base} WHERE d.id IN (SELECT document_id FROM document_paths WHERE path = ?) OR d.path = ?`)
    .all(ref, ref) as DocumentRow[];
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
  return db
    .prepare('SELECT path, number, heading, level, start, "end", page FROM sections WHERE document_id = ? ORDER BY idx')
    .all(documentId) as SectionRow[];
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

export function countsOf(db: Db, documentId: number): DocumentCounts {
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM sentences WHERE document_id = @id) AS sentences,
        (SELECT count(*) FROM tables WHERE document_id = @id) AS tables,
        (SELECT count(*) FROM sections WHERE document_id = @id) AS sections,
        (SELECT count(*) FROM quantities WHERE document_id = @id AND kind = 'target') AS targets,
        (SELECT count(*) FROM quantities WHERE document_id = @id AND kind = 'actual') AS actuals,
        (SELECT count(*) FROM quantities WHERE document_id = @id AND flags != '[]') AS flagged,
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

/** Totals over primary renderings only: a plan stored as docx+txt+pdf counts once. */
export function primaryTotals(db: Db): DatabaseTotals {
  return db
    .prepare(
      `SELECT
        (SELECT count(*) FROM plans) AS plans,
        (SELECT count(*) FROM documents) AS documents,
        (SELECT coalesce(sum(pages), 0) FROM primary_documents) AS pages,
        (SELECT count(*) FROM sentences WHERE document_id IN (SELECT id FROM primary_documents)) AS sentences,
        (SELECT count(*) FROM tables WHERE document_id IN (SELECT id FROM primary_documents)) AS tables,
        (SELECT count(*) FROM plan_targets) AS targets,
        (SELECT count(*) FROM plan_actuals) AS actuals,
        (SELECT count(*) FROM quantities WHERE flags != '[]' AND document_id IN (SELECT id FROM primary_documents)) AS flagged`,
    )
    .get() as DatabaseTotals;
}
