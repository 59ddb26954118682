/**
 * The canonical indicator list with how widely plans use each, and the names
 * plans use that link to no canonical indicator, most widely used first: the
 * ones where adding an alias to the catalogue (rules/indicators/) gains the most.
 */
import type { Db } from '../store/index.js';
import { dice } from '../text/similarity.js';

export interface IndicatorUsage {
  id: string;
  name: string;
  category: string | null;
  unit: string | null;
  aliases: string[];
  plans: number;
  targets: number;
  actuals: number;
}

export function indicatorUsage(db: Db): IndicatorUsage[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.name, json_extract(i.definition, '$.category') AS category,
         coalesce(i.unit, json_extract(i.definition, '$.baseUnit')) AS unit, i.aliases,
         count(DISTINCT q.plan_id) AS plans,
         count(CASE WHEN q.kind = 'target' THEN 1 END) AS targets,
         count(CASE WHEN q.kind = 'actual' THEN 1 END) AS actuals
       FROM indicators i LEFT JOIN plan_quantities q ON q.indicator_id = i.id
       GROUP BY i.id ORDER BY plans DESC, targets + actuals DESC, i.id`,
    )
    .all() as Array<Omit<IndicatorUsage, 'aliases'> & { aliases: string }>;
  return rows.map((r) => ({ ...r, aliases: JSON.parse(r.aliases) as string[] }));
}

export interface UnlinkedName {
  name: string;
  plans: number;
  records: number;
  /** The canonical indicator this name most resembles, if any is close. */
  nearest_id: string | null;
  nearest_name: string | null;
  similarity: number | null;
  example: string;
}

/** Below this a "nearest indicator" is noise, not a suggestion. */
const SUGGEST_SIMILARITY = 0.4;

export function unlinkedNames(db: Db, limit?: number): UnlinkedName[] {
  const canonical = db.prepare('SELECT id, name, aliases FROM indicators').all() as Array<{ id: string; name: string; aliases: string }>;
  const rows = db
    .prepare(
      `SELECT min(indicator_as_written) AS name, count(DISTINCT plan_id) AS plans, count(*) AS records, min(sentence) AS example
       FROM plan_quantities WHERE indicator_id IS NULL GROUP BY indicator_key`,
    )
    .all() as Array<{ name: string; plans: number; records: number; example: string }>;
  const out = rows.map((r) => {
    let best: { id: string; name: string; score: number } | null = null;
    for (const c of canonical) {
      for (const n of [c.name, ...(JSON.parse(c.aliases) as string[])]) {
        const score = dice(r.name, n);
        if (!best || score > best.score) best = { id: c.id, name: c.name, score };
      }
    }
    const close = best && best.score >= SUGGEST_SIMILARITY ? best : null;
    return {
      name: r.name,
      plans: r.plans,
      records: r.records,
      nearest_id: close?.id ?? null,
      nearest_name: close?.name ?? null,
      similarity: close ? Number(close.score.toFixed(2)) : null,
      example: r.example,
    };
  });
  // Need: used by more plans, then more often, then closest to an indicator
  // (an alias fixes those at once).
  out.sort((a, b) => b.plans - a.plans || b.records - a.records || (b.similarity ?? 0) - (a.similarity ?? 0) || a.name.localeCompare(b.name));
  return limit === undefined ? out : out.slice(0, limit);
}
