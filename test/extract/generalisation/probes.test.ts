/**
 * Style-variety probes: documents written for this test (never copied from a
 * real plan) in the styles real plans use and the three corpus documents do
 * not — 第一章/第一节 numbering, county and zone plans, task tables (one cell
 * per line, or TAB-separated rows), 牵头/配合 columns, label lines, inline
 * 牵头/配合 sentences, notices wrapping a plan, annual work points,
 * evaluations. Each runs through the real stages and is scored with the
 * project's scorer against its gold file beside it (probes/*.gold.json).
 * Decisions the golds encode are listed in README.md here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGold } from '../../../src/gold/to-gold.js';
import { parseGold } from '../../../src/gold/read.js';
import { scoreDocument, type SectionScore } from '../../../src/eval/score.js';
import type { DocumentState } from '../../../src/core/state.js';
import { PROBES, probeDocuments, runChainOn } from './chain.js';

const SECTIONS = ['responsibilities', 'implicit_support', 'milestones', 'departments', 'document'] as const;

function f1(s: SectionScore): number {
  if (s.tp + s.fp + s.fn === 0) return 1;
  return (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
}

const states = new Map<string, Promise<DocumentState>>();
const stateOf = (file: string) => {
  if (!states.has(file)) states.set(file, runChainOn(join(PROBES, file)));
  return states.get(file)!;
};

describe.each(probeDocuments())('$file', ({ file, gold: goldFile }) => {
  const gold = parseGold(JSON.parse(readFileSync(join(PROBES, goldFile), 'utf8')), goldFile);

  it.each(SECTIONS)(
    '%s matches gold',
    async (section) => {
      const state = await stateOf(file);
      expect(state.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
      const s = scoreDocument(gold, toGold(state, file)).sections[section];
      expect(f1(s), JSON.stringify({ misses: s.misses, falsePositives: s.falsePositives })).toBe(1);
    },
    60_000,
  );
});
