/**
 * The SQLite store: schema and migrations, one transaction per document,
 * near-duplicate renderings grouped into plans, queries for the CLI.
 * Indicator loading (dimensions.ts, which parses a rule file) is imported
 * from its module by the batch, so the reading commands load no YAML or zod.
 */
import { openDatabase, type Db } from './open.js';

export type { Db } from './open.js';
export { openDatabase } from './open.js';
export { MIGRATIONS, migrate } from './migrations.js';
export { storeDocument, documentFingerprint, type StorableDocument, type StoreContext, type StoredDocument } from './write-document.js';
export { recordFailure, recordPath, isStored } from './failures.js';
export { startRun, updateRunCounts, finishRun, markInterruptedRuns, claimFile, releaseFile, type RunCounts } from './runs.js';
export { searchSentences, ftsQuery, queryCutter, storableSegments, type SearchHit, type StorableSegments } from './search.js';
export * from './queries.js';
export { SAME_PLAN_THRESHOLD, jaccard, minhash, similarity } from './fingerprint.js';

export interface Store {
  db: Db;
  path: string;
  close(): void;
}

export function openStore(path: string): Store {
  const db = openDatabase(path);
  return { db, path, close: () => db.close() };
}
