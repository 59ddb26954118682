/**
 * A scratch workspace for review tests: a copy of a corpus document under a
 * temporary folder (so tests can change its text at the same path), a
 * database, and the real CLI — in-process through main(argv) for speed, or as
 * a child process with scripted stdin for the interactive session.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

import { CORPORA, ROOT, runCliInProcess, runCliProcess, type CliResult } from '../support/cli.js';
export { CORPORA, ROOT, type CliResult } from '../support/cli.js';

export const planlens = runCliInProcess;

/** The CLI as a separate process, stdin scripted (the interactive session reads keys from it). */
export function planlensProcess(args: string[], input: string, env: Record<string, string> = {}): CliResult {
  return runCliProcess(args, { input, env, timeoutMs: 60_000 });
}

export interface Workspace {
  dir: string;
  docs: string;
  db: string;
  /** Path of the copied document. */
  doc(name: string): string;
  /** A copy of rules/ to change without touching the real one. */
  copyRules(): string;
  run(args: string[]): Promise<CliResult>;
  /** Runs a command that prints JSON and parses it; fails the test with stderr otherwise. */
  json<T = Array<Record<string, unknown>>>(args: string[]): Promise<T>;
  sql<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[];
  remove(): void;
}

export function workspace(files: string[]): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-review-'));
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  for (const f of files) copyFileSync(join(CORPORA, f), join(docs, f));
  const db = join(dir, 'planlens.db');
  const ws: Workspace = {
    dir,
    docs,
    db,
    doc: (name) => join(docs, name),
    copyRules() {
      const rules = join(dir, `rules-${Math.random().toString(36).slice(2, 8)}`);
      cpSync(join(ROOT, 'rules'), rules, { recursive: true });
      return rules;
    },
    run: (args) => planlens([...args, '--db', db]),
    async json<T>(args: string[]): Promise<T> {
      const r = await planlens([...args, '--db', db, '--format', 'json']);
      if (r.status !== 0) throw new Error(`planlens ${args.join(' ')} → ${r.status}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    sql<T>(query: string, ...params: unknown[]): T[] {
      const handle = new Database(db, { readonly: true });
      try {
        return handle.prepare(query).all(...params) as T[];
      } finally {
        handle.close();
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return ws;
}

/** A workspace whose documents are already ingested through the real CLI. */
export async function ingestedWorkspace(files: string[]): Promise<Workspace> {
  const ws = workspace(files);
  const stored = await ws.run(['ingest', ws.docs, '--quiet']);
  if (stored.status !== 0) throw new Error(`ingest of ${files.join(', ')} failed (${stored.status}): ${stored.stderr}`);
  return ws;
}

export interface Item {
  id: string;
  type: string;
  documentId: number;
  key: string;
  label: string;
  fields: Record<string, unknown>;
  extracted: Record<string, unknown> | null;
  flags: Array<{ kind: string; reason: string }>;
  status: string | null;
  check: string | null;
  reviewedBy: string | null;
  sentence: string;
  sentenceIndex: number | null;
  span: { start: number; end: number } | null;
  rowId: number | null;
}
