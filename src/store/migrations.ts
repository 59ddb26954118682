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
  const rebuilds = MIGRATIONS.slice(current).some((m) => m.rebuildsTable);
  // PRAGMA foreign_keys is a no-op inside a transaction: switched around it.
  const keysWereOn = rebuilds && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
  if (keysWereOn) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      // A database may carry dangling keys from before (written with keys off): only new ones refuse the migration.
      const brokenBefore = rebuilds ? (db.pragma('foreign_key_check') as unknown[]).length : 0;
      for (let v = current; v < MIGRATIONS.length; v++) {
        MIGRATIONS[v]!.up(db);
        db.pragma(`user_version = ${v + 1}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
        if (broken.length > brokenBefore) {
          throw new Error(
            `a migration broke ${broken.length - brokenBefore} foreign key(s), e.g. ${broken[0]!.table} → ${broken[0]!.parent}; nothing was changed`,
          );
        }
      }
    }).immediate();
  } finally {
    if (keysWereOn) db.pragma('foreign_keys = ON');
  }
  return MIGRATIONS.length;
}
