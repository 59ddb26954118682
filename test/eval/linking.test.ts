/**
 * The linking measure (FORMAT.md "Linking"): gold targets and actuals with a
 * `canonical` id against the ids the matched predictions carry.
 */
import { describe, expect, it } from 'vitest';
import { scoreLinking, summariseLinking } from '../../src/eval/linking.js';
import { GoldFile, type GoldQuantity } from '../../src/gold/schema.js';

const q = (indicator: string, value: number, canonical?: string): GoldQuantity => ({
  indicator,
  value,
  unit: '家',
  year: 2025,
  ...(canonical ? { canonical } : {}),
});

const file = (targets: GoldQuantity[], actuals: GoldQuantity[] = []) =>
  GoldFile.parse({
    file: 'x.txt',
    document: { title: null, region: null, level: null, issuer: null, doc_number: null, issued: null, period: null, type: null },
    targets,
    actuals,
  });

describe('linking counts', () => {
  it.each<[string, GoldQuantity[], GoldQuantity[], Partial<ReturnType<typeof scoreLinking>>]>([
    [
      'right id',
      [q('高新技术企业', 5, 'innovation.high-tech-enterprises')],
      [q('全省高新技术企业', 5, 'innovation.high-tech-enterprises')],
      { gold: 1, goldLinked: 1, linkedMatched: 1, linkedRight: 1 },
    ],
    [
      'wrong id',
      [q('省重点实验室', 30, 'innovation.provincial-key-labs')],
      [q('省重点实验室', 30, 'innovation.national-key-labs')],
      { gold: 1, goldLinked: 0, linkedMatched: 1, linkedRight: 0 },
    ],
    [
      'no id on the prediction',
      [q('省重点实验室', 30, 'innovation.provincial-key-labs')],
      [q('省重点实验室', 30)],
      { gold: 1, goldLinked: 0, linkedMatched: 0 },
    ],
    // gold says the catalogue lacks the measure: a link is wrong
    [
      'an id where gold has none',
      [q('重大基础研究项目', 30), q('独角兽企业', 3, 'innovation.unicorn-enterprises')],
      [q('重大基础研究项目', 30, 'innovation.basic-research-projects')],
      { gold: 1, linkedMatched: 1, linkedRight: 0 },
    ],
    // a figure the extractor missed counts against recall
    [
      'a missed figure',
      [q('独角兽企业', 3, 'innovation.unicorn-enterprises')],
      [q('独角兽企业', 4, 'innovation.unicorn-enterprises')],
      { gold: 1, goldLinked: 0, linkedMatched: 0, predictedTargets: 1, predictedTargetsLinked: 1 },
    ],
    // a gold file without any id was not annotated for linking
    [
      'an unannotated gold file',
      [q('独角兽企业', 3)],
      [q('独角兽企业', 3, 'innovation.unicorn-enterprises'), q('瞪羚企业', 4)],
      { gold: 0, linkedMatched: 0, predictedTargets: 2, predictedTargetsLinked: 1 },
    ],
  ])('%s', (_what, gold, predicted, counts) => {
    expect(scoreLinking(file(gold), file(predicted))).toMatchObject(counts);
  });

  it('scores actuals as well as targets, and sums over documents', () => {
    const one = scoreLinking(
      file([], [q('独角兽企业', 3, 'innovation.unicorn-enterprises')]),
      file([], [q('独角兽企业', 3, 'innovation.unicorn-enterprises')]),
    );
    const two = scoreLinking(file([q('省实验室', 2, 'innovation.provincial-labs')]), file([q('省实验室', 2)]));
    expect(summariseLinking([one, two])).toMatchObject({ precision: 1, recall: 0.5, linkedShare: 0 });
  });

  it('rejects a canonical id that is no catalogue id', () => {
    expect(() => file([q('独角兽企业', 3, '独角兽企业')])).toThrow(/catalogue id/);
  });
});
