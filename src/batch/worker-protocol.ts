/** What crosses the thread boundary between the batch and its extraction workers: plain data only (structured clone). */
import type { DocumentState } from '../core/state.js';
import type { StorableDocument } from '../store/index.js';

/** Given once to every worker (piscina's workerData): where to load the same rules and pipeline as the batch. */
export interface WorkerSetup {
  rulesDir: string;
  pipelinePath: string;
}

/** An opened file; its `content` arrives as a plain Uint8Array (a Buffer loses its class on the way). */
export type WorkerTask = DocumentState;

export type WorkerResult =
  | { kind: 'done'; state: StorableDocument }
  /** A broken rule file or pipeline: the batch rethrows it as a ConfigError and stops, as in one thread. */
  | { kind: 'config-error'; file: string; problem: string };
