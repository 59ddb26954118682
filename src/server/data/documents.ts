/**
 * What the Documents and Document pages show, read from the store: the
 * store's own listings (listDocuments, countsOf, sectionsOf) plus the
 * per-document records the pages highlight in place.
 */
import { countsOf, listDocuments, type Db, type DocumentRow, type SectionRow } from '../../store/index.js';

export interface DocumentListRow extends DocumentRow {
  targets: number;
  actuals: number;
  flagged: number;
  /** Renderings of the same plan (this one included). */
  renderings: number;
  errors: number;
}

export function documentList(db: Db): DocumentListRow[] {
  const renderings = new Map<number, number>();
  const docs = listDocuments(db);
  for (const d of docs) if (d.plan_id !== null) renderings.set(d.plan_id, (renderings.get(d.plan_id) ?? 0) + 1);
  const errors = db.prepare(`SELECT count(*) AS n FROM messages WHERE document_id = ? AND severity IN ('fatal', 'error')`);
  return docs.map((d) => {
    const c = countsOf(db, d.id);
    return {
      ...d,
      targets: c.targets,
      actuals: c.actuals,
      flagged: c.flagged,
      renderings: d.plan_id === null ? 1 : (renderings.get(d.plan_id) ?? 1),
      errors: (errors.get(d.id) as { n: number }).n,
    };
  });
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

export type RecordKind = 'target' | 'actual' | 'department' | 'milestone';

/** One extracted record as the document page shows it: where it is and every field. */
export interface PageRecord {
  /** Unique in the page: q12, d3, m7. */
  key: string;
  kind: RecordKind;
  start: number;
  end: number;
  label: string;
  rule: string;
  flags: Array<{ kind?: string; reason?: string }>;
  fields: Record<string, unknown>;
}

export interface TableCell {
  row: number;
  col: number;
  text: string;
  start: number;
  end: number;
  carried: number;
}

export interface PageTable {
  id: number;
  header_rows: number;
  n_rows: number;
  n_cols: number;
  start: number;
  end: number;
  cells: TableCell[];
}

export interface DocumentDetail {
  document: DocumentRow;
  text: string;
  sections: Array<SectionRow & { heading_start: number; heading_end: number }>;
  tables: PageTable[];
  records: PageRecord[];
  messages: Array<{ severity: string; stage: string; code: string; text: string }>;
}

function parseFlags(json: string): PageRecord['flags'] {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? (list as PageRecord['flags']) : [];
  } catch {
    return [{ kind: 'unreadable-flags', reason: json }];
  }
}

export function documentDetail(db: Db, id: number): DocumentDetail | null {
  const document = listDocuments(db).find((d) => d.id === id);
  if (!document) return null;
  const { text } = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as { text: string };
  const tables = (db.prepare('SELECT id, header_rows, n_rows, n_cols, start, "end" FROM tables WHERE document_id = ? ORDER BY start').all(id) as Omit<PageTable, 'cells'>[]).map(
    (t) => ({ ...t, cells: db.prepare('SELECT row, col, text, start, "end", carried FROM table_cells WHERE table_id = ? ORDER BY row, col').all(t.id) as TableCell[] }),
  );
  const records: PageRecord[] = [];
  for (const q of db.prepare('SELECT * FROM quantities WHERE document_id = ? ORDER BY start').all(id) as Array<Record<string, unknown>>) {
    const { id: qid, start, end, rule, flags, anchor: _a, document_id: _d, rules_version: _r, ...fields } = q;
    records.push({
      key: `q${qid}`,
      kind: q.kind as 'target' | 'actual',
      start: start as number,
      end: end as number,
      label: `${q.indicator} ${q.comparator ?? ''}${q.value ?? q.qualitative ?? ''}${q.unit ?? ''}${q.year ? ` (${q.year})` : ''}`,
      rule: rule as string,
      flags: parseFlags(flags as string),
      fields: { id: qid, ...fields },
    });
  }
  for (const m of db.prepare('SELECT id, name, canonical_id, canonical_name, section_path, page, start, "end", sentence, rule FROM department_mentions WHERE document_id = ?').all(id) as Array<Record<string, unknown>>) {
    records.push({
      key: `d${m.id}`,
      kind: 'department',
      start: m.start as number,
      end: m.end as number,
      label: `${m.name}${m.canonical_name && m.canonical_name !== m.name ? ` → ${m.canonical_name}` : ''}`,
      rule: m.rule as string,
      flags: [],
      fields: { id: m.id, name: m.name, canonical_id: m.canonical_id, canonical_name: m.canonical_name, section_path: m.section_path, page: m.page, sentence: m.sentence },
    });
  }
  for (const m of db.prepare('SELECT id, what, start, "end", recurring, section_path, page, span_start, span_end, sentence, rule FROM milestones WHERE document_id = ?').all(id) as Array<Record<string, unknown>>) {
    records.push({
      key: `m${m.id}`,
      kind: 'milestone',
      start: m.span_start as number,
      end: m.span_end as number,
      label: `${m.what}${m.end ? ` (${m.start ? `${m.start}–` : '至'}${m.end})` : ''}`,
      rule: m.rule as string,
      flags: [],
      fields: { id: m.id, what: m.what, start: m.start, end: m.end, recurring: m.recurring, section_path: m.section_path, page: m.page, sentence: m.sentence },
    });
  }
  records.sort((a, b) => a.start - b.start || b.end - a.end);
  const messages = db.prepare('SELECT severity, stage, code, text FROM messages WHERE document_id = ? ORDER BY id').all(id) as DocumentDetail['messages'];
  return { document, text, sections: db.prepare('SELECT path, number, heading, level, heading_start, heading_end, start, "end", page FROM sections WHERE document_id = ? ORDER BY idx').all(id) as DocumentDetail['sections'], tables, records, messages };
}
