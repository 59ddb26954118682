/** Opening a database file: create folders, WAL, foreign keys, schema up to date. */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ':memory:') makeFolderFor(path);
  let db: Db;
  try {
    db = new Database(path);
    // WAL: readers (docs, search) never block a running ingest, and a killed
    // process leaves the last committed transaction intact.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
  } catch (error) {
    throw new Error(`${path}: cannot open database (${(error as Error).message})`, { cause: error });
  }
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
  return db;
}

/** Virtual file systems: they hold no files, and Node's recursive mkdir loops forever under /proc/self. */
const VIRTUAL_FILE_SYSTEMS = ['/proc', '/sys'];

/** Creates the database's folder level by level, after refusing a place no database can be. */
function makeFolderFor(path: string): void {
  const missing: string[] = [];
  let folder = dirname(resolve(path));
  while (!existsSync(folder)) {
    missing.push(folder);
    folder = dirname(folder);
  }
  const real = realpathSync(folder);
  const virtual = VIRTUAL_FILE_SYSTEMS.find((root) => real === root || real.startsWith(`${root}/`));
  if (virtual) throw new Error(`${path}: cannot open database (${virtual} is a virtual file system; no database can be kept there)`);
  for (const level of missing.reverse()) mkdirSync(level);
}
