/**
 * The corpora ingested into a temporary database through the real CLI, as
 * an analyst would after `npm start`, and a runner for further commands.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/planlens.js');
export const CORPORA = resolve(ROOT, 'corpora');
export const GOLD_DIR = resolve(ROOT, 'test/fixtures/gold');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function planlens(args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same CLI in-process: `main(argv)` is what bin/planlens.js calls, so
 * this is the real command line without a Node start-up per command.
 */
export async function planlensInProcess(args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({ isTTY: false, write: (chunk: string | Uint8Array) => (append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true) }) as unknown as NodeJS.WriteStream;
  const status = await main(args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) });
  return { status, stdout, stderr };
}

export interface CorpusDb {
  dir: string;
  db: string;
  /** Runs a command against the corpus database, returning parsed JSON stdout. */
  json<T = Array<Record<string, unknown>>>(args: string[]): Promise<{ rows: T; stderr: string; status: number | null }>;
  run(args: string[]): Promise<CliResult>;
  remove(): void;
}

export function ingestCorpora(prefix: string): CorpusDb {
  const dir = mkdtempSync(join(tmpdir(), `planlens-${prefix}-`));
  const db = join(dir, 'corpora.db');
  const ingest = planlens(['ingest', CORPORA, '--db', db]);
  if (ingest.status !== 0) throw new Error(`ingest failed (${ingest.status}): ${ingest.stderr.split('\n')[0]}`);
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
