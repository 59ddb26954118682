/**
 * Start-up and per-file cost of the command line, each as a fresh process the
 * way a user runs it: `planlens docs` on a small database (a read-only
 * command: no rules, no dictionaries) and `planlens ingest one.txt` of one
 * sentence into a new database (rules, jieba's dictionaries, the pipeline,
 * SQLite). Medians of a few runs; wall time suffers from a loaded machine,
 * CPU time much less, so both are given.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureNode, medianOf, type Measured } from './measure-child.js';

export interface StartupFigures {
  docs: Measured;
  ingestOneTxt: Measured;
  runs: number;
}

/** One sentence in the style of a plan: a target with a year, an indicator and a unit. */
const ONE_SENTENCE = '到2025年，全市每万人口高价值发明专利拥有量达到20件。\n';

export function benchStartup(bin: string, runs = 5): StartupFigures {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-bench-startup-'));
  try {
    const txt = join(dir, 'one.txt');
    writeFileSync(txt, ONE_SENTENCE);
    const small = join(dir, 'small.db');
    // Also fills the rule files' parse cache, as any earlier run on this machine would have.
    measureNode(bin, ['ingest', txt, '--db', small, '--quiet']);

    const docs = medianOf(Array.from({ length: runs }, () => measureNode(bin, ['docs', '--db', small])));
    const ingestOneTxt = medianOf(Array.from({ length: runs }, (_, i) => measureNode(bin, ['ingest', txt, '--db', join(dir, `fresh-${i}.db`), '--quiet'])));
    return { docs, ingestOneTxt, runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
