/**
 * Migration 5: the analyst views name a plan with no title by its region,
 * type and year (records/plan-label.ts), not by its file name. The views of
 * migration 2 are rebuilt from their stored SQL with only that expression
 * changed, so the rest of their definition stays where it was written.
 */
import type { Database } from 'better-sqlite3';
import { planLabelSql } from '../../records/plan-label.js';

/** The file-name fallback migration 2 wrote into plan_quantities and task_units. */
const FILE_NAME_TITLE = "coalesce(d.title, replace(d.path, rtrim(d.path, replace(d.path, '/', '')), ''))";
const FILE_NAME_COMMENT = '-- A document that states no title is named by its file.';

export function relabelPlanViews(db: Database): void {
  for (const view of ['plan_quantities', 'task_units']) {
    const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?`).get(view) as { sql: string } | undefined;
    if (!row || !row.sql.includes(FILE_NAME_TITLE)) throw new Error(`migration 5: view ${view} does not hold the file-name title it replaces`);
    const sql = row.sql
      .replace(FILE_NAME_COMMENT, '-- A document that states no title is named by its region, type and year (records/plan-label.ts).')
      .replace(FILE_NAME_TITLE, planLabelSql('d'));
    db.exec(`DROP VIEW ${view}; ${sql};`);
  }
}
