/**
 * Targets against the latest actual for the same region and indicator: the
 * `progress` view (formula in src/store/schema/analyst-views.ts and
 * docs/schema.md), read two ways further here:
 *
 * - a flow (新增…: the name's measure verb, else the catalogue's kind) is
 *   measured by its yearly figures summed from the plan's first year, not by
 *   the latest year alone (2021年新增11家 + 2022年新增2家 against ≥10家);
 * - the plan's own verdict (达到序时进度, 滞后 …) is read into progress's
 *   terms beside the computed one, and a row where the two cannot both be
 *   true carries the two in words (`status_conflict`).
 */
import type { Db } from '../store/index.js';
import { contradicts, measureOf, verdictOf, type Measure, type ProgressWords, type Verdict } from './progress-words.js';
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
  /** flow: yearly figures add up (新增…); stock: the latest figure is the state. */
  measure: Measure;
  /** For a flow: the first year whose figure is in actual_value (the sum runs actual_from_year…actual_year). */
  actual_from_year: number | null;
  /** The plan's own verdict (stated_status) in on_track's terms; unknown where it says the data are missing. */
  stated_verdict: Verdict | null;
  /** Where on_track and the plan's verdict cannot both be true, the two in words; null where they agree or either is missing. */
  status_conflict: string | null;
}

type ViewRow = Omit<ProgressRow, 'measure' | 'actual_from_year' | 'stated_verdict' | 'status_conflict'>;

export interface ProgressFilters {
  regions?: string[];
  indicatorKeys?: string[];
  /** Only targets some actual has been reported against. */
  measuredOnly?: boolean;
}

/** `words`: rules/progress.yaml (analyst/progress-rules.ts loads it). */
export function queryProgress(db: Db, filters: ProgressFilters, words: ProgressWords): ProgressRow[] {
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
  const sql = `SELECT * FROM progress ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY ${LEVEL_ORDER_SQL('region_level')}, region, plan_id, actual_value IS NULL, quantity_id`;
  const flows = flowActuals(db);
  const catalogueKindOf = catalogueKinds(db);
  const rows = (db.prepare(sql).all(...params) as ViewRow[]).map((row) => {
    const measure = measureOf(row.indicator_as_written, words, catalogueKindOf(row.indicator_id));
    const measured = measure === 'flow' ? (flows(row) ?? row) : row;
    const stated_verdict = verdictOf(row.stated_status, words);
    return {
      ...measured,
      measure,
      actual_from_year: measured === row ? null : (measured as ViewRow & { actual_from_year: number }).actual_from_year,
      stated_verdict,
      status_conflict: contradicts(measured.on_track, stated_verdict)
        ? `the plan says ${row.stated_status} (${stated_verdict}); its figures say ${measured.on_track}`
        : null,
    };
  });
  return filters.measuredOnly ? rows.filter((r) => r.actual_value !== null) : rows;
}

/**
 * The catalogue's kind of a linked indicator (flow, stock, share …), where
 * the catalogue gives one: the indicators.kind column where the store has it,
 * else the entry's stored definition.
 */
function catalogueKinds(db: Db): (indicatorId: string | null) => string | null {
  const hasColumn = (db.prepare(`SELECT 1 FROM pragma_table_info('indicators') WHERE name = 'kind'`).get() ?? null) !== null;
  const lookup = db.prepare(
    `SELECT ${hasColumn ? "coalesce(kind, json_extract(definition, '$.kind'))" : "json_extract(definition, '$.kind')"} AS kind FROM indicators WHERE id = ?`,
  );
  return (indicatorId) => {
    if (!indicatorId) return null;
    const row = lookup.get(indicatorId) as { kind: unknown } | undefined;
    return typeof row?.kind === 'string' ? row.kind : null;
  };
}

interface YearFigure {
  year: number;
  value: number;
  plan_id: number;
}

/**
 * A flow target measured by its yearly figures: one figure per year from the
 * plan's first year to the due year (the view's preference where a year has
 * several: a single year's figure, named as the target is, from a table),
 * summed. The expected value is the target's linear share of the plan's
 * years. Null where no yearly figure exists (the view's row stands), or for a
 * yearly target (每年新增…), which the latest year alone answers.
 */
function flowActuals(db: Db): (row: ViewRow) => (ViewRow & { actual_from_year: number }) | null {
  const context = db.prepare(`SELECT plan_start, per_year, coalesce(unit_base, unit) AS unit FROM plan_quantities WHERE quantity_id = ?`);
  const figures = db.prepare(
    `SELECT year, coalesce(value_base, value) AS value, plan_id FROM actuals
     WHERE indicator_key = @key AND (region = @region OR (@region IS NULL AND region IS NULL AND plan_id = @plan))
       AND year BETWEEN @from AND @to AND coalesce(value_base, value) IS NOT NULL
       AND (period_start IS NULL OR period_start = period_end)
       AND (coalesce(unit_base, unit) = @unit OR coalesce(unit_base, unit) IS NULL OR @unit IS NULL)
     ORDER BY year, indicator_as_written = @name DESC, from_table DESC, issued DESC, plan_id DESC, quantity_id`,
  );
  return (row) => {
    const target = context.get(row.quantity_id) as { plan_start: number | null; per_year: number | null; unit: string | null } | undefined;
    if (!target || target.per_year || target.plan_start === null || row.due_year === null || row.target_value === null) return null;
    const byYear = new Map<number, YearFigure>();
    for (const f of figures.all({
      key: row.indicator_key,
      region: row.region,
      plan: row.plan_id,
      from: target.plan_start,
      to: row.due_year,
      unit: target.unit,
      name: row.indicator_as_written,
    }) as YearFigure[]) {
      if (!byYear.has(f.year)) byYear.set(f.year, f);
    }
    if (byYear.size === 0) return null;
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const first = years[0]!;
    const last = years[years.length - 1]!;
    const sum = Number([...byYear.values()].reduce((total, f) => total + f.value, 0).toPrecision(12));
    const tv = row.target_value;
    const lower = row.comparator === '<=' || row.comparator === '<';
    const expected = (tv * (Math.min(last, row.due_year) - target.plan_start + 1)) / (row.due_year - target.plan_start + 1);
    const met = lower ? (row.comparator === '<' ? sum < tv : sum <= tv) : row.comparator === '>' ? sum > tv : sum >= tv;
    const onPace = lower ? sum <= expected : sum >= expected;
    return {
      ...row,
      actual_value: sum,
      actual_year: last,
      actual_from_year: first,
      actual_plan_id: byYear.get(last)!.plan_id,
      baseline_value: null,
      baseline_year: null,
      share_achieved: lower ? (sum > 0 ? round4(tv / sum) : null) : tv !== 0 ? round4(sum / tv) : null,
      expected_value: round4(expected),
      on_track: met ? 'achieved' : onPace ? 'on track' : 'behind',
    };
  };
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
