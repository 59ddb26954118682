/**
 * Targets against the latest actual for the same region and indicator: the
 * `progress` view (formula in src/store/schema/analyst-views.ts and docs/schema.md).
 */
import type { Db } from '../store/index.js';
import { LEVEL_ORDER_SQL } from './quantities.js';

export interface ProgressRow {
  quantity_id: number;
  plan_id: number;
  plan_title: string | null;
  plan_type: string | null;
  region: string | null;
  region_code: string | null;
  region_level: string | null;
  indicator_key: string;
  indicator_id: string | null;
  indicator_name: string;
  indicator_as_written: string;
  category: string | null;
  target_value: number | null;
  unit: string | null;
  comparator: string | null;
  due_year: number | null;
  target_raw_value: number | null;
  target_raw_unit: string | null;
  baseline_value: number | null;
  baseline_year: number | null;
  actual_value: number | null;
  actual_year: number | null;
  actual_plan_id: number | null;
  share_achieved: number | null;
  expected_value: number | null;
  on_track: 'achieved' | 'on track' | 'behind' | null;
  stated_status: string | null;
  section_path: string;
  sentence: string;
}

export interface ProgressFilters {
  regions?: string[];
  indicatorKeys?: string[];
  /** Only targets some actual has been reported against. */
  measuredOnly?: boolean;
}

export function queryProgress(db: Db, filters: ProgressFilters = {}): ProgressRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [column, values] of [
    ['region', filters.regions],
    ['indicator_key', filters.indicatorKeys],
  ] as const) {
    if (!values) continue;
    where.push(values.length ? `${column} IN (${values.map(() => '?').join(', ')})` : '0');
    params.push(...values);
  }
  if (filters.measuredOnly) where.push('actual_value IS NOT NULL');
  const sql = `SELECT * FROM progress ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY ${LEVEL_ORDER_SQL('region_level')}, region, plan_id, actual_value IS NULL, quantity_id`;
  return db.prepare(sql).all(...params) as ProgressRow[];
}
