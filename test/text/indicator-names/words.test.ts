/**
 * One word table, two readings (rules/indicator-names.yaml): a word marked
 * `only: link` is never stripped by the analysts' reading and a word marked
 * `only: compare` never by the linker's, while an unmarked word is read by
 * both. Every verb, leading word and qualifier of the file is a case.
 */
import { describe, expect, it } from 'vitest';
import { RuleSet } from '../../../src/rules/index.js';
import { NameDecomposer } from '../../../src/text/indicator-names/link.js';
import { loadIndicatorNames, loadNameAnalyser } from '../../../src/text/indicator-names/rules.js';
import { wordsFor } from '../../../src/text/indicator-names/words.js';

const words = loadIndicatorNames(new RuleSet());
const linker = new NameDecomposer(words);
const analyser = loadNameAnalyser();

const framing = [...words.verbs, ...words.leadingWords, ...words.qualifiers];

describe('indicator-name words: which reading reads each', () => {
  // A word may sit in two lists for the two readings (各类: the linker's leading word, the analysts' qualifier).
  const readByCompare = (word: string) => framing.some((w) => w.word === word && w.only !== 'link');
  it.each(framing.map((w) => [w.word, w.only ?? 'both']))('%s is a frame word of the compare reading unless only for link (%s)', (word, only) => {
    expect(analyser.isFrameWord(word)).toBe(readByCompare(word));
    if (only === 'both') expect(analyser.isFrameWord(word)).toBe(true);
  });

  it.each(words.verbs.map((v) => [v.word, v.only ?? 'both', v.measure ?? 'unspecified']))(
    '%s opens 智能工厂 as the linker’s verb unless only for compare (%s), measuring %s',
    (word, only, measure) => {
      const parts = linker.decompose(`${word}智能工厂`);
      expect(parts.verb === word).toBe(only !== 'compare');
      if (only !== 'compare') expect(parts.measureKind).toBe(measure);
    },
  );

  it('wordsFor keeps the words of both readings and of the one named, in the file order', () => {
    const list = [{ word: '甲' }, { word: '乙', only: 'link' as const }, { word: '丙', only: 'compare' as const }];
    expect(wordsFor(list, 'link').map((w) => w.word)).toEqual(['甲', '乙']);
    expect(wordsFor(list, 'compare').map((w) => w.word)).toEqual(['甲', '丙']);
  });
});
