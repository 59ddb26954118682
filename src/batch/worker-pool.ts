/**
 * The extraction pool: `jobs` worker threads (piscina) each run the pipeline
 * on one file at a time; the main thread keeps reading files and owns the
 * single SQLite writer. A worker that crashes or runs out of memory fails the
 * file it held (the rejection names why) and piscina starts a new one, so the
 * batch goes on.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ConfigError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import type { RuleSet } from '../rules/index.js';
import { WorkerFailure, type Extractor } from './extractor.js';
import type { WorkerResult, WorkerSetup, WorkerTask } from './worker-protocol.js';

/**
 * The worker's module file. Compiled (dist/, this file is .js), the compiled
 * worker beside it; from the TypeScript sources (development, tests), a small
 * .mjs that registers tsx in the new thread first.
 */
export function workerEntry(here: string = import.meta.url): string {
  return fileURLToPath(new URL(here.endsWith('.ts') ? './extract-worker-tsx.mjs' : './extract-worker.js', here));
}

/**
 * Old-generation heap per worker. V8 otherwise lets each thread's heap grow
 * towards the machine's limit before collecting hard, so a long batch's memory
 * creeps up; the largest real plan (a 1.5 MB PDF) needs well under this. A
 * document that needs more fails alone ("ran out of memory"); --jobs 1 runs
 * it in the main thread, without this limit.
 */
export const DEFAULT_WORKER_HEAP_MB = 512;

export interface PoolOptions {
  jobs: number;
  /** Old-generation heap limit per worker (DEFAULT_WORKER_HEAP_MB): past it, that worker stops and its file fails. */
  workerHeapMB?: number;
  /** Another worker module (tests: a worker that crashes on purpose). */
  entry?: string;
}

export function pooledExtractor(pipeline: Pipeline, rules: RuleSet, options: PoolOptions): Extractor {
  if (!pipeline.source) throw new Error(`pipeline '${pipeline.name}' was not loaded from a file: worker threads cannot load it (use one job)`);
  const setup: WorkerSetup = { rulesDir: rules.dir, pipelinePath: pipeline.source };
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename: options.entry ?? workerEntry(),
    minThreads: options.jobs,
    maxThreads: options.jobs,
    workerData: setup,
    resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMB ?? DEFAULT_WORKER_HEAP_MB },
  });
  // Workers that cannot start (a broken install) are not replaced for ever: piscina gives up, and files still
  // queued would wait for a worker that never comes. Then every file fails at once, with the reason.
  const broken = new AbortController();
  let brokenBy: unknown = null;
  const breakIfEmpty = (error: unknown) => {
    if (brokenBy !== null || pool.threads.length > 0) return;
    brokenBy = error;
    broken.abort();
  };
  // A worker failing while it holds no file (dying between files, or failing to start) concerns no file: piscina
  // replaces a worker that had started. Unhandled, the event would end the process.
  pool.on('error', breakIfEmpty);
  return {
    async extract(initial) {
      if (brokenBy !== null) throw new WorkerFailure(brokenBy);
      const content = initial.content;
      // The file's bytes move to the worker instead of being copied, when the Buffer owns its memory.
      const movable = content && content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
      let result: WorkerResult;
      try {
        result = await pool.run(initial, { signal: broken.signal, ...(movable && { transferList: [content.buffer as ArrayBuffer] }) });
      } catch (error) {
        breakIfEmpty(error);
        // A file still queued when the pool broke is aborted: it fails for the reason the pool broke.
        throw new WorkerFailure(brokenBy ?? error);
      }
      if (result.kind === 'config-error') throw new ConfigError(result.file, result.problem);
      return result.state;
    },
    close: () => pool.destroy(),
  };
}
