/**
 * Targets and actuals across plans, filtered the way `planlens query` and
 * `planlens compare` ask. Reads the plan_quantities view, so only facts of
 * primary renderings count (a plan stored as docx+txt+pdf appears once), one
 * per plan, indicator and year.
 */
import type { Db } from '../store/index.js';
import { quotesOf } from './quote.js';

export interface QuantityFilters {
  /** indicator_key values (from matchIndicator). */
  indicatorKeys?: string[];
  regions?: string[];
  level?: string;
  year?: number;
  category?: string;
  kind?: 'target' | 'actual';
  /** Only records the extraction flagged for review. */
  flagged?: boolean;
}

export interface QuantityRow {
  quantity_id: number;
  kind: 'target' | 'actual';
  plan_id: number;
  document_id: number;
  plan_title: string | null;
  plan_type: string | null;
  issuer: string | null;
  issued: string | null;
  plan_start: number | null;
  plan_end: number | null;
  document_path: string;
  region: string | null;
  region_code: string | null;
  region_level: string | null;
  region_parent: string | null;
  indicator_key: string;
  indicator_id: string | null;
  indicator_name: string;
  indicator_as_written: string;
  category: string | null;
  value: number | null;
  value_max: number | null;
  unit: string | null;
  comparator: string | null;
  year: number | null;
  period_start: number | null;
  period_end: number | null;
  cumulative: number | null;
  per_year: number | null;
  qualitative: string | null;
  status: string | null;
  value_base: number | null;
  unit_base: string | null;
  flags: string;
  section_path: string;
  page: number | null;
  from_table: number;
  sentence: string;
  /** The clause holding the figure, or for a table cell its row as `header: value` pairs (analyst/quote.ts). */
  quote: string;
  rule: string;
  anchor: string;
  /** accepted | corrected | added (src/review); null when no one has reviewed the record. */
  review_status: string | null;
  reviewed_by: string | null;
  /** How many mentions of the plan state this fact (plan_quantities picks one, store/schema/one-fact-view.ts). */
  mentions: number;
  /** Values the other mentions give where they differ from this one ('15家'); null when they agree. */
  other_values: string | null;
}

/** Larger areas first, so a comparison reads province → city → district. */
export const LEVEL_ORDER_SQL = (column: string): string =>
  `CASE ${column} WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'district' THEN 3 WHEN 'county' THEN 3 WHEN 'zone' THEN 4 ELSE 5 END`;

export function queryQuantities(db: Db, filters: QuantityFilters): QuantityRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    where.push(values.length ? `${column} IN (${values.map(() => '?').join(', ')})` : '0');
    params.push(...values);
  };
  if (filters.indicatorKeys) inList('indicator_key', filters.indicatorKeys);
  if (filters.regions) inList('region', filters.regions);
  if (filters.level !== undefined) inList('region_level', [filters.level]);
  if (filters.year !== undefined) inList('year', [filters.year]);
  if (filters.category !== undefined) inList('category', [filters.category]);
  if (filters.kind !== undefined) inList('kind', [filters.kind]);
  if (filters.flagged) where.push(`flags <> '[]'`);
  const sql = `SELECT * FROM plan_quantities ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY indicator_key, ${LEVEL_ORDER_SQL('region_level')}, region, plan_id, kind DESC, year, quantity_id`;
  const rows = db.prepare(sql).all(...params) as QuantityRow[];
  // The view's quote is the whole sentence or bare row; people read the figure's clause, or the row with its headers.
  const quotes = quotesOf(db, rows);
  return rows.map((r) => ({ ...r, quote: quotes.get(r.quantity_id) ?? r.quote }));
}

/** Categories the indicator list uses, for a helpful --category error. */
export function knownCategories(db: Db): string[] {
  return (
    db.prepare(`SELECT DISTINCT json_extract(definition, '$.category') AS c FROM indicators WHERE c IS NOT NULL ORDER BY c`).all() as Array<{ c: string }>
  ).map((r) => r.c);
}

/** The flags of a row as a short text: "unit-guessed, ambiguous-year". */
export function flagKinds(flags: string): string {
  try {
    const list = JSON.parse(flags) as Array<{ kind?: string }>;
    return list.map((f) => f.kind ?? '?').join(', ');
  } catch {
    return flags;
  }
}
