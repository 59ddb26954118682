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
// milestones ≥ 0.80, departments ≥ 0.90, document fields ≥ 0.95 over the set
// (every rendering). Each floor sits just under what the pipeline reaches
// (2026-12-06: 0.935, 0.943, 0.991, 0.871, 0.939, 0.996; after the gen and gen2
// branches: 0.937, 0.959, 0.993, 0.871, 0.953, 0.996; after session 4's ms4
// and qa4: 0.942, 0.959, 0.993, 0.874, 0.953, 0.996).
const FLOORS = {
  targets: 0.935,
  actuals: 0.955,
  responsibilities: 0.99,
  milestones: 0.87,
  departments: 0.95,
  document: 0.995,
} as const;

// The 28 documents as they came (.txt), without the renderings made of six of
// them: the figures to compare with the first run (2026-12-06: 0.916, 0.918,
// 0.970, 0.880, 0.904, 0.993; after the gen and gen2 branches: 0.923, 0.949,
// 0.976, 0.880, 0.934, 0.993; after session 4's ms4 and qa4: 0.935, 0.949,
// 0.976, 0.884, 0.934, 0.993).
const ORIGINALS_FLOORS = {
  targets: 0.93,
  actuals: 0.945,
  responsibilities: 0.97,
  milestones: 0.88,
  departments: 0.93,
  document: 0.99,
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
    it(`${section} F1 ≥ ${floor} over every rendering`, () => {
      expect(summary.overall[section].f1).toBeGreaterThanOrEqual(floor);
    });
  }

  for (const [section, floor] of Object.entries(ORIGINALS_FLOORS) as Array<[keyof typeof ORIGINALS_FLOORS, number]>) {
    it(`${section} F1 ≥ ${floor} on the 28 original texts`, () => {
      expect(summary.byFormat.txt, 'no .txt rendering was scored').toBeDefined();
      expect(summary.byFormat.txt![section].f1).toBeGreaterThanOrEqual(floor);
    });
  }
});
