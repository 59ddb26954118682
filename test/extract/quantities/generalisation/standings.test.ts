/**
 * Standings reports and plans' 发展基础 sections state without a figure
 * (居世界首位, 连续13年位居全球第一): an actual with the standing as its
 * qualitative value, named after the ranking, dated by its own sentence.
 * Vague places (位居前列), ordinals that are no standing (第四大能源, 第十三届)
 * and quoted slogans yield nothing. Read by the real pipeline, scored with the
 * evaluator's matching.
 */
import { describe, expect, it } from 'vitest';
import { q, scoreCase, type ProbeCase } from './probe.js';

const BASIS = '一、发展基础';

const CASES: ProbeCase[] = [
  {
    id: 'standing-world-first',
    style: 'standing',
    doc: 'province-plan',
    heading: BASIS,
    text: '2020年，全省跨境电子商务进出口额连续5年居全国首位，人工智能领域发明专利授权量位居全国第二。',
    actuals: [
      q('跨境电子商务进出口额全国排名', null, null, '=', 2020, { qualitative: '连续5年居全国首位', period: [2016, 2020] }),
      q('人工智能领域发明专利授权量全国排名', null, null, '=', 2020, { qualitative: '位居全国第二' }),
    ],
  },
  {
    id: 'standing-dated-later-in-sentence',
    style: 'standing',
    doc: 'province-plan',
    heading: BASIS,
    text: '全省数字经济规模稳居全国第三，从2015年的1.2万亿元增长到2020年的3.0万亿元。',
    actuals: [
      q('数字经济规模全国排名', null, null, '=', 2020, { qualitative: '稳居全国第三' }),
      // The standing names the subject of the from–to clause after it.
      q('数字经济规模', 1.2, '万亿元', undefined, 2015),
      q('数字经济规模', 3.0, '万亿元', undefined, 2020),
    ],
  },
  {
    id: 'standing-world-as-global',
    style: 'standing',
    doc: 'province-plan',
    heading: BASIS,
    text: '2020年，全省光伏组件产量位居世界第一。',
    actuals: [q('光伏组件产量全球排名', null, null, '=', 2020, { qualitative: '位居世界第一' })],
  },
  {
    id: 'standing-place-with-wei',
    style: 'standing',
    doc: 'province-plan',
    heading: BASIS,
    text: '2020年，全省高新技术企业数量居全国第三位，技术合同成交额达到1200亿元。',
    actuals: [q('高新技术企业数量全国排名', null, null, '=', 2020, { qualitative: '居全国第三位' }), q('技术合同成交额', 1200, '亿元', '=', 2020)],
  },
  {
    id: 'standing-nth-largest',
    style: 'standing',
    doc: 'province-plan',
    heading: BASIS,
    text: '2020年，全省地区生产总值突破6万亿元，已成为全国第四大经济体，带动进口规模持续扩大。',
    actuals: [q('地区生产总值', 6, '万亿元', '>', 2020), q('经济体全国排名', null, null, '=', 2020, { qualitative: '全国第四大经济体' })],
  },
];

/** No definite place: nothing is recorded. */
const NEGATIVE: ProbeCase[] = [
  { id: 'standing-vague', style: 'standing', doc: 'province-plan', heading: BASIS, text: '2020年，全省知识产权综合实力位居全国前列，创新能力居全国领先水平。' },
  {
    id: 'ordinal-no-standing',
    style: 'standing',
    doc: 'province-plan',
    heading: BASIS,
    text: '森林是仅次于煤、石油、天然气的第四大能源，第十三届全国人民代表大会对此作出部署。',
  },
  { id: 'standing-in-quotes', style: 'standing', doc: 'province-plan', heading: BASIS, text: '全省上下牢固树立“争第一、创唯一、居全国首位”的发展理念。' },
  { id: 'nth-largest-without-scope', style: 'standing', doc: 'province-plan', heading: BASIS, text: '森林是仅次于煤、石油、天然气的第四大能源。' },
  { id: 'nth-largest-inside-a-name', style: 'standing', doc: 'province-plan', heading: BASIS, text: '全省积极对接全球第二大经济体的市场需求，拓展合作空间。' },
  { id: 'standing-eleventh-place', style: 'standing', doc: 'province-plan', heading: BASIS, text: '2020年，全省研发投入强度居全国第十一位。' },
];

describe('standings read by the real pipeline', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const score = await scoreCase(c, 'txt');
    expect({ misses: score.misses, falsePositives: score.falsePositives, attributeErrors: score.attributeErrors }).toEqual({
      misses: [],
      falsePositives: [],
      attributeErrors: [],
    });
  });

  it.each(NEGATIVE.map((c) => [c.id, c] as const))('no standing: %s', async (_id, c) => {
    const score = await scoreCase(c, 'txt');
    expect(score.falsePositives).toEqual([]);
  });
});
