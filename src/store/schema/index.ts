/**
 * The schema, as an ordered list of migrations: every table, view and trigger
 * of the database is defined in this folder and nowhere else. PRAGMA
 * user_version records how many have been applied (store/migrations.ts).
 * Never edit a released migration: append a new one. docs/schema.md explains
 * every table.
 */
import type { Database } from 'better-sqlite3';
import { ANALYST_VIEWS_SQL } from './analyst-views.js';
import { listUnsplitUnits } from './listed-role-view.js';
import { oneFactPerIndicatorYear } from './one-fact-view.js';
import { relabelPlanViews } from './plan-label-views.js';
import { REVIEW_SCHEMA_SQL } from './review.js';
import { RUN_STATUS_SQL } from './run-status.js';
import { BASE_SCHEMA_SQL } from './tables.js';
import { CATALOGUE_SQL } from './catalogue.js';
import { dropDocumentsFormatCheck } from './documents-format.js';

export { INDICATOR_KEY_SQL } from './analyst-views.js';

export interface Migration {
  description: string;
  up: (db: Database) => void;
  /**
   * It rebuilds a table other tables reference: foreign keys are off while
   * the migrations run (SQLite's way to rebuild a table; dropping the old one
   * would otherwise cascade), and checked before they commit.
   */
  rebuildsTable?: boolean;
}

export const MIGRATIONS: Migration[] = [
  {
    description: 'runs, plans, documents, messages, structure, sentences + FTS, extractions, dimensions',
    up: (db) => db.exec(BASE_SCHEMA_SQL),
  },
  {
    description: 'analyst views: plan_quantities, targets, actuals, progress, compare, task_units (SQL in src/store/schema/analyst-views.ts)',
    up: (db) => db.exec(ANALYST_VIEWS_SQL),
  },
  {
    description: 'review: append-only corrections, conflicts, review columns on extraction rows (SQL in src/store/schema/review.ts)',
    up: (db) => db.exec(REVIEW_SCHEMA_SQL),
  },
  {
    description:
      'runs.status (running/finished/interrupted), pid and host: a killed run is marked interrupted by the next; file_claims (SQL in src/store/schema/run-status.ts)',
    up: (db) => db.exec(RUN_STATUS_SQL),
  },
  {
    description: 'plan_quantities and task_units name a plan with no title by region, type and year, not its file name (src/store/schema/plan-label-views.ts)',
    up: relabelPlanViews,
  },
  {
    description: "task_units: a unit of an unsplit 责任单位 list has role 'listed', not lead/support by position (src/store/schema/listed-role-view.ts)",
    up: listUnsplitUnits,
  },
  {
    description:
      'plan_quantities: one fact per plan, indicator and year (the others disagree in a value-conflict flag); every mention stays in quantity_mentions (src/store/schema/one-fact-view.ts)',
    up: oneFactPerIndicatorYear,
  },
  {
    description:
      "indicators: domain, kind, direction, per_capita_base, source from the catalogue; quantities: measure_verb, measure_kind, scope; unit_base 'percent' → '%' (src/store/schema/catalogue.ts)",
    up: (db) => db.exec(CATALOGUE_SQL),
  },
  {
    description:
      'documents without CHECK (format IN …): the format registry (src/ingest/formats.ts) is the one list of formats, checked when a document is written (src/store/schema/documents-format.ts)',
    up: dropDocumentsFormatCheck,
    rebuildsTable: true,
  },
];
