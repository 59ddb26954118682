/**
 * The real documents, every rendering, through the real stages, scored with
 * the project's scorer against the gold files: the floors the lead enforces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toGold } from '../../../src/gold/to-gold.js';
import { parseGold } from '../../../src/gold/read.js';
import { scoreDocument, type SectionScore } from '../../../src/eval/score.js';
import type { DocumentState } from '../../../src/core/state.js';
import { GOLD, renderings, runChain } from '../../support/role-chain.js';
import { extracted } from '../../support/extracted.js';

const FLOORS = { responsibilities: 0.95, departments: 0.9, milestones: 0.9 } as const;

function f1(s: SectionScore): number {
  // A section with nothing in gold and nothing predicted is perfect; with predictions it is not.
  if (s.tp + s.fp + s.fn === 0) return 1;
  return (2 * s.tp) / (2 * s.tp + s.fp + s.fn);
}

const states = new Map<string, Promise<DocumentState>>();
const stateOf = (file: string) => {
  if (!states.has(file)) states.set(file, runChain(file));
  return states.get(file)!;
};

describe.each(renderings())('$file', ({ file, doc }) => {
  const gold = parseGold(JSON.parse(readFileSync(join(GOLD, doc + '.gold.json'), 'utf8')), doc);

  it('runs without a fatal message', async () => {
    const state = await stateOf(file);
    expect(state.messages.filter((m) => m.severity === 'fatal')).toEqual([]);
  }, 120_000);

  it.each(Object.entries(FLOORS))(
    '%s F1 ≥ %f',
    async (section, floor) => {
      const score = scoreDocument(gold, toGold(await stateOf(file), file));
      const s = score.sections[section as keyof typeof FLOORS];
      expect(f1(s), JSON.stringify({ misses: s.misses, falsePositives: s.falsePositives })).toBeGreaterThanOrEqual(floor);
    },
    120_000,
  );

  it('implicit support matches gold', async () => {
    const s = scoreDocument(gold, toGold(await stateOf(file), file)).sections.implicit_support;
    expect(s.fp + s.fn).toBe(0);
  }, 120_000);

  it('every record carries provenance inside the text', async () => {
    const state = await stateOf(file);
    const text = state.normalised!.text;
    const x = extracted(state);
    for (const p of [...x.departments, ...x.responsibilities, ...x.milestones].map((r) => r.provenance)) {
      expect(p.rule).toMatch(/^(department|responsibility|milestone)\./);
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeLessThanOrEqual(text.length);
      expect(p.sentence.length).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('the Lianyungang work plan', () => {
  it.each(renderings().filter((r) => r.doc.startsWith('lianyungang')))(
    '$file yields its 19 tasks, each with a lead and its section',
    async ({ file }) => {
      const x = extracted(await stateOf(file));
      expect(x.responsibilities).toHaveLength(19);
      for (const r of x.responsibilities) {
        expect(r.lead.length).toBeGreaterThan(0);
        expect(r.sectionPath).toMatch(/\/\d+$/);
        expect(r.task).not.toMatch(/^\d|[（(]牵头/);
      }
      expect(x.implicitSupport).toEqual(['各县区政府', '功能板块管委会']);
      // 市 resolves to the plan's region.
      expect(x.departments.find((d) => d.name === '市市场监管局')?.canonicalName).toBe('连云港市市场监督管理局');
    },
    120_000,
  );
});
