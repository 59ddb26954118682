/**
 * corpora/ ingested once per test run through the real CLI, as `npm start`
 * does, shared by every test file that needs the ingested sample plans. Ingest
 * is the slowest thing the tests do; each file gets its own copy of the result
 * (so it may change it) for the cost of a file copy.
 *
 * Built on first use (a run that needs no database pays nothing); the first
 * worker to ask builds it under a lock folder, the others wait for it.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inject } from 'vitest';
import { CORPORA, runCliProcess, type CliResult } from './cli.js';

export interface IngestedCorpora {
  /** The shared database: copy it with copyCorporaDb, never change it. */
  db: string;
  /** What `planlens ingest corpora --db …` printed, and its exit status. */
  ingest: CliResult;
}

const WAIT_MS = 300_000;

/** `folder` (corpora/ unless another is named, such as corpora-real/) ingested once per run. */
export function ingestedCorpora(folder: string = CORPORA): IngestedCorpora {
  const dir = inject('sharedFixtures');
  const name = basename(folder);
  const db = join(dir, `${name}.db`);
  const result = join(dir, `${name}-ingest.json`);
  if (!existsSync(result)) {
    let builder = true;
    try {
      mkdirSync(join(dir, `${name}.lock`));
    } catch {
      builder = false;
    }
    if (builder) {
      let ingest: CliResult;
      try {
        ingest = runCliProcess(['ingest', folder, '--db', db]);
      } catch (error) {
        // Written all the same: the other workers are waiting for this file.
        ingest = { status: null, stdout: '', stderr: String(error) };
      }
      writeFileSync(`${result}.tmp`, JSON.stringify(ingest));
      renameSync(`${result}.tmp`, result);
    } else {
      const until = Date.now() + WAIT_MS;
      while (!existsSync(result)) {
        if (Date.now() > until) throw new Error(`the shared ${name} database was not built within ${WAIT_MS / 1000} s (${dir})`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      }
    }
  }
  const ingest = JSON.parse(readFileSync(result, 'utf8')) as CliResult;
  if (ingest.status !== 0) throw new Error(`planlens ingest ${name} failed (${ingest.status}): ${ingest.stderr.split('\n')[0]}`);
  return { db, ingest };
}

/** A private copy of the ingested `folder` (corpora/ by default) at `target`, to read or change. */
export function copyCorporaDb(target: string, folder: string = CORPORA): string {
  const { db } = ingestedCorpora(folder);
  copyFileSync(db, target);
  // The CLI closed the database, so its WAL is checkpointed and gone; copied all the same should it remain.
  if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${target}-wal`);
  return target;
}
