/**
 * A scratch workspace for review tests: a copy of a corpus document under a
 * temporary folder (so tests can change its text at the same path), a
 * database, and the real CLI — in-process through main(argv) for speed, or as
 * a child process with scripted stdin for the interactive session.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPORA = resolve(ROOT, 'corpora');
const BIN = resolve(ROOT, 'bin/planlens.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export async function planlens(args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({ isTTY: false, write: (chunk: string | Uint8Array) => (append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true) }) as unknown as NodeJS.WriteStream;
  const status = await main(args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) });
  return { status, stdout, stderr };
}

/** The CLI as a separate process, stdin scripted (the interactive session reads keys from it). */
export function planlensProcess(args: string[], input: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
