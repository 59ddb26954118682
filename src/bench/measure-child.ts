/**
 * Runs a Node script as a fresh process, as a user would, and measures it:
 * wall time from the parent, CPU time and peak RSS from inside the child
 * (usage-reporter.ts). Start-up is part of what is measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildUsage } from './usage-reporter.js';

export interface Measured extends ChildUsage {
  wallMs: number;
}

/** The reporter as Node can preload it: the compiled file beside this one (the bench runs from dist/). */
const REPORTER = join(import.meta.dirname, 'usage-reporter.js');

export function measureNode(script: string, args: string[], options: { cwd?: string } = {}): Measured {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-bench-usage-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', REPORTER, script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, PLANLENS_BENCH_USAGE: usageFile, FORCE_COLOR: '0' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Math.round(performance.now() - started);
    if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} exited ${run.status}: ${(run.stderr || run.stdout).slice(0, 500)}`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
    return { wallMs, ...usage };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The median of each figure over the runs (odd counts give a run's own figure). */
export function medianOf(runs: Measured[]): Measured {
  const median = (pick: (m: Measured) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)]!;
  };
  return { wallMs: median((m) => m.wallMs), cpuMs: median((m) => m.cpuMs), maxRssMB: median((m) => m.maxRssMB) };
}
