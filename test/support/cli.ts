/**
 * The real planlens command line for tests: as a child process (what a user
 * runs, with scripted stdin where a test needs it) or in-process through
 * `main(argv)` — what bin/planlens.js calls — without a Node start-up per call.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPORA = resolve(ROOT, 'corpora');
export const GOLD_DIR = resolve(ROOT, 'test/fixtures/gold');
export const BIN = resolve(ROOT, 'bin/planlens.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCliProcess(args: string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI as a child process without waiting, for tests that interrupt it. */
export function startCliProcess(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
}

export async function runCliInProcess(args: string[]): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({
      isTTY: false,
      write: (chunk: string | Uint8Array) => (append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true),
    }) as unknown as NodeJS.WriteStream;
  const status = await main(args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) });
  return { status, stdout, stderr };
}
