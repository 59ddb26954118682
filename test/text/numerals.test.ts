/**
 * The one numeral reader (src/text/numerals.ts), table-driven: the forms the
 * structure stage reads in headings and dates, and the forms the quantity
 * extractor reads in figures, are the same function now.
 */
import { describe, expect, it } from 'vitest';
import { asciiDigits, isChineseNumeral, parseChinese, parseCircled, parseNumber, parseNumeral } from '../../src/text/numerals.js';

describe('parseChinese', () => {
  it.each([
    // headings: 第十四章, 二十一、, （一百零二）
    ['一', 1],
    ['十', 10],
    ['十四', 14],
    ['二十一', 21],
    ['一百零二', 102],
    ['两千', 2000],
    // figures with big units
    ['一万二千', 12000],
    ['三亿', 3e8],
    ['一万亿', 1e12],
    // years, digit by digit, including the zeros typed by hand
    ['二〇三五', 2035],
    ['二零二二', 2022],
    ['二○二二', 2022],
    ['二Ｏ二二', 2022],
    // dates: month and day
    ['十二', 12],
    ['三十一', 31],
  ] as const)('%s → %d', (text, value) => expect(parseChinese(text)).toBe(value));

  it.each(['', '第十', '十四五规划', '12', 'abc', '十、'])('%j is no numeral → null', (text) => expect(parseChinese(text)).toBeNull());
});

describe('parseNumber', () => {
  it.each([
    ['1,234.5', 1234.5],
    ['85', 85],
    [' 3.5 ', 3.5],
    ['两千', 2000],
  ] as const)('%s → %d', (text, value) => expect(parseNumber(text)).toBe(value));
  it.each(['1,23', '约85', ''])('%j → null', (text) => expect(parseNumber(text)).toBeNull());
});

describe('parseNumeral (heading numbers by rule kind)', () => {
  it.each([
    ['十四', 'chinese', 14],
    ['１２', 'arabic', 12],
    ['3', 'arabic', 3],
    ['②', 'circled', 2],
    ['⑳', 'circled', 20],
  ] as const)('%s (%s) → %d', (text, kind, value) => expect(parseNumeral(text, kind)).toBe(value));
  it.each([
    ['甲', 'chinese'],
    ['x', 'arabic'],
    ['㉑', 'circled'],
    ['2', 'circled'],
  ] as const)('%s (%s) → null', (text, kind) => expect(parseNumeral(text, kind)).toBeNull());
});

describe('helpers', () => {
  it.each([
    ['〔２０２２〕', '〔2022〕'],
    ['第３号', '第3号'],
    ['2022', '2022'],
  ])('asciiDigits(%s) → %s', (text, want) => expect(asciiDigits(text)).toBe(want));
  it.each([
    ['十四', true],
    ['一万二千', true],
    ['二○二二', false],
    ['14', false],
  ] as const)('isChineseNumeral(%s) → %s', (text, want) => expect(isChineseNumeral(text)).toBe(want));
  it('parseCircled reads only circled numbers', () => {
    expect(parseCircled('①')).toBe(1);
    expect(parseCircled('1')).toBeNull();
  });
});
