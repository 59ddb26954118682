/**
 * Speed work must not change segmentation: segment() on the stored inputs of
 * every corpus file gives exactly the stored sentences and words.
 */
import { describe, expect, it } from 'vitest';
import { RuleSet } from '../../src/rules/index.js';
import { segment, segmentStage } from '../../src/segment/index.js';
import { corpusFiles, goldenNormalised, readGolden } from './golden.js';

const userDict = new RuleSet().resource('userdict.utf8');
const options = segmentStage.options.parse({});

describe('segmentation golden', () => {
  it('covers all 7 corpus files', () => {
    expect(corpusFiles()).toHaveLength(7);
  });

  it.each(corpusFiles())('%s: same sentences and words as the golden', (file) => {
    const golden = readGolden(file);
    const result = segment(goldenNormalised(golden), golden.input.structure, options, userDict);
    expect(result.sentences).toHaveLength(golden.output.sentences.length);
    expect(result.sentences).toEqual(golden.output.sentences);
    expect(result.words).toEqual(golden.output.words);
    // Byte for byte as stored (key order, no stray undefined fields).
    expect(JSON.stringify(result)).toBe(JSON.stringify(golden.output));
  });

  it('notices a change: splitting at 。 alone gives other sentences', () => {
    const golden = readGolden('xuanwu-ip-14fyp-plan.txt');
    const result = segment(goldenNormalised(golden), golden.input.structure, { ...options, stops: '。' }, userDict);
    expect(result.sentences).not.toEqual(golden.output.sentences);
  });
});
