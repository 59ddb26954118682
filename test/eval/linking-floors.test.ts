/**
 * Linking floors on the development set of real plans (issue 12): of the gold
 * targets and actuals with a `canonical` id, how many are matched by a figure
 * linked to that id (recall); of the matched figures linked to an id, how
 * many to the right one (precision); and how many of all extracted targets
 * are linked at all. corpora-real/README.md keeps the first-run figures.
 * Raise the floors as linking improves; never lower them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { summarise, type EvalSummary } from '../../src/eval/report.js';
import { runEval } from '../../src/eval/run.js';

// Issue 12 asks for precision ≥ 0.95, recall ≥ 0.80 and ≥ 70% of extracted
// targets linked, over every rendering (2026-12-06: 1.000, 0.927, 0.717).
const FLOORS = { precision: 0.95, recall: 0.8, linkedShare: 0.7 } as const;

let summary: EvalSummary;

beforeAll(async () => {
  summary = summarise(await runEval({ goldDir: 'corpora-real/gold', docsDir: 'corpora-real' }));
});

describe('linking on the development set of real plans', () => {
  it('has gold ids to measure against', () => {
    expect(summary.linking.counts.gold).toBeGreaterThanOrEqual(200);
  });

  for (const [measure, floor] of Object.entries(FLOORS) as Array<[keyof typeof FLOORS, number]>) {
    it(`${measure} ≥ ${floor}`, () => {
      expect(summary.linking[measure]).toBeGreaterThanOrEqual(floor);
    });
  }
});
