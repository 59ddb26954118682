/**
 * Migration 7: one fact per plan, indicator and year. The extraction marks
 * one record per (indicator, year, value) as a fact, so a plan that states
 * two values for one indicator and year (a table row ≥10家 and a sentence
 * 超过15家), or names one indicator two ways that link to the same key (新增
 * 知识产权高层次人才 >100人 in the table, 100人左右的人才库 in prose), gave
 * two rows to every query. Now:
 *
 * - `quantity_mentions` keeps every mention (what plan_quantities was);
 * - `plan_quantities` keeps one of them per plan, kind, indicator key, year,
 *   scope (a yearly rate and a period total are different facts) and base
 *   unit, picked
 *   by FACT_ORDER, with `mentions` (how many there were) and
 *   `other_values` (the values the others give); where those differ from the
 *   pick, the row carries a `value-conflict` flag instead of a second row;
 * - a record with neither a number nor qualitative words is no fact.
 *
 * targets, actuals, progress and compare read plan_quantities, so they all
 * follow. The old view is renamed from its stored SQL (so migration 5's plan
 * label stays as it was written).
 */
import type { Database } from 'better-sqlite3';

/**
 * Which mention is the fact, best first: one a reviewer vouched for; one
 * whose year the text states (not taken from the plan period); a table row
 * (the plan's own summary of its indicators) over prose; one linked by a
 * listed name over a similarity link; fewer flags; then document order.
 */
const FACT_ORDER = `review_status IN ('accepted', 'corrected', 'added') DESC,
      instr(flags, '"year-defaulted"') = 0 DESC,
      from_table DESC,
      instr(flags, '"linked-by-similarity"') = 0 DESC,
      json_array_length(flags),
      quantity_id`;

/**
 * Mentions that state one fact: same plan, kind, indicator, year, scope and
 * measure (5米 and 92% under one name are two facts, not a disagreement).
 */
const SAME_FACT = `plan_id, kind, indicator_key, coalesce(year, -1), coalesce(per_year, 0), coalesce(period_start, year, -1), coalesce(unit_base, unit, '')`;

/** A value as the plan wrote it, for the list of other values. */
const WRITTEN = `coalesce(
  CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(CAST(o.value AS INTEGER) AS TEXT) ELSE CAST(o.value AS TEXT) END || coalesce(o.unit, ''),
  o.qualitative)`;

const ONE_FACT_VIEW = `
CREATE VIEW plan_quantities AS
WITH ranked AS (
  SELECT m.*,
    row_number() OVER (PARTITION BY ${SAME_FACT} ORDER BY ${FACT_ORDER}) AS pick,
    count(*) OVER (PARTITION BY ${SAME_FACT}) AS mentions
  FROM quantity_mentions m
  WHERE m.value IS NOT NULL OR coalesce(m.qualitative, '') <> ''
),
picked AS (
  SELECT r.*, (
    SELECT group_concat(written, ' / ') FROM (
      SELECT DISTINCT ${WRITTEN} AS written FROM ranked o
      WHERE o.plan_id = r.plan_id AND o.kind = r.kind AND o.indicator_key = r.indicator_key
        AND coalesce(o.year, -1) = coalesce(r.year, -1) AND coalesce(o.per_year, 0) = coalesce(r.per_year, 0)
        AND coalesce(o.period_start, o.year, -1) = coalesce(r.period_start, r.year, -1)
        AND coalesce(o.unit_base, o.unit, '') = coalesce(r.unit_base, r.unit, '')
        AND o.quantity_id <> r.quantity_id
        AND (coalesce(o.value_base, o.value) IS NOT coalesce(r.value_base, r.value) OR o.qualitative IS NOT r.qualitative))
  ) AS other_values
  FROM ranked r WHERE pick = 1
)
SELECT
  quantity_id, kind, plan_id, document_id, plan_title, plan_type, issuer, issued, plan_start, plan_end, document_path,
  region, region_code, region_level, region_parent, indicator_key, indicator_id, indicator_name, indicator_as_written, category,
  value, value_max, unit, comparator, year, period_start, period_end, cumulative, per_year, qualitative, status, value_base, unit_base,
  CASE WHEN other_values IS NOT NULL AND instr(flags, '"value-conflict"') = 0
    THEN json_insert(flags, '$[#]', json_object('kind', 'value-conflict',
      'reason', 'other mentions of ' || indicator_as_written || ' (' || coalesce(year, 'no year') || ') give ' || other_values))
    ELSE flags END AS flags,
  section_path, page, from_table, sentence, quote, rule, anchor, review_status, reviewed_by,
  mentions, other_values
FROM picked`;

const OLD_NAME = 'CREATE VIEW plan_quantities AS';

export function oneFactPerIndicatorYear(db: Database): void {
  const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'plan_quantities'`).get() as { sql: string } | undefined;
  if (!row || !row.sql.startsWith(OLD_NAME)) throw new Error('migration 7: view plan_quantities is not the one it renames');
  db.exec(`CREATE VIEW quantity_mentions AS ${row.sql.slice(OLD_NAME.length)};
    DROP VIEW plan_quantities;
    ${ONE_FACT_VIEW};`);
}
