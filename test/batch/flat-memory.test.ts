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

it('RSS after 200 documents of a pooled batch is within 20% of RSS after 20', () => {
  // The .txt plans: the whole pipeline on every copy, at the least CPU a test can spend on 200 documents.
  const sources = join(dir, 'sources');
  mkdirSync(sources);
  for (const name of readdirSync(CORPORA).filter((n) => n.endsWith('.txt'))) copyFileSync(join(CORPORA, name), join(sources, name));
  replicateCorpus(sources, join(dir, 'batch'), 200);
  const run = measureIngest(join(dir, 'batch'), join(dir, 'memory.db'), 2, [20, 200]);
  expect(run.stored).toBeGreaterThanOrEqual(200);
  expect(run.failed).toBe(0);
  const [early, late] = [run.rssAt[20]!, run.rssAt[200]!];
  expect(early).toBeGreaterThan(0);
  expect(late, `RSS ${early} MB after 20 documents, ${late} MB after 200`).toBeLessThanOrEqual(early * 1.2);
}, 900_000);
