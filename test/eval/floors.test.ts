/**
 * Quality floors: the pipeline on the sample documents, scored against the
 * gold annotations, overall and for each rendering format (a document should
 * not lose facts because it came as a PDF).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { summarise, type EvalSummary } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/run.js';

// The issues set targets ≥ 0.95, actuals ≥ 0.90, responsibilities ≥ 0.95,
// departments and milestones ≥ 0.90. Raised to just under what the pipeline
// reaches (targets 1.000, actuals 0.991, the rest 1.000 on 2026-11-21), so a
// regression on the sample documents fails here. Raise them; never lower them.
const FLOORS = {
  targets: 0.99,
  actuals: 0.97,
  responsibilities: 0.99,
  departments: 0.98,
  milestones: 0.98,
  document: 0.99,
} as const;

let summary: EvalSummary;

beforeAll(async () => {
  summary = summarise(await runEval({ goldDir: 'test/fixtures/gold', docsDir: 'corpora' }));
});

describe('eval on the sample documents', () => {
  it('processes every rendering of every gold document', () => {
    expect(summary.failed).toEqual([]);
    expect(summary.unmatchedGold).toEqual([]);
  });

  for (const [section, floor] of Object.entries(FLOORS) as Array<[keyof typeof FLOORS, number]>) {
    it(`${section} F1 ≥ ${floor} overall`, () => {
      expect(summary.overall[section].f1).toBeGreaterThanOrEqual(floor);
    });
    for (const format of ['txt', 'docx', 'pdf']) {
      it(`${section} F1 ≥ ${floor} on .${format} renderings`, () => {
        expect(summary.byFormat[format], `no .${format} rendering was scored`).toBeDefined();
        expect(summary.byFormat[format]![section].f1).toBeGreaterThanOrEqual(floor);
      });
    }
  }
});
