/**
 * Name normalisation (src/text/names.ts), table-driven: the one `squeeze`,
 * the scorer's canonical form (FORMAT.md "Matching") and the analysts'
 * look-up form, each with the spellings it must and must not make equal.
 */
import { describe, expect, it } from 'vitest';
import { canonicalName, normaliseName, squeeze } from '../../src/text/names.js';
import { charBigrams, dice, multisetDice } from '../../src/text/similarity.js';

describe('squeeze', () => {
  it.each([
    ['高价值 发明专利', '高价值发明专利'],
    ['万人\t高价值\n发明专利拥有量', '万人高价值发明专利拥有量'],
    ['全\u3000市', '全市'],
    ['  ', ''],
    ['ＰＣＴ专利', 'ＰＣＴ专利'], // width is not squeeze's business
  ])('%j → %j', (text, want) => expect(squeeze(text)).toBe(want));
});

describe('canonicalName (the scorer)', () => {
  it.each([
    ['市市场监管局<市知识产权局>', '市市场监管局(市知识产权局)'],
    ['市市场监管局（市知识产权局）', '市市场监管局(市知识产权局)'],
    ['研发投入占比（％）', '研发投入占比(%)'],
    ['ＰＣＴ 专利 申请量', 'PCT专利申请量'],
    ['《专利法》', '(专利法)'],
  ])('%s → %s', (text, want) => expect(canonicalName(text)).toBe(want));
  it.each([
    ['PCT专利', 'pct专利'],
    ['发明专利', '发明专利数'],
  ])('%s and %s stay different', (a, b) => expect(canonicalName(a)).not.toBe(canonicalName(b)));
});

describe('normaliseName (the analysts’ look-up)', () => {
  it.each([
    ['ＰＣＴ 专利', 'pct专利'],
    ['PCT专利', 'pct专利'],
    ['全\u3000市', '全市'],
    ['（一）', '(一)'],
  ])('%s → %s', (text, want) => expect(normaliseName(text)).toBe(want));
  it('keeps angle brackets as written (only the scorer reads them as parentheses)', () => {
    expect(normaliseName('局<办>')).toBe('局<办>');
  });
});

describe('similarity', () => {
  it.each([
    ['专利', ['专利']],
    ['专', ['专']],
    ['', []],
  ] as const)('charBigrams(%j)', (text, want) => expect(charBigrams(text)).toEqual(want));
  it('multisetDice counts repeated tokens as often as both have them', () => {
    expect(multisetDice(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(4 / 6);
    expect(multisetDice([], ['a'])).toBe(0);
  });
  it.each([
    ['ＰＣＴ专利', 'pct 专利', 1],
    ['发明专利', '专利', 0.5],
    ['专利', '商标', 0],
  ] as const)('dice(%s, %s) = %d', (a, b, want) => expect(dice(a, b)).toBeCloseTo(want));
});
