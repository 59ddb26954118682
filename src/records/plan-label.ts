/**
 * How a plan is named wherever people read it: its own title, or — for a
 * document that states none (an evaluation report that opens with its
 * address) — its region, type and year, never its file name. One home for
 * the TypeScript form (CLI, web pages) and the SQL form (analyst views and
 * queries), built from the same table so the two cannot drift apart.
 */

/** A document type in words, as the label shows it. */
export const DOCUMENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  plan: '规划',
  'work-plan': '工作方案',
  evaluation: '评估报告',
  notice: '通知',
};

/** A document known by no title, region, type or year. */
export const UNNAMED_PLAN = '未命名文档';

export interface PlanNaming {
  title: string | null;
  region: string | null;
  type: string | null;
  /** ISO date (2023-05-10) or null. */
  issued: string | null;
  period_start: number | null;
  period_end: number | null;
}

/** The year issued, else the period it covers (2021—2025), else its last year. */
function planYears(doc: PlanNaming): string | null {
  const issued = doc.issued?.slice(0, 4);
  if (issued) return issued;
  if (doc.period_start != null && doc.period_end != null && doc.period_start !== doc.period_end) return `${doc.period_start}—${doc.period_end}`;
  return doc.period_end != null ? String(doc.period_end) : null;
}

/** The title, else 南京市 评估报告 (2021—2025): region, type in words, the year issued (else the period). */
export function planLabel(doc: PlanNaming): string {
  if (doc.title) return doc.title;
  const year = planYears(doc);
  const type = doc.type ? (DOCUMENT_TYPE_LABELS[doc.type] ?? doc.type) : null;
  const words = [doc.region, type].filter((w): w is string => !!w).join(' ');
  if (!words && !year) return UNNAMED_PLAN;
  return [words || UNNAMED_PLAN, year ? `(${year})` : null].filter(Boolean).join(' ');
}

const sqlText = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * The same label as an SQL expression over a documents row aliased `d`
 * (columns title, region, type, issued, period_start, period_end).
 */
export function planLabelSql(d: string): string {
  const typeWords = `CASE ${d}.type ${Object.entries(DOCUMENT_TYPE_LABELS)
    .map(([type, label]) => `WHEN ${sqlText(type)} THEN ${sqlText(label)}`)
    .join(' ')} ELSE ${d}.type END`;
  const year = `coalesce(nullif(substr(${d}.issued, 1, 4), ''),
    CASE WHEN ${d}.period_start IS NOT NULL AND ${d}.period_end IS NOT NULL AND ${d}.period_start <> ${d}.period_end
      THEN ${d}.period_start || '—' || ${d}.period_end ELSE CAST(${d}.period_end AS TEXT) END)`;
  const words = `nullif(trim(coalesce(${d}.region, '') || ' ' || coalesce(${typeWords}, '')), '')`;
  return `coalesce(${d}.title, CASE WHEN ${words} IS NULL AND ${year} IS NULL THEN ${sqlText(UNNAMED_PLAN)}
    ELSE coalesce(${words}, ${sqlText(UNNAMED_PLAN)}) || coalesce(' (' || ${year} || ')', '') END)`;
}
