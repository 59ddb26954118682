/** Runs the real CLI (node bin/planlens.js) as a child process, as a user would. */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'bin/planlens.js');
export const CORPORA = resolve(ROOT, 'corpora');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI without waiting, for tests that interrupt it. */
export function cliProcess(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
}
