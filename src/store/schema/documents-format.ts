/**
 * Migration 9: the documents table without migration 1's
 * CHECK (format IN ('txt', 'docx', 'pdf')). The format registry
 * (src/ingest/formats.ts) is the one list of formats and the store checks a
 * document's format against it when it writes one (store/write-document.ts),
 * so a new format needs no migration. SQLite cannot drop a CHECK, so the
 * table is rebuilt the way SQLite documents it (sqlite.org/lang_altertable.html,
 * "making other kinds of table schema changes"): a copy made from the table's
 * own current definition less the CHECK, every row copied with its id, the old
 * table dropped, the copy renamed, its indexes re-made. The migration runs
 * with foreign keys off (`rebuildsTable`), so dropping the old table cascades
 * to nothing; migrate() checks every foreign key before it commits.
 */
import type { Database } from 'better-sqlite3';

const FORMAT_CHECK = /\s*CHECK\s*\(\s*format\s+IN\s*\([^)]*\)\s*\)/iu;

export function dropDocumentsFormatCheck(db: Database): void {
  const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get() as { sql: string };
  const withoutCheck = table.sql.replace(FORMAT_CHECK, '');
  if (withoutCheck === table.sql) throw new Error('migration 9: the documents table has no CHECK (format IN …) to drop');
  const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'documents' AND sql IS NOT NULL").all() as Array<{
    sql: string;
  }>;
  db.exec(withoutCheck.replace(/^CREATE TABLE\s+"?documents"?/iu, 'CREATE TABLE documents_rebuilt'));
  db.exec('INSERT INTO documents_rebuilt SELECT * FROM documents');
  db.exec('DROP TABLE documents');
  // Views name `documents`; the legacy rename neither rewrites nor re-checks them, and they read the renamed copy.
  const legacy = db.pragma('legacy_alter_table', { simple: true }) as number;
  db.pragma('legacy_alter_table = ON');
  try {
    db.exec('ALTER TABLE documents_rebuilt RENAME TO documents');
  } finally {
    db.pragma(`legacy_alter_table = ${legacy ? 'ON' : 'OFF'}`);
  }
  for (const { sql } of indexes) db.exec(sql);
}
