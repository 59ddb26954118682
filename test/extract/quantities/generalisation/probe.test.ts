/**
 * The style-variety probe as tests: every case, read by the real pipeline,
 * must yield exactly its expected targets and actuals (FORMAT.md matching,
 * comparator, 累计, 每年, range and period right) and nothing else. Cases the
 * extractor does not yet read are listed in KNOWN_GAPS with the reason; they
 * are expected to fail, so one starting to pass fails the suite until it is
 * taken off the list. The figures: measure.ts.
 */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { scoreCase, totals, type CaseScore, type Format } from './probe.js';

const KNOWN_GAPS: Record<string, string> = {
  'hard-line-breaks':
    'a .txt whose sentences break across lines (text copied out of a PDF): the normaliser keeps txt lines as paragraphs, so 突/破5亿元 is cut apart before extraction',
};

describe.each(['txt', 'docx'] as Format[])('style-variety probe as .%s', (format) => {
  const scores: CaseScore[] = [];
  for (const c of CASES) {
    const test = KNOWN_GAPS[c.id] ? it.fails : it;
    test(`${c.style}: ${c.id}${KNOWN_GAPS[c.id] ? ` (known gap: ${KNOWN_GAPS[c.id]})` : ''}`, async () => {
      const score = await scoreCase(c, format);
      scores.push(score);
      expect({ misses: score.misses, falsePositives: score.falsePositives, attributeErrors: score.attributeErrors }).toEqual({
        misses: [],
        falsePositives: [],
        attributeErrors: [],
      });
    });
  }

  it('reads the probe with precision and recall of at least 0.97', () => {
    expect(scores.length).toBe(CASES.length);
    const t = totals(scores);
    expect(t.precision).toBeGreaterThanOrEqual(0.97);
    expect(t.recall).toBeGreaterThanOrEqual(0.97);
  });
});

describe('style-variety probe cases', () => {
  it('every case is a passage of its own with expected records or a negative', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const id of Object.keys(KNOWN_GAPS))
      expect(
        CASES.some((c) => c.id === id),
        id,
      ).toBe(true);
  });
});
