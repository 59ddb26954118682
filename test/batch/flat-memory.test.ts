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

/**
 * One thread: the pipeline runs on the main thread, so the heap that stays
 * after a full collection is what a leak would grow (0.3 MB kept per document
 * is 54 MB over the 180 documents between the samples, on a live heap of about
 * 50 MB). Not the RSS peak: in one thread V8 lets the heap grow towards four
 * times what stays live before it collects in full, so the peak after 20
 * documents is still settling (180–207 MB) and says nothing of a leak.
 */
it('--jobs 1: the heap that stays after 200 documents is within 25% of the heap after 20', () => {
  const run = measureIngest(txtBatch(), join(dir, 'memory-1.db'), 1, [], [20, 200]);
  expect(run.stored).toBeGreaterThanOrEqual(200);
  expect(run.failed).toBe(0);
  const [early, late] = [run.liveHeapAt[20]!, run.liveHeapAt[200]!];
  expect(early).toBeGreaterThan(0);
  expect(late, `live heap ${early} MB after 20 documents, ${late} MB after 200`).toBeLessThanOrEqual(early * 1.25);
}, 900_000);

/**
 * A pool: the workers' heaps are capped, so the process's RSS high-water mark
 * settles early and is the measure; a leak in a worker or in the writer shows
 * in it (the bound: 54 MB over the samples is more than 20% of it).
 */
it('--jobs 2: RSS after 200 documents is within 20% of RSS after 20', () => {
  const run = measureIngest(txtBatch(), join(dir, 'memory-2.db'), 2, [20, 200]);
  expect(run.stored).toBeGreaterThanOrEqual(200);
  expect(run.failed).toBe(0);
  const [early, late] = [run.rssAt[20]!, run.rssAt[200]!];
  expect(early).toBeGreaterThan(0);
  expect(late, `RSS ${early} MB after 20 documents, ${late} MB after 200`).toBeLessThanOrEqual(early * 1.2);
}, 900_000);
