/**
 * What the Documents and Document pages show, shaped from the store's shared
 * queries (src/store/queries.ts): the listing with counts, and the records the
 * Document page highlights in place, named as src/records captions them.
 */
import { RECORD_SPECS, type Fields, type RecordType } from '../../records/index.js';
import {
  countsOf,
  departmentMentionRowsOf,
  documentTextOf,
  errorCountOf,
  listDocuments,
  messagesOf,
  milestoneRowsOf,
  quantityRowsOf,
  sectionHeadingsOf,
  tablesOf,
  type Db,
  type DocumentRow,
  type SectionRow,
  type TableRow,
} from '../../store/index.js';

export { failedPaths, type FailedPath } from '../../store/index.js';

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
  return docs.map((d) => {
    const c = countsOf(db, d.id);
    return {
      ...d,
      targets: c.targets,
      actuals: c.actuals,
      flagged: c.flagged,
      renderings: d.plan_id === null ? 1 : (renderings.get(d.plan_id) ?? 1),
      errors: errorCountOf(db, d.id),
    };
  });
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

export type PageTable = TableRow;

export interface DocumentDetail {
  document: DocumentRow;
  text: string;
  sections: Array<SectionRow & { heading_start: number; heading_end: number }>;
  tables: PageTable[];
  records: PageRecord[];
  /** Records flagged for review: the count `review list` and `npm start` give (store/queries.ts). */
  flagged: number;
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

const caption = (type: RecordType, row: Fields): string => RECORD_SPECS.get(type)!.caption!(row);

export function documentDetail(db: Db, id: number): DocumentDetail | null {
  const document = listDocuments(db).find((d) => d.id === id);
  if (!document) return null;
  const text = documentTextOf(db, id);
  const tables = tablesOf(db, id);
  const records: PageRecord[] = [];
  for (const q of quantityRowsOf(db, id)) {
    const { id: qid, start, end, rule, flags, anchor: _a, document_id: _d, rules_version: _r, ...fields } = q;
    records.push({
      key: `q${qid}`,
      kind: q.kind as 'target' | 'actual',
      start: start as number,
      end: end as number,
      label: caption('quantity', q),
      rule: rule as string,
      flags: parseFlags(flags as string),
      fields: { id: qid, ...fields },
    });
  }
  for (const m of departmentMentionRowsOf(db, id)) {
    records.push({
      key: `d${m.id}`,
      kind: 'department',
      start: m.start as number,
      end: m.end as number,
      label: caption('department', m),
      rule: m.rule as string,
      flags: [],
      fields: {
        id: m.id,
        name: m.name,
        canonical_id: m.canonical_id,
        canonical_name: m.canonical_name,
        section_path: m.section_path,
        page: m.page,
        sentence: m.sentence,
      },
    });
  }
  for (const m of milestoneRowsOf(db, id)) {
    records.push({
      key: `m${m.id}`,
      kind: 'milestone',
      start: m.span_start as number,
      end: m.span_end as number,
      label: caption('milestone', m),
      rule: m.rule as string,
      flags: [],
      fields: { id: m.id, what: m.what, start: m.start, end: m.end, recurring: m.recurring, section_path: m.section_path, page: m.page, sentence: m.sentence },
    });
  }
  records.sort((a, b) => a.start - b.start || b.end - a.end);
  return { document, text, sections: sectionHeadingsOf(db, id), tables, records, flagged: countsOf(db, id).flagged, messages: messagesOf(db, id) };
}
