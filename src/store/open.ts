/** Opening a database file: create folders, WAL, foreign keys, schema up to date. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
