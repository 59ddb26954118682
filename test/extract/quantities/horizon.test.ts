/**
 * The year of a target whose sentence names none: the deadline above it in
 * its section, else the plan's own horizon. Plans run through the real
 * pipeline up to extract-quantities.
 */
import { describe, expect, it } from 'vitest';
import { runText } from '../../support/pipeline.js';

const FRONT =
  '某某市数字经济发展“十四五”规划\n\n为加快发展数字经济，制定本规划。规划期为2021—2025年，展望到2035年。\n一、发展目标\n到2025年，数字经济规模达到2000亿元。\n二、主要任务\n';

describe('the horizon of an undated target', () => {
  it.each([
    // A vision beyond the period, stated before the first heading, dates no goal of the sections.
    { passage: '（一）推进制造业数字化。每年推动500家规模以上工业企业实施数字化改造。', value: 500, year: 2025 },
    // A deadline stated in the goal's own section still dates it.
    { passage: '（一）远景谋划。到2030年，建成数字经济强市。数据中心标准机架达到5万架。', value: 5, year: 2030 },
  ])(
    '$passage',
    async ({ passage, value, year }) => {
      const state = await runText(FRONT + passage + '\n');
      const targets = (state.quantities ?? []).filter((q) => q.kind === 'target' && q.value === value);
      expect(targets.map((q) => q.year)).toEqual([year]);
    },
    30_000,
  );
});

describe('a deadline to the month times a task, not the figures after it', () => {
  const FRONT = '某某省制造业高质量发展三年行动计划（2024—2026年）\n\n为推动制造业高质量发展，制定本行动计划。\n一、重点任务\n';
  it.each([
    { passage: '（一）强化要素保障。2024年6月底前出台工业用地实施细则；引导金融机构加大投放，制造业贷款余额年均增长12%以上。', value: 12, year: 2026 },
    // A year alone still dates the figures after it in its paragraph.
    { passage: '（一）强化要素保障。到2025年，出台工业用地实施细则；引导金融机构加大投放，制造业贷款余额年均增长12%以上。', value: 12, year: 2025 },
  ])(
    '$passage',
    async ({ passage, value, year }) => {
      const state = await runText(FRONT + passage + '\n');
      const targets = (state.quantities ?? []).filter((q) => q.kind === 'target' && q.value === value);
      expect(targets.map((q) => q.year)).toEqual([year]);
    },
    30_000,
  );
});
