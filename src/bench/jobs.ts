/**
 * The bench's --jobs figures, each from ingests in processes of their own
 * (ingest-once.ts), so a run's peak memory is its own:
 *  - throughput: the same replicated corpus ingested with --jobs 1 and with
 *    --jobs N, one after the other in the same bench run, and their ratio;
 *  - memory: one long ingest with --jobs N, the RSS high-water mark read when
 *    the 100th, …, 1,000th document is stored (flat memory: the figure at
 *    1,000 should be close to the one at 100).
 * The load average before and after each run says how busy the machine was.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import type { IngestMeasure } from './ingest-once.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The measured process: compiled beside this file in dist/, else the TypeScript source through tsx. */
const INGEST_ONCE = import.meta.url.endsWith('.js')
  ? [join(import.meta.dirname, 'ingest-once.js')]
  : ['--import', 'tsx', join(import.meta.dirname, 'ingest-once.ts')];

export interface MeasuredRun extends IngestMeasure {
  documentsPerSecond: number;
  /** 1-minute load average before and after the run. */
  load: [number, number];
}

/** `liveHeapAt`: where to collect garbage in full and note the heap that stays (a leak test's measure; it lowers the RSS peak). */
export function measureIngest(corpus: string, dbPath: string, jobs: number, sampleAt: number[] = [], liveHeapAt: number[] = []): MeasuredRun {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const before = loadavg()[0]!;
  const child = spawnSync(
    process.execPath,
    [
      ...(liveHeapAt.length > 0 ? ['--expose-gc'] : []),
      ...INGEST_ONCE,
      '--db',
      dbPath,
      '--jobs',
      String(jobs),
      ...sampleAt.flatMap((n) => ['--sample-at', String(n)]),
      ...liveHeapAt.flatMap((n) => ['--live-heap-at', String(n)]),
      corpus,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`ingest --jobs ${jobs} failed (exit ${child.status}): ${child.stderr}`);
  const measure = JSON.parse(child.stdout.trim().split('\n').pop()!) as IngestMeasure;
  return { ...measure, documentsPerSecond: round(measure.stored / measure.seconds, 2), load: [round(before, 1), round(loadavg()[0]!, 1)] };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
