/**
 * export → eval round trip: the sample documents are processed and stored,
 * exported as gold files, and the pipeline output is scored against those
 * files. Anything the store or the export loses or alters shows up as F1 < 1.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import type { DocumentState } from '../../src/core/state.js';
import { aggregate } from '../../src/eval/metrics.js';
import { readGoldDir, type LoadedGold } from '../../src/gold/read.js';
import { processFile, RENDERING_EXTENSIONS } from '../../src/eval/run.js';
import { scoreDocument } from '../../src/eval/score.js';
import { toGold } from '../../src/gold/to-gold.js';
import { RuleSet } from '../../src/rules/index.js';
import { STAGES } from '../../src/stages.js';
import { openStore, storeDocument } from '../../src/store/index.js';
import { storableState } from '../../src/batch/storable-state.js';
import { runCliInProcess as run } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'planlens-roundtrip-'));
const dbPath = join(work, 'planlens.db');
const goldOut = join(work, 'gold');
const states = new Map<string, DocumentState>();
let exported: LoadedGold[] = [];
let exportRun: Awaited<ReturnType<typeof run>>;

beforeAll(async () => {
  const rules = new RuleSet();
  const pipeline = loadPipeline(DEFAULT_PIPELINE, STAGES);
  const files = readdirSync('corpora').filter((f) => RENDERING_EXTENSIONS.some((ext) => f.endsWith(ext)));
  const store = openStore(dbPath);
  try {
    for (const file of files) {
      const state = await processFile(join('corpora', file), pipeline, rules);
      states.set(file, state);
      storeDocument(store.db, storableState(state), { runId: null, pipeline: pipeline.name, rulesVersion: rules.version });
    }
  } finally {
    store.close();
  }
  exportRun = await run(['export', '--format', 'gold', '--out', goldOut, '--db', dbPath]);
  exported = readGoldDir(goldOut);
});

describe('export --format gold', () => {
  it('writes one valid gold file per document (not per rendering)', () => {
    expect(exportRun.stderr).toBe('');
    expect(exportRun.status).toBe(0);
    const documents = new Set([...states.keys()].map((file) => file.replace(/\.[^.]+$/, '')));
    expect(documents.size).toBeGreaterThanOrEqual(3);
    expect(exported.map((g) => g.name).sort()).toEqual([...documents].sort());
  });

  it('scores F1 = 1 in every section against the pipeline output it came from', () => {
    const scores = exported.map((g) => {
      const state = states.get(g.gold.file);
      expect(state, `${g.gold.file} was not processed`).toBeDefined();
      return scoreDocument(g.gold, toGold(state!, g.gold.file));
    });
    // Attributes P/R does not score (comparator, 累计, period…) must survive too.
    const altered = scores.flatMap((score) => Object.values(score.sections).flatMap((section) => section.attributeErrors.map((e) => e.fact)));
    expect(altered).toEqual([]);
    const totals = aggregate(scores);
    for (const [section, prf] of Object.entries(totals)) {
      expect({ section, f1: prf.f1, fp: prf.fp, fn: prf.fn }).toEqual({ section, f1: 1, fp: 0, fn: 0 });
    }
    // Not vacuous: the documents yield metadata and facts to compare.
    expect(totals.document.tp).toBeGreaterThan(0);
    expect(totals.overall.tp).toBeGreaterThan(totals.document.tp);
  });

  it('planlens eval on the exported files gives F1 = 1 overall', async () => {
    const docs = join(work, 'docs');
    mkdirSync(docs);
    for (const g of exported) copyFileSync(join('corpora', basename(g.gold.file)), join(docs, g.gold.file));
    const result = await run(['eval', '--gold', goldOut, '--docs', docs]);
    expect(result.status).toBe(0);
    const overall = result.stdout.split('\n').find((line) => line.startsWith('overall '));
    expect(overall).toMatch(/^overall\s+1\.000 1\.000 1\.000 /);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('failed: none');
  });
});
