/** Milestone patterns on strings: phases, deadlines with qualitative goals, and what is not a milestone. */
import { describe, expect, it } from 'vitest';
import { findDeadlines, findGoalClauses, findPhases, findRecurring, sentenceEnd } from '../../../src/extract/milestones/find.js';
import { milestoneRules } from '../../../src/extract/milestones/rules.js';
import { collectMilestones } from '../../../src/extract/milestones/index.js';
import type { Provenance } from '../../../src/core/state.js';
import { rules } from './chain.js';

const compiled = () => milestoneRules(rules);

/** Goals under each deadline of `text`, in its sentence. */
function goals(text: string) {
  return findDeadlines(text, compiled()).flatMap((d) => findGoalClauses(text, d.after, sentenceEnd(text, d.after), d.end, compiled(), d.rule));
}

describe('phases', () => {
  it.each([
    { text: '（一）宣传发动阶段（2024年6月—2024年10月底）。印发方案', what: '宣传发动阶段', start: '2024-06', end: '2024-10' },
    { text: '组织实施阶段（2024年11月—2026年5月底）', what: '组织实施阶段', start: '2024-11', end: '2026-05' },
    { text: '动员部署阶段（2024年6月至8月）', what: '动员部署阶段', start: '2024-06', end: '2024-08' },
    { text: '巩固提升阶段（2025—2026年）', what: '巩固提升阶段', start: '2025', end: '2026' },
    { text: '试点推进阶段（2024.7—2025.6）', what: '试点推进阶段', start: '2024-07', end: '2025-06' },
    { text: '（一）动员部署阶段：2024年6月至2024年8月。', what: '动员部署阶段', start: '2024-06', end: '2024-08' },
    { text: '2024年6月—10月为宣传发动阶段，主要任务是', what: '宣传发动阶段', start: '2024-06', end: '2024-10' },
    { text: '总结验收阶段（2026年12月底前）', what: '总结验收阶段', start: null, end: '2026-12' },
    { text: "总结提升阶段（2026年）", what: "总结提升阶段", start: "2026", end: "2026" },
  ])('$text', ({ text, what, start, end }) => {
    const [p] = findPhases(text, compiled());
    expect(p).toMatchObject({ what, start, end });
  });

  it('a stage without dates is no milestone', () => {
    expect(findPhases('南京正处于建设引领性国家创新型城市加速阶段', compiled())).toEqual([]);
  });
});

describe('deadlines with qualitative goals', () => {
  it.each([
    { text: '力争2025年，建成国家级知识产权保护示范区。', what: ['建成国家级知识产权保护示范区'], end: '2025' },
    { text: '力争 2025 年，建成国家级知识产权保护示范区。', what: ['建成国家级知识产权保护示范区'], end: '2025' },
    { text: '到2025年，基本建成具有玄武特色的知识产权强区，知识产权治理能力进一步提升。', what: ['基本建成具有玄武特色的知识产权强区'], end: '2025' },
    { text: '“十四五”期间，玄武区建成知识产权高价值创造策源区，推进创造高质量；建成知识产权高绩效运用示范区。', what: ['建成知识产权高价值创造策源区', '建成知识产权高绩效运用示范区'], end: '2025' },
    { text: '力争到“十四五”末，全面实现主要目标，在全国率先建成知识产权强市，实现跨越。', what: ['率先建成知识产权强市'], end: '2025' },
    { text: '到2026年6月底前，打造区域知识产权服务高地。', what: ['打造区域知识产权服务高地'], end: '2026-06' },
    { text: '展望2035年，全面建成知识产权强市，知识产权成为高质量发展的重要支撑。', what: ['全面建成知识产权强市'], end: '2035' },
    { text: '到2025年底，基本建成知识产权公共服务体系。', what: ['基本建成知识产权公共服务体系'], end: '2025' },
    { text: '到2035年，国家知识产权保护示范区全面建成。', what: ['国家知识产权保护示范区全面建成'], end: '2035' },
  ])('$text', ({ text, what, end }) => {
    const got = goals(text);
    expect(got.map((g) => g.what)).toEqual(what);
    for (const g of got) expect(g.end).toBe(end);
  });

  it.each([
    ['a goal with a figure is a target', '到 2025 年， 建成 100 人左右的知识产权高层次人才库。'],
    ['no deadline, no milestone', '在全省率先建成知识产权工作站。'],
    ['a deadline without a goal verb', '预计到2025年，以上三项指标均可超额完成预期。'],
    ['goals counted in batches are vague quantities', '到2025年，打造一批知识产权强企。'],
    ['the goal verb deep inside a clause is not the clause’s goal', '到2025年，推动各类主体积极参与并逐步建成协同机制。'],
  ])('%s', (_why, text) => {
    expect(goals(text)).toEqual([]);
  });
});

describe('recurring duties', () => {
  it('每年 / 定期 give a recurring milestone without dates', () => {
    const got = findRecurring('每年发布知识产权保护状况白皮书，定期召开协商推进会议。', compiled());
    expect(got.map((g) => [g.recurring, g.what])).toEqual([
      ['每年', '发布知识产权保护状况白皮书'],
      ['定期', '召开协商推进会议'],
    ]);
  });
});

describe('bare years', () => {
  const text = '2022年，全市建成知识产权工作站。到2025年，建成知识产权强市。';
  const run = (lookingBack: boolean, issuedYear: number | null) =>
    collectMilestones({
      text,
      rules: compiled(),
      sections: [],
      includeRecurring: false,
      lookingBack,
      issuedYear,
      provenance: (start, end, rule): Provenance => ({ sectionPath: '', page: null, start, end, sentence: text.slice(start, end), sentenceIndex: -1, rule }),
    }).map((m) => m.what);

  it('an evaluation reports the past: 2022年，建成… is not a deadline, 到2025年 is', () => {
    expect(run(true, null)).toEqual(['建成知识产权强市']);
  });
  it('a plan issued in 2023 reports 2022 as past', () => {
    expect(run(false, 2023)).toEqual(['建成知识产权强市']);
  });
  it('a plan issued in 2021 sets 2022 as a deadline', () => {
    expect(run(false, 2021)).toEqual(['建成知识产权工作站', '建成知识产权强市']);
  });
});
