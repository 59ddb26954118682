/**
 * Quality floors on the second development set (corpora-authored/): eleven
 * documents written and annotated blind by helpers who never saw the rules,
 * in sectors and text origins the real set lacks. They were the held-out
 * check of sessions 2 and 3; since session 4 rules may be fixed for them, and
 * these floors keep what was won. Raise them as extraction improves; never
 * lower them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { summarise, type EvalSummary } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/run.js';

// Just under the figures reached (when the set became a development set,
// 2026-12-07: 0.899, 0.804, 0.871, 0.542, 0.869, 0.940; after the qa4 branch:
// 0.976, 0.904, 0.901, 0.591, 0.913, 0.994).
const FLOORS = {
  targets: 0.97,
  actuals: 0.895,
  responsibilities: 0.89,
  milestones: 0.58,
  departments: 0.905,
  document: 0.99,
} as const;

let summary: EvalSummary;

beforeAll(async () => {
  summary = summarise(await runEval({ goldDir: 'corpora-authored/gold', docsDir: 'corpora-authored' }));
});

describe('eval on the authored development set', () => {
  it('processes every document of the set', () => {
    expect(summary.failed).toEqual([]);
    expect(summary.unmatchedGold).toEqual([]);
    expect(summary.renderings).toBeGreaterThanOrEqual(11);
  });

  for (const [section, floor] of Object.entries(FLOORS) as Array<[keyof typeof FLOORS, number]>) {
    it(`${section} F1 ≥ ${floor}`, () => {
      expect(summary.overall[section].f1).toBeGreaterThanOrEqual(floor);
    });
  }
});
