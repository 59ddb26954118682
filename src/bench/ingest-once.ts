/**
 * One measured ingest, in a process of its own so its peak memory (the
 * process's RSS high-water mark, worker threads included) is this run's alone:
 *
 *   tsx src/bench/ingest-once.ts --db FILE --jobs N [--sample-at N]… PATH…
 *
 * Prints one JSON line: files stored and failed, seconds, peak RSS in MB, and
 * with --sample-at, the RSS high-water mark when the Nth document was stored;
 * with --live-heap-at (the process started with --expose-gc), the main thread's
 * heap after a full collection at that point: what a leak would grow.
 * The bench and the memory test run it; nothing else should.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../batch/index.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../core/pipeline.js';
import { RuleSet } from '../rules/index.js';
import { STAGES } from '../stages.js';
import { openStore } from '../store/index.js';

export interface IngestMeasure {
  jobs: number;
  stored: number;
  failed: number;
  seconds: number;
  peakRssMB: number;
  /** CPU seconds of the whole process (every thread), and of the main thread alone (Linux; null elsewhere). */
  cpuSeconds: number;
  mainThreadCpuSeconds: number | null;
  /** Documents stored → RSS high-water mark (MB) at that moment. */
  rssAt: Record<number, number>;
  /** Documents stored → the main thread's heap (MB) after a full collection at that moment. */
  liveHeapAt: Record<number, number>;
}

// Measured as a compiled install runs: tsx (which runs this file) turns source maps on, and Node then keeps
// pdf.js's parsed maps (about 135 MB) after the first formatted stack trace.
process.setSourceMapsEnabled(false);

const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The main thread's user + system time from /proc (its thread id is the process id); Node 20 has no per-thread figure. */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from after the command name (field 3 is index 0).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      jobs: { type: 'string', default: '1' },
      'worker-heap-mb': { type: 'string' },
      'sample-at': { type: 'string', multiple: true, default: [] },
      'live-heap-at': { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.db || positionals.length === 0) throw new Error('usage: ingest-once.ts --db FILE --jobs N [--sample-at N]… PATH…');
  const jobs = Number(values.jobs);
  const sampleAt = new Set(values['sample-at'].map(Number));
  const rssAt: Record<number, number> = {};
  const liveHeapAt = new Set(values['live-heap-at'].map(Number));
  const liveHeap: Record<number, number> = {};
  const collect = (globalThis as { gc?: () => void }).gc;
  if (liveHeapAt.size > 0 && !collect) throw new Error('--live-heap-at needs node --expose-gc');
  const store = openStore(values.db);
  let stored = 0;
  try {
    const summary = await ingestPaths(positionals, {
      db: store.db,
      pipeline: loadPipeline(DEFAULT_PIPELINE, STAGES),
      rules: new RuleSet(),
      jobs,
      ...(values['worker-heap-mb'] && { workerHeapMB: Number(values['worker-heap-mb']) }),
      onProgress: (event) => {
        if (event.kind !== 'stored') return;
        stored++;
        if (sampleAt.has(stored)) rssAt[stored] = peakRssMB();
        if (liveHeapAt.has(stored)) {
          collect!();
          liveHeap[stored] = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
        }
      },
    });
    const cpu = process.cpuUsage();
    const measure: IngestMeasure = {
      jobs,
      stored: summary.stored,
      failed: summary.failed,
      seconds: summary.seconds,
      peakRssMB: peakRssMB(),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      mainThreadCpuSeconds: mainThreadCpuSeconds(),
      rssAt,
      liveHeapAt: liveHeap,
    };
    process.stdout.write(JSON.stringify(measure) + '\n');
  } finally {
    store.close();
  }
}

await main();
