/** jieba with the user dictionary: domain terms stay whole; segmentation is fast. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStructure } from '../../src/structure/index.js';
import { segment, segmentStage } from '../../src/segment/index.js';
import { cutWords } from '../../src/text/jieba.js';
import { normalised, rules } from '../structure/chain.js';

const userDict = rules.resource('userdict.utf8');

describe('user dictionary', () => {
  const dictionary = new Set(
    readFileSync(userDict, 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[0]!.trim()),
  );

  it.each(['高价值发明专利', '知识产权质押融资', '专利导航', '正版正货', '地理标志', '马德里商标', '贯标', '万人高价值发明专利拥有量', '集成电路布图设计'])(
    '%s stays one word',
    (term) => {
      expect(dictionary.has(term)).toBe(true);
      for (const sentence of [`大力推进${term}工作。`, `全市${term}取得新进展`, `${term}和运营服务`]) {
        expect(cutWords(sentence, userDict)).toContain(term);
      }
    },
  );

  it('figures are one word, not one word per digit', () => {
    expect(cutWords('到2025年比重达8.6%', userDict)).toEqual(expect.arrayContaining(['2025', '8.6%']));
  });

  it.each([
    { text: '比重达8.6%，增长3.5个百分点', want: ['比重', '达', '8.6%', '，', '增长', '3.5', '个', '百分点'] },
    { text: '增长50%50项', want: ['增长', '50%', '50', '项'] },
    { text: '2025年 PCT 国际专利申请 120 件', want: ['2025', '年', 'PCT', '国际', '专利申请', '120', '件'] },
    { text: 'iPhone和ISO9001认证', want: ['iPhone', '和', 'ISO9001', '认证'] },
  ])('Latin runs: $text (a figure ends at its %, spaces are no words)', ({ text, want }) => {
    expect(cutWords(text, userDict)).toEqual(want);
  });
});

// Speed is measured by `npm run bench`, not by a timed test that fails on a busy machine.
describe('a long plan', () => {
  it('segments a 30k-character plan into sentences and words', async () => {
    // The three corpus documents back to back: a plan of over 30k characters.
    const parts = await Promise.all(
      ['xuanwu-ip-14fyp-plan.txt', 'nanjing-ip-14fyp-midterm-review.txt', 'lianyungang-ip-city-pilot-2024-2026.txt'].map(normalised),
    );
    let text = parts.map((p) => p.normalised!.text).join('\n');
    while (text.length < 30_000) text += '\n' + text;
    const doc = { ...parts[0]!.normalised!, text, blocks: [] };
    const structure = buildStructure(doc, rules);
    const options = segmentStage.options.parse({});
    const result = segment(doc, structure, options, userDict);
    expect(text.length).toBeGreaterThanOrEqual(30_000);
    expect(result.sentences.length).toBeGreaterThan(500);
    expect(result.words.length).toBe(result.sentences.length);
  });
});
