/**
 * The extractor on the real sample documents, in every rendering, through
 * the real pipeline: scored against the gold annotations with the matching
 * rules of FORMAT.md, plus provenance, fact marking and speed.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentState } from '../../../src/core/state.js';
import { toGold } from '../../../src/gold/to-gold.js';
import { readGoldFile } from '../../../src/gold/read.js';
import { scoreDocument } from '../../../src/eval/score.js';
import { extractQuantitiesStage } from '../../../src/extract/quantities/index.js';
import { rules, runFile } from '../../support/pipeline.js';

const CORPORA = resolve(import.meta.dirname, '../../../corpora');
const GOLD = resolve(import.meta.dirname, '../../fixtures/gold');
const FLOORS = { targets: 0.95, actuals: 0.9 } as const;

const files = readdirSync(CORPORA)
  .filter((f) => /\.(txt|docx|pdf)$/.test(f))
  .sort();

async function runUntil(path: string, stage: string): Promise<DocumentState> {
  const state = await runFile(path, { until: stage });
  expect(state.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
  return state;
}

function f1(tp: number, fp: number, fn: number): number {
  if (tp === 0) return fp === 0 && fn === 0 ? 1 : 0;
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return (2 * p * r) / (p + r);
}

const states = new Map<string, DocumentState>();

beforeAll(async () => {
  for (const file of files) states.set(file, await runUntil(join(CORPORA, file), 'extract-quantities'));
});

describe.each(files)('%s', (file) => {
  const goldPath = join(GOLD, file.replace(/\.[^.]+$/, '.gold.json'));

  for (const section of ['targets', 'actuals'] as const) {
    it(`${section} F1 ≥ ${FLOORS[section]}`, () => {
      const state = states.get(file)!;
      const score = scoreDocument(readGoldFile(goldPath).gold, toGold(state, file)).sections[section];
      const value = f1(score.tp, score.fp, score.fn);
      expect(
        value,
        `misses: ${score.misses.map((m) => m.fact).join('; ')} | false positives: ${score.falsePositives.map((m) => m.fact).join('; ')}`,
      ).toBeGreaterThanOrEqual(FLOORS[section]);
    });
  }

  it('every record points at its figure in the normalised text', () => {
    const state = states.get(file)!;
    const text = state.normalised!.text;
    const quantities = state.quantities!;
    expect(quantities.length).toBeGreaterThan(0);
    for (const q of quantities) {
      const span = text.slice(q.provenance.start, q.provenance.end);
      if (q.value !== null) expect(span, JSON.stringify(q)).toMatch(/[0-9０-９零〇一二两三四五六七八九十百千万]/);
      else expect(span).toBe(q.qualitative);
      expect(q.provenance.rule).toMatch(/^(time|quantity|target)\./);
      if (q.provenance.sentenceIndex >= 0) {
        const sentence = state.segments!.sentences[q.provenance.sentenceIndex]!;
        expect(sentence.text).toBe(q.provenance.sentence);
        expect(q.provenance.start).toBeGreaterThanOrEqual(sentence.start);
        expect(q.provenance.end).toBeLessThanOrEqual(sentence.end);
      }
    }
  });

  it('marks one fact per indicator, year, kind and value, preferring the table', () => {
    const quantities = states.get(file)!.quantities!;
    const facts = quantities.filter((q) => q.isFact);
    expect(facts.length).toBeGreaterThan(0);
    for (const q of quantities) {
      if (!q.isFact) {
        const fact = facts.find(
          (f) => f.kind === q.kind && f.year === q.year && f.valueBase === q.valueBase && (f.indicatorId ?? f.indicator) === (q.indicatorId ?? q.indicator),
        );
        expect(fact, `${q.indicator} ${q.value} has no fact record`).toBeDefined();
        if (
          quantities.some(
            (o) =>
              o.provenance.cell && o.kind === q.kind && o.year === q.year && o.valueBase === q.valueBase && o.indicatorId && o.indicatorId === q.indicatorId,
          )
        ) {
          expect(fact!.provenance.cell).toBeDefined();
        }
      }
    }
  });

  it('explains every flag', () => {
    for (const q of states.get(file)!.quantities!) {
      for (const flag of q.flags) expect(flag.reason.length).toBeGreaterThan(10);
      if (q.indicatorId === null) expect(q.flags.map((f) => f.kind)).toContain('unlinked-indicator');
    }
  });
});

// Speed is measured by `npm run bench` (segment + extraction per 30,000
// characters), not by a timed test that fails on a busy machine.
describe('a long plan', () => {
  it('extracts every figure of a 30,000-character plan', async () => {
    // A real plan made long: the evaluation, the plan and the work plan in one file.
    const dir = mkdtempSync(join(tmpdir(), 'planlens-long-'));
    const long = files
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(CORPORA, f), 'utf8'))
      .join('\n');
    const path = join(dir, 'long-plan.txt');
    writeFileSync(path, long + '\n' + long.slice(0, Math.max(0, 30000 - long.length)));
    const state = await runUntil(path, 'segment');
    expect(state.normalised!.text.length).toBeGreaterThanOrEqual(30000);
    const options = extractQuantitiesStage.options.parse({});
    const out = await extractQuantitiesStage.run(state, options, { rules });
    expect(out.quantities!.length).toBeGreaterThan(100);
  });
});
