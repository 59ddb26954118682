import { availableParallelism } from 'node:os';

/**
 * The default for --jobs: a worker per core but one, at most 8. The main
 * thread has work of its own (reading and hashing files, the one SQLite
 * writer), and on two cores a pool measured no faster than one thread (bench:
 * 0.79× under load, about 1.2× estimated for idle cores, the pool costing 25%
 * more CPU), so there the default stays in one thread. Beyond 8 the single
 * writer is the limit. Its own module: `--help` shows it without loading the pool.
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}
