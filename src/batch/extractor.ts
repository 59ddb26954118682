/**
 * Where a file's pipeline runs: in this thread, or in a pool of worker
 * threads (worker-pool.ts). The batch reads and hashes a file itself (to skip
 * stored content before any work) and hands the opened state to an extractor;
 * what comes back is what the persist step stores.
 */
import { runPipeline, type Pipeline } from '../core/pipeline.js';
import type { DocumentState } from '../core/state.js';
import type { RuleSet } from '../rules/index.js';
import type { StorableDocument } from '../store/index.js';
import { storableState } from './storable-state.js';

export interface Extractor {
  /** Runs the pipeline on an opened file. A ConfigError stops the batch; any other rejection fails this file only. */
  extract(initial: DocumentState): Promise<StorableDocument>;
  close(): Promise<void>;
}

export function inProcessExtractor(pipeline: Pipeline, rules: RuleSet): Extractor {
  return {
    extract: async (initial) => storableState(await runPipeline(pipeline, initial, { rules })),
    close: async () => {},
  };
}

/** A file whose worker thread stopped under it (a crash, out of memory) or threw outside the pipeline's own handling. */
export class WorkerFailure extends Error {
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    const text = cause instanceof Error ? cause.message : String(cause);
    super(
      code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `its worker thread ran out of memory (${text}); --jobs 1 runs it in the main thread, without the worker's limit`
        : `its worker thread failed: ${text}`,
      { cause },
    );
    this.name = 'WorkerFailure';
  }
}
