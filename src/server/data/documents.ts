/**
 * What the Documents and Document pages show, shaped from the store's shared
 * queries (src/store/queries.ts): the listing with counts, and the records the
 * Document page highlights in place, named as src/records captions them.
 */
import { RECORD_SPECS, type Fields, type RecordType } from '../../records/index.js';
import { planLabel } from '../../records/plan-label.js';
import { figureText } from '../figures.js';
import {
  countsOf,
  departmentMentionRowsOf,
  documentTextOf,
  errorCountOf,
  listDocuments,
  messagesOf,
  milestoneRowsOf,
  quantityRowsOf,
  queryCutter,
  searchSentences,
  sectionHeadingsOf,
  tablesOf,
  type Db,
  type DocumentRow,
  type SearchHit,
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

/** A target or actual named on the page: its indicator and the figure as the pages show figures (≥ 10 件). */
function quantityCaption(q: Record<string, unknown>): string {
  const figure = figureText({
    value: q.value as number | null,
    value_max: q.value_max as number | null,
    unit: q.unit as string | null,
    comparator: q.comparator as string | null,
  });
  return `${String(q.indicator)} ${figure || String(q.qualitative ?? '')}${q.year ? ` (${String(q.year)})` : ''}`;
}

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
      label: quantityCaption(q),
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
        review_status: m.review_status,
        reviewed_by: m.reviewed_by,
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
      fields: {
        id: m.id,
        what: m.what,
        start: m.start,
        end: m.end,
        recurring: m.recurring,
        section_path: m.section_path,
        page: m.page,
        sentence: m.sentence,
        review_status: m.review_status,
        reviewed_by: m.reviewed_by,
      },
    });
  }
  records.sort((a, b) => a.start - b.start || b.end - a.end);
  return { document, text, sections: sectionHeadingsOf(db, id), tables, records, flagged: countsOf(db, id).flagged, messages: messagesOf(db, id) };
}

/** What the Documents page narrows and orders the listing by (all optional, as the query string gives them). */
export interface DocumentQuery {
  region?: string;
  type?: string;
  /** A year the plan covers (its period) or was issued in. */
  year?: string;
  sort?: string;
  /** 'desc' for descending; ascending otherwise. */
  dir?: string;
}

export const DOCUMENT_SORTS = ['title', 'type', 'region', 'period', 'targets', 'actuals', 'flagged'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

/** The years a document is about: its plan period, and the year it was issued. */
export function yearsOf(d: DocumentRow): number[] {
  const years = new Set<number>();
  if (d.period_start !== null && d.period_end !== null && d.period_end >= d.period_start && d.period_end - d.period_start < 50) {
    for (let y = d.period_start; y <= d.period_end; y++) years.add(y);
  } else {
    for (const y of [d.period_start, d.period_end]) if (y !== null) years.add(y);
  }
  const issued = Number(d.issued?.slice(0, 4));
  if (issued) years.add(issued);
  return [...years];
}

/** The choices each filter offers, from the documents stored. */
export function documentFacets(rows: DocumentRow[]): { regions: string[]; types: string[]; years: number[] } {
  const regions = new Set<string>();
  const types = new Set<string>();
  const years = new Set<number>();
  for (const d of rows) {
    if (d.region) regions.add(d.region);
    if (d.type) types.add(d.type);
    for (const y of yearsOf(d)) years.add(y);
  }
  return { regions: [...regions].sort((a, b) => a.localeCompare(b, 'zh-CN')), types: [...types].sort(), years: [...years].sort((a, b) => b - a) };
}

const sortKey: Record<DocumentSort, (d: DocumentListRow) => string | number> = {
  title: (d) => d.title ?? '',
  type: (d) => d.type ?? '',
  region: (d) => d.region ?? '',
  period: (d) => d.period_start ?? d.period_end ?? Number(d.issued?.slice(0, 4) ?? 0),
  targets: (d) => d.targets,
  actuals: (d) => d.actuals,
  flagged: (d) => d.flagged,
};

/**
 * The listing narrowed by region (the region or one inside it: 南京市 keeps
 * 南京市玄武区), type and year, then ordered; ties keep the store's order
 * (plans together, primary rendering first).
 */
export function filterDocuments(rows: DocumentListRow[], q: DocumentQuery): DocumentListRow[] {
  const year = Number(q.year);
  const kept = rows.filter(
    (d) => (!q.region || (d.region ?? '').startsWith(q.region)) && (!q.type || d.type === q.type) && (!year || yearsOf(d).includes(year)),
  );
  const sort = (DOCUMENT_SORTS as readonly string[]).includes(q.sort ?? '') ? (q.sort as DocumentSort) : null;
  if (!sort) return kept;
  const key = sortKey[sort];
  const sign = q.dir === 'desc' ? -1 : 1;
  const compare = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
  return kept
    .map((d, i) => ({ d, i }))
    .sort((x, y) => sign * compare(key(x.d), key(y.d)) || x.i - y.i)
    .map((x) => x.d);
}

export interface DocumentSearchHit extends SearchHit {
  label: string;
  region: string | null;
}

/** The CLI's full-text search (`planlens search`), each hit with the plan it is in. */
export function searchDocuments(db: Db, query: string, rulesDir: string, limit = 100): DocumentSearchHit[] {
  if (!query.trim()) return [];
  const docs = new Map(listDocuments(db).map((d) => [d.id, d]));
  return searchSentences(db, query, { limit, cut: queryCutter(rulesDir) }).map((h) => {
    const d = docs.get(h.document_id);
    return { ...h, label: d ? planLabel(d) : h.path, region: d?.region ?? null };
  });
}
