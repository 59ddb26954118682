import { availableParallelism } from 'node:os';

/** The default for --jobs: every core, at most 8 (beyond that the single SQLite writer is the limit). Its own module: `--help` shows it without loading the pool. */
export function defaultJobs(): number {
  return Math.min(availableParallelism(), 8);
}
