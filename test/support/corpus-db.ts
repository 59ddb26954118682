/**
 * The corpora ingested into a temporary database through the real CLI, as
 * an analyst would after `npm start` (a copy of the run's shared ingest, see
 * test/support/shared-corpus.ts), and a runner for further commands.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GOLD_DIR, ROOT, runCliInProcess, runCliProcess, type CliResult } from './cli.js';
import { copyCorporaDb } from './shared-corpus.js';
export { CORPORA, GOLD_DIR, ROOT, type CliResult } from './cli.js';

/** The development set of real plans, and its gold. */
export const REAL_CORPORA = join(ROOT, 'corpora-real');
export const REAL_GOLD_DIR = join(REAL_CORPORA, 'gold');

export const planlens = (args: string[]): CliResult => runCliProcess(args);

export const planlensInProcess = runCliInProcess;

export interface CorpusDb {
  dir: string;
  db: string;
  /** Runs a command against the corpus database, returning parsed JSON stdout. */
  json<T = Array<Record<string, unknown>>>(args: string[]): Promise<{ rows: T; stderr: string; status: number | null }>;
  run(args: string[]): Promise<CliResult>;
  remove(): void;
}

/** The sample corpora, or another folder such as REAL_CORPORA, as a private database. */
export function ingestCorpora(prefix: string, folder?: string): CorpusDb {
  const dir = mkdtempSync(join(tmpdir(), `planlens-${prefix}-`));
  const db = copyCorporaDb(join(dir, 'corpora.db'), folder);
  const run = (args: string[]) => planlensInProcess([...args, '--db', db]);
  return {
    dir,
    db,
    run,
    json: async <T>(args: string[]) => {
      const r = await run([...args, '--format', 'json']);
      if (r.status !== 0) throw new Error(`planlens ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      return { rows: JSON.parse(r.stdout) as T, stderr: r.stderr, status: r.status };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface GoldFact {
  indicator: string;
  value: number | null;
  unit: string | null;
  year: number | null;
  status?: string;
}

export interface GoldResponsibility {
  task: string;
  lead: string[];
  support: string[];
  roles?: string;
}

export function readGold(name: string): { targets: GoldFact[]; actuals: GoldFact[]; responsibilities: GoldResponsibility[] } {
  return JSON.parse(readFileSync(join(GOLD_DIR, `${name}.gold.json`), 'utf8'));
}

/** A gold value in base units, as FORMAT.md's matching rule scales it. */
export function scaled(value: number, unit: string | null): number {
  const u = unit ?? '';
  const factor = u.startsWith('亿') ? 1e8 : u.startsWith('万') ? 1e4 : u.startsWith('千') ? 1e3 : 1;
  return value * factor;
}

/** FORMAT.md's indicator-name rule: bigram Dice ≥ 0.5, or one name contains the other. */
export function similarNames(a: string, b: string): boolean {
  return nameSimilarity(a, b) >= 0.5;
}

/** 1 for one name inside the other, else the bigram Dice of the two. */
export function nameSimilarity(a: string, b: string): number {
  const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
  const x = norm(a);
  const y = norm(b);
  if (x.includes(y) || y.includes(x)) return 1;
  const grams = (s: string) => [...s].slice(1).map((c, i) => [...s][i]! + c);
  const gx = grams(x);
  const gy = grams(y);
  const pool = [...gy];
  let shared = 0;
  for (const g of gx) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return gx.length + gy.length > 0 ? (2 * shared) / (gx.length + gy.length) : 0;
}

export function close(a: number | null | undefined, b: number): boolean {
  return a !== null && a !== undefined && Math.abs(a - b) <= Math.max(1e-6, Math.abs(b) * 1e-9);
}
