/**
 * Migration 6: in task_units, a unit of an unsplit list (责任单位：A、B — the
 * text does not say who leads) has role `listed`, not the `lead` / `support`
 * the store keeps for it by position. The view of migration 2 is rebuilt from
 * its stored SQL with only the role column changed.
 */
import type { Database } from 'better-sqlite3';

const STORED_ROLE = '\n  u.role,\n';
const SHOWN_ROLE = "\n  CASE WHEN r.roles = 'unsplit' THEN 'listed' ELSE u.role END AS role,\n";

export function listUnsplitUnits(db: Database): void {
  const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'task_units'`).get() as { sql: string } | undefined;
  if (!row || !row.sql.includes(STORED_ROLE)) throw new Error('migration 6: view task_units does not hold the role column it replaces');
  db.exec(`DROP VIEW task_units; ${row.sql.replace(STORED_ROLE, SHOWN_ROLE)};`);
}
