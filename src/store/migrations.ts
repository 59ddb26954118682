/**
 * Applies the schema's migrations (store/schema/) to a database. PRAGMA
 * user_version records how many have been applied; opening a database applies
 * the missing ones in one transaction, so a database is always at a version
 * the code knows.
 */
import type { Database } from 'better-sqlite3';
import { MIGRATIONS } from './schema/index.js';

export { MIGRATIONS, type Migration } from './schema/index.js';

/** Applies the migrations a database lacks, all in one transaction. */
export function migrate(db: Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this planlens knows (${MIGRATIONS.length}); upgrade planlens`);
  }
  if (current === MIGRATIONS.length) return current;
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) {
      MIGRATIONS[v]!.up(db);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
  return MIGRATIONS.length;
}
