/**
 * Quality floors on the development set of real plans (corpora-real/): 28
 * documents from other provinces, sectors and text origins, with gold
 * annotated independently of the rules. The sample-plan floors say the rules
 * still read the plans they were written on; these say how far they hold on
 * plans they were not. Raise them as extraction improves; never lower them.
 * corpora-real/README.md keeps the first-run figures recorded before any rule
 * was changed for this set.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { summarise, type EvalSummary } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/run.js';

// Issue 10 asks for targets ≥ 0.90, actuals ≥ 0.85, responsibilities ≥ 0.90,
// milestones ≥ 0.80, departments ≥ 0.90, document fields ≥ 0.95. Until those
// are reached, each floor sits just under what the pipeline reaches now.
const FLOORS = {
  targets: 0.2,
  actuals: 0.38,
  responsibilities: 0.85,
  milestones: 0.13,
  departments: 0.73,
  document: 0.49,
} as const;

let summary: EvalSummary;

beforeAll(async () => {
  summary = summarise(await runEval({ goldDir: 'corpora-real/gold', docsDir: 'corpora-real' }));
});

describe('eval on the development set of real plans', () => {
  it('processes every document of the set', () => {
    expect(summary.failed).toEqual([]);
    expect(summary.unmatchedGold).toEqual([]);
    expect(summary.renderings).toBeGreaterThanOrEqual(28);
  });

  for (const [section, floor] of Object.entries(FLOORS) as Array<[keyof typeof FLOORS, number]>) {
    it(`${section} F1 ≥ ${floor}`, () => {
      expect(summary.overall[section].f1).toBeGreaterThanOrEqual(floor);
    });
  }
});
