/**
 * A batch holds one document per worker at a time: nothing of a stored
 * document stays behind, so memory after 200 documents stays close to memory
 * after 20. The RSS high-water mark of an ingest in its own process (the
 * bench's ingest-once.ts, worker threads included), never a timing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { replicateCorpus } from '../../src/bench/replicate.js';
import { measureIngest } from '../../src/bench/jobs.js';
import { CORPORA } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'planlens-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * One thread and a pool. The bound is what a leak cannot stay under: 0.3 MB
 * kept per document is 54 MB over the 180 documents between the samples. In
 * one thread the pipeline's heap shares the process with the writer and is
 * still settling at 20 documents (V8 lets the heap grow towards four times
 * what stays live before collecting in full: 180 → 206 MB measured), so it
 * gets a little more room than the pool, whose workers' heaps are capped.
 */
const cases = [
  { jobs: 1, bound: 1.25 },
  { jobs: 2, bound: 1.2 },
];

let batch: string | null = null;
/** The .txt plans copied to 200 files: the whole pipeline on every copy, at the least CPU a test can spend on 200 documents. */
function txtBatch(): string {
  if (batch) return batch;
  const sources = join(dir, 'sources');
  mkdirSync(sources);
  for (const name of readdirSync(CORPORA).filter((n) => n.endsWith('.txt'))) copyFileSync(join(CORPORA, name), join(sources, name));
  replicateCorpus(sources, join(dir, 'batch'), 200);
  return (batch = join(dir, 'batch'));
}

for (const { jobs, bound } of cases) {
  it(`--jobs ${jobs}: RSS after 200 documents is within ${Math.round((bound - 1) * 100)}% of RSS after 20`, () => {
    const run = measureIngest(txtBatch(), join(dir, `memory-${jobs}.db`), jobs, [20, 200]);
    expect(run.stored).toBeGreaterThanOrEqual(200);
    expect(run.failed).toBe(0);
    const [early, late] = [run.rssAt[20]!, run.rssAt[200]!];
    expect(early).toBeGreaterThan(0);
    expect(late, `RSS ${early} MB after 20 documents, ${late} MB after 200`).toBeLessThanOrEqual(early * bound);
  }, 900_000);
}
