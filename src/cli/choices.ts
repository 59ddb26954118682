/**
 * Values the command line needs while it is only being described (defaults,
 * --format and --table choices), copied here so that `planlens --help` and the
 * light commands start without loading the library that owns them (the
 * pipeline stages, the exporters, the web server). test/cli/choices.test.ts
 * checks every copy against the library, so a change there cannot drift.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** = DEFAULT_RULES_DIR in src/rules/index.ts */
export const DEFAULT_RULES_DIR = resolve(import.meta.dirname, '../../rules');
/** = DEFAULT_PIPELINE in src/core/pipeline.ts */
export const DEFAULT_PIPELINE = resolve(import.meta.dirname, '../../pipelines/plans.yaml');
/** = the keys of EXPORTERS in src/export/index.ts */
export const EXPORT_FORMATS = ['gold', 'csv', 'json', 'xlsx'] as const;
/** = the names of ANALYST_TABLES in src/analyst/tables.ts */
export const ANALYST_TABLE_NAMES = ['targets', 'actuals', 'progress', 'responsibilities', 'milestones', 'departments', 'documents'] as const;
/** = DEFAULT_MAX_UPLOAD_BYTES in src/server/app.ts */
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** = defaultJobs() in src/batch/default-jobs.ts: a worker per core but one (for the main thread), at most 8 */
export const DEFAULT_JOBS = Math.max(1, Math.min(availableParallelism() - 1, 8));
/** Reasons `review reject` and the interactive session offer (free words are accepted too). */
export const REJECT_REASONS = ['not-a-target', 'not-a-department', 'wrong', 'duplicate'];
