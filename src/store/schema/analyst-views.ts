/**
 * The analyst views: targets, actuals, progress and compare over primary
 * renderings only. They are SQL so a pandas or sqlite3 user gets exactly what
 * the CLI shows; docs/schema.md ("Analyst views") documents every column and
 * the progress formula. Registered as migration 2 in src/store/schema/index.ts.
 */

/**
 * How an indicator is keyed across plans: the canonical id where the
 * extraction linked it, otherwise the name as written with blanks removed
 * (PDF and table text put spaces inside names: "维持 10 年以上…").
 */
export const INDICATOR_KEY_SQL = (column: string): string => `replace(replace(replace(replace(${column}, ' ', ''), '　', ''), char(9), ''), char(10), '')`;

export const ANALYST_VIEWS_SQL = `
-- Every fact quantity of a primary rendering with its dimensions resolved.
CREATE VIEW plan_quantities AS
SELECT
  q.id AS quantity_id,
  q.kind,
  p.id AS plan_id,
  d.id AS document_id,
  -- A document that states no title is named by its file.
  coalesce(d.title, replace(d.path, rtrim(d.path, replace(d.path, '/', '')), '')) AS plan_title,
  d.type AS plan_type,
  d.issuer,
  d.issued,
  d.period_start AS plan_start,
  d.period_end AS plan_end,
  d.path AS document_path,
  d.region,
  r.code AS region_code,
  coalesce(r.level, d.level) AS region_level,
  r.parent AS region_parent,
  coalesce(q.indicator_id, 'name:' || ${INDICATOR_KEY_SQL('q.indicator')}) AS indicator_key,
  q.indicator_id,
  coalesce(i.name, q.indicator) AS indicator_name,
  q.indicator AS indicator_as_written,
  json_extract(i.definition, '$.category') AS category,
  q.value,
  q.value_max,
  q.unit,
  q.comparator,
  q.year,
  q.period_start,
  q.period_end,
  q.cumulative,
  q.per_year,
  q.qualitative,
  q.status,
  q.value_base,
  q.unit_base,
  q.flags,
  q.section_path,
  q.page,
  q.cell_table IS NOT NULL AS from_table,
  q.sentence,
  -- A table cell's sentence is the bare figure ("6"); its row says what it is.
  coalesce((
    SELECT group_concat(text, ' | ') FROM (
      SELECT c.text FROM tables tb JOIN table_cells c ON c.table_id = tb.id
      WHERE tb.document_id = q.document_id AND tb.idx = q.cell_table AND c.row = q.cell_row
      ORDER BY c.col)
  ), q.sentence) AS quote,
  q.rule,
  q.anchor,
  -- Who vouched for the record (src/review applies corrections to the row): NULL = not reviewed.
  q.review_status,
  q.reviewed_by
FROM quantities q
JOIN plans p ON p.primary_document_id = q.document_id
JOIN documents d ON d.id = q.document_id
LEFT JOIN regions r ON r.name = d.region
LEFT JOIN indicators i ON i.id = q.indicator_id
WHERE q.is_fact = 1;

CREATE VIEW targets AS SELECT * FROM plan_quantities WHERE kind = 'target';
CREATE VIEW actuals AS SELECT * FROM plan_quantities WHERE kind = 'actual';

-- Each target against the latest actual for the same region and indicator.
-- Values compare in base units; a unit-less figure (a table cell whose unit is
-- in the header) is taken to be in the other's unit.
CREATE VIEW progress AS
WITH
t AS (
  SELECT *, coalesce(value_base, value) AS tv, coalesce(unit_base, unit) AS tu,
    coalesce(comparator, '') IN ('<=', '<') AS lower_is_better
  FROM targets
),
a AS (
  SELECT *, coalesce(value_base, value) AS av, coalesce(unit_base, unit) AS au
  FROM actuals WHERE year IS NOT NULL AND coalesce(value_base, value) IS NOT NULL
),
pairs AS (
  SELECT t.quantity_id AS target_id, a.quantity_id AS actual_id, a.year, a.av, a.plan_id AS actual_plan_id,
    a.issued, t.plan_start,
    -- Where one year has several figures, prefer the one that describes that
    -- year alone (not a 2021-2022 total), is named as the target is (the
    -- same row of an evaluation table), and comes from a table (the
    -- document's own summary of its indicators) rather than prose.
    (a.period_start IS NULL OR a.period_start = a.period_end) AS single_year,
    (a.indicator_as_written = t.indicator_as_written) AS same_name,
    a.from_table
  -- A plan whose region is unknown is measured by its own figures only.
  FROM t JOIN a ON (a.region = t.region OR (t.region IS NULL AND a.region IS NULL AND a.plan_id = t.plan_id))
    AND a.indicator_key = t.indicator_key
    AND (a.au = t.tu OR a.au IS NULL OR t.tu IS NULL)
),
latest AS (
  SELECT * FROM (
    SELECT pairs.*, row_number() OVER (PARTITION BY target_id
      ORDER BY year DESC, single_year DESC, same_name DESC, from_table DESC, issued DESC, actual_plan_id DESC, actual_id) AS n
    FROM pairs) WHERE n = 1
),
-- Baseline: the value when the plan began (latest actual before its first
-- year); where the database has none, the earliest actual before the latest.
baseline AS (
  SELECT * FROM (
    SELECT pairs.*, row_number() OVER (
      PARTITION BY pairs.target_id
      ORDER BY (pairs.plan_start IS NOT NULL AND pairs.year < pairs.plan_start) DESC,
        CASE WHEN pairs.plan_start IS NOT NULL AND pairs.year < pairs.plan_start THEN -pairs.year ELSE pairs.year END,
        pairs.single_year DESC, pairs.same_name DESC, pairs.from_table DESC, pairs.issued DESC, pairs.actual_plan_id DESC, pairs.actual_id) AS n
    FROM pairs JOIN latest l ON l.target_id = pairs.target_id AND pairs.year < l.year) WHERE n = 1
),
measured AS (
  SELECT t.*, l.av AS actual_value, l.year AS actual_year, l.actual_plan_id,
    b.av AS baseline_value, b.year AS baseline_year,
    CASE WHEN b.av IS NOT NULL AND t.year > b.year AND l.year > b.year
      THEN b.av + (t.tv - b.av) * (min(l.year, t.year) - b.year) * 1.0 / (t.year - b.year) END AS expected_value
  FROM t LEFT JOIN latest l ON l.target_id = t.quantity_id LEFT JOIN baseline b ON b.target_id = t.quantity_id
)
SELECT
  quantity_id, plan_id, plan_title, plan_type, region, region_code, region_level,
  indicator_key, indicator_id, indicator_name, indicator_as_written, category,
  tv AS target_value, tu AS unit, comparator, year AS due_year, value AS target_raw_value, unit AS target_raw_unit,
  baseline_value, baseline_year,
  actual_value, actual_year, actual_plan_id,
  CASE WHEN tv IS NULL OR actual_value IS NULL THEN NULL
    WHEN lower_is_better THEN CASE WHEN actual_value > 0 THEN round(tv / actual_value, 4) END
    WHEN tv <> 0 THEN round(actual_value / tv, 4) END AS share_achieved,
  round(expected_value, 4) AS expected_value,
  CASE WHEN tv IS NULL OR actual_value IS NULL THEN NULL
    WHEN (NOT lower_is_better AND comparator = '>' AND actual_value > tv)
      OR (NOT lower_is_better AND coalesce(comparator, '') <> '>' AND actual_value >= tv)
      OR (lower_is_better AND comparator = '<' AND actual_value < tv)
      OR (lower_is_better AND comparator = '<=' AND actual_value <= tv) THEN 'achieved'
    WHEN expected_value IS NULL THEN NULL
    WHEN (NOT lower_is_better AND actual_value >= expected_value) OR (lower_is_better AND actual_value <= expected_value) THEN 'on track'
    ELSE 'behind' END AS on_track,
  status AS stated_status,
  section_path, sentence
FROM measured;

-- Indicator × region × year: the target set for that year and the value
-- reported for it, side by side. Where several plans set or report one cell,
-- the most recently issued plan wins (plans counts them).
CREATE VIEW compare AS
WITH ranked AS (
  SELECT *, row_number() OVER (
    PARTITION BY indicator_key, region, year, kind
    ORDER BY (period_start IS NULL OR period_start = period_end) DESC, from_table DESC, issued DESC, plan_id DESC, quantity_id) AS n
  FROM plan_quantities WHERE year IS NOT NULL
)
SELECT
  indicator_key,
  max(indicator_id) AS indicator_id,
  max(indicator_name) AS indicator_name,
  max(category) AS category,
  region,
  max(region_level) AS region_level,
  year,
  max(CASE WHEN kind = 'target' AND n = 1 THEN coalesce(value_base, value) END) AS target_value,
  max(CASE WHEN kind = 'target' AND n = 1 THEN comparator END) AS target_comparator,
  max(CASE WHEN kind = 'target' AND n = 1 THEN plan_id END) AS target_plan_id,
  max(CASE WHEN kind = 'actual' AND n = 1 THEN coalesce(value_base, value) END) AS actual_value,
  max(CASE WHEN kind = 'actual' AND n = 1 THEN plan_id END) AS actual_plan_id,
  coalesce(max(CASE WHEN n = 1 AND kind = 'target' THEN coalesce(unit_base, unit) END),
    max(CASE WHEN n = 1 THEN coalesce(unit_base, unit) END)) AS unit,
  count(DISTINCT plan_id) AS plans
FROM ranked
GROUP BY indicator_key, region, year;

-- Who does what: one row per task and unit, primary renderings only, with
-- the unit's canonical name where the extraction linked it.
CREATE VIEW task_units AS
SELECT
  r.id AS responsibility_id,
  d.plan_id,
  d.id AS document_id,
  coalesce(d.title, replace(d.path, rtrim(d.path, replace(d.path, '/', '')), '')) AS plan_title,
  d.region,
  r.task,
  u.role,
  u.position,
  u.name AS unit_as_written,
  u.canonical_id,
  (SELECT m.canonical_name FROM department_mentions m WHERE m.canonical_id = u.canonical_id LIMIT 1) AS canonical_name,
  r.section_path,
  r.page,
  r.sentence
FROM responsibility_units u
JOIN responsibilities r ON r.id = u.responsibility_id
JOIN plans p ON p.primary_document_id = r.document_id
JOIN documents d ON d.id = r.document_id;
`;
