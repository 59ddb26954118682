/** Milestone patterns on strings: phases, deadlines with qualitative goals, and what is not a milestone. */
import { describe, expect, it } from 'vitest';
import { findDeadlines, findGoalClauses, findPhases, findRecurring, sentenceEnd } from '../../../src/extract/milestones/find.js';
import { milestoneRules } from '../../../src/extract/milestones/rules.js';
import { collectMilestones } from '../../../src/extract/milestones/index.js';
import type { Provenance } from '../../../src/core/state.js';
import { rules } from '../../support/role-chain.js';

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
    { text: '总结提升阶段（2026年）', what: '总结提升阶段', start: '2026', end: '2026' },
    // A phase heading whose dates open the next line or sentence.
    { text: '（一）动员部署阶段\n2023年3月—4月。各地制定具体实施方案。', what: '动员部署阶段', start: '2023-03', end: '2023-04' },
    { text: '二、集中整治阶段。2023年5月至10月，集中开展整治。', what: '集中整治阶段', start: '2023-05', end: '2023-10' },
    { text: '1.启动部署阶段\n（2023年3月—2023年4月）', what: '启动部署阶段', start: '2023-03', end: '2023-04' },
    // An ordinal step and its name: both kept, the dates after the name or between the two.
    { text: '第一阶段：启动部署（2023年1月—6月）。制定工作方案。', what: '第一阶段：启动部署', start: '2023-01', end: '2023-06' },
    { text: '第二阶段：全面推进阶段（2023年7月—2024年12月）', what: '第二阶段：全面推进', start: '2023-07', end: '2024-12' },
    { text: '第三步：全面推广（2024年10月—2025年6月）。', what: '第三步：全面推广', start: '2024-10', end: '2025-06' },
    { text: '第一阶段（2024年1月—3月）：调查摸底。', what: '第一阶段：调查摸底', start: '2024-01', end: '2024-03' },
    { text: '第二阶段（2024年4月—9月），试点推进，形成经验。', what: '第二阶段：试点推进', start: '2024-04', end: '2024-09' },
    { text: '第一阶段（2024年1月—3月）', what: '第一阶段', start: '2024-01', end: '2024-03' },
    { text: '第一阶段（2023—2024年）：试点示范。', what: '第一阶段：试点示范', start: '2023', end: '2024' },
    { text: '第二阶段：全面推广（2025—2026年）。', what: '第二阶段：全面推广', start: '2025', end: '2026' },
    { text: '第三阶段（2027年—2028年）', what: '第三阶段', start: '2027', end: '2028' },
    // Whole years assigned to a phase (为), one or a range.
    { text: '分阶段推进：2023年为试点探索阶段。', what: '试点探索阶段', start: '2023', end: '2023' },
    { text: '2024—2025年为全面推广阶段。', what: '全面推广阶段', start: '2024', end: '2025' },
    // A numbered step with one date: that month, or (with 前) its deadline.
    { text: '（三）总结提升（2024年11月）。总结经验。', what: '总结提升', start: '2024-11', end: '2024-11' },
    { text: '1.启动实施（2024年4月）：召开动员会。', what: '启动实施', start: '2024-04', end: '2024-04' },
    { text: '（一）动员部署（2024年6月底前）。各地制定方案。', what: '动员部署', start: null, end: '2024-06' },
    { text: '（一）自查自纠阶段（2024年5月31日前）', what: '自查自纠阶段', start: null, end: '2024-05' },
  ])('$text', ({ text, what, start, end }) => {
    const found = findPhases(text, compiled());
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ what, start, end });
  });

  it.each([
    ['a stage without dates is no milestone', '南京正处于建设引领性国家创新型城市加速阶段'],
    ['a stage closing a sentence reports the months after it', '我省正处于转型升级的关键阶段。2023年1月至6月，全省完成投资增长。'],
    ['an ordinal step without dates', '第一阶段：启动部署。制定工作方案。'],
    ['a numbered heading with a year only', '（一）加强组织领导（2024年）。'],
    ['a year described as a stage (是), not assigned one', '2021年是“十四五”开局的关键阶段。'],
    ['a date in brackets inside a sentence', '各地要在规定时间内（2024年6月底前）完成自查。'],
  ])('%s', (_why, text) => {
    expect(findPhases(text, compiled())).toEqual([]);
  });
});

describe('deadlines with qualitative goals', () => {
  it.each([
    { text: '力争2025年，建成国家级知识产权保护示范区。', what: ['建成国家级知识产权保护示范区'], end: '2025' },
    { text: '力争 2025 年，建成国家级知识产权保护示范区。', what: ['建成国家级知识产权保护示范区'], end: '2025' },
    { text: '到2025年，基本建成具有玄武特色的知识产权强区，知识产权治理能力进一步提升。', what: ['基本建成具有玄武特色的知识产权强区'], end: '2025' },
    {
      text: '“十四五”期间，玄武区建成知识产权高价值创造策源区，推进创造高质量；建成知识产权高绩效运用示范区。',
      what: ['建成知识产权高价值创造策源区', '建成知识产权高绩效运用示范区'],
      end: '2025',
    },
    { text: '力争到“十四五”末，全面实现主要目标，在全国率先建成知识产权强市，实现跨越。', what: ['率先建成知识产权强市'], end: '2025' },
    { text: '到2026年6月底前，打造区域知识产权服务高地。', what: ['打造区域知识产权服务高地'], end: '2026-06' },
    { text: '展望2035年，全面建成知识产权强市，知识产权成为高质量发展的重要支撑。', what: ['全面建成知识产权强市'], end: '2035' },
    { text: '到2025年底，基本建成知识产权公共服务体系。', what: ['基本建成知识产权公共服务体系'], end: '2025' },
    { text: '到2025年底前，基本建成知识产权公共服务体系。', what: ['基本建成知识产权公共服务体系'], end: '2025-12' },
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

/** Milestones of `text` as the stage reads them (deadline scopes, sections none unless given). */
function milestonesOf(text: string, issuedYear: number | null = null, sections: Parameters<typeof collectMilestones>[0]['sections'] = []) {
  return collectMilestones({
    text,
    rules: compiled(),
    sections,
    includeRecurring: false,
    lookingBack: false,
    issuedYear,
    provenance: (start, end, rule): Provenance => ({ sectionPath: '', page: null, start, end, sentence: text.slice(start, end), sentenceIndex: -1, rule }),
  }).map((m) => `${m.what}@${m.end}`);
}

describe('stated goals: a clause under a deadline that names a state reached', () => {
  it.each([
    { text: '到2020年，智能服务机器人实现规模化应用，产品类别明显丰富。', want: ['智能服务机器人实现规模化应用@2020'] },
    { text: '到2027年，数据要素市场基本建立，算力规模显著提升。', want: ['数据要素市场基本建立@2027'] },
    { text: '到2025年，部分领域达到国际先进水平，产业规模稳步提升。', want: ['部分领域达到国际先进水平@2025'] },
    { text: '力争到2025年，具有国际竞争力的数字产业集群初步形成。', want: ['具有国际竞争力的数字产业集群初步形成@2025'] },
    { text: '到2030年，全面形成支撑协同发展的标准体系。', want: ['全面形成支撑协同发展的标准体系@2030'] },
    { text: '展望2035年，数字经济迈向繁荣成熟期。', want: ['数字经济迈向繁荣成熟期@2035'] },
    { text: '到2025年，我省信息技术创新能力全国领先。', want: ['我省信息技术创新能力全国领先@2025'] },
    { text: '至2027年，量子城市创新基地建设成效初显。', want: ['量子城市创新基地建设成效初显@2027'] },
    { text: '到2035年，美丽河湖基本建成，水生态环境根本好转。', want: ['美丽河湖基本建成@2035', '水生态环境根本好转@2035'] },
    {
      text: '到2027年，构建传统产业协同联动的发展格局，形成可持续发展的长效机制。',
      want: ['构建传统产业协同联动的发展格局@2027', '形成可持续发展的长效机制@2027'],
    },
    { text: '到2025年，——支撑体系基本完善。', want: ['支撑体系基本完善@2025'] },
    { text: '2030年前，全市数据要素市场体系基本建成。', want: ['全市数据要素市场体系基本建成@2030'] },
    { text: '2025年底前，全省政务数据实现按需共享。', want: ['实现按需共享@2025-12'] },
    { text: '到2027年，全市形成协同高效的科技创新体系，建成一流创新平台。', want: ['全市形成协同高效的科技创新体系@2027', '建成一流创新平台@2027'] },
  ])('$text', ({ text, want }) => {
    expect(milestonesOf(text)).toEqual(want);
  });

  it.each([
    ['a trend is no point reached', '到2025年，数字经济竞争力和影响力稳步提升，治理体系更加完善。'],
    ['a breakthrough is a trend', '到2027年，关键核心技术实现重大突破。'],
    ['a figure makes a target', '到2025年，培育专精特新企业达到1000家。'],
    ['a figure written in characters makes a target', '到2025年，形成百项标志性产品。'],
    ['a batch is a vague quantity', '到2025年，形成一批应用解决方案。'],
    ['an action verb opens a task, not a goal', '到2025年，加快推进产业链协同，强化机制建设。'],
    ['what an action forms belongs to the action', '到2026年，强化司法保护衔接机制，形成知识产权保护格局。'],
    ['a purpose without its own subject belongs to the clause before', '到2020年，建成全国统一的林业数据库，实现信息资源共建共享。'],
    ['构建 closing a clause reports a state', '到2025年，公共服务体系初步构建。'],
    ['a goal the plan only serves', '展望2035年，助力上海建成卓越的全球城市。'],
    ['a bare year is no deadline for a stated goal', '2009年，林业信息资源开发利用实现最佳。'],
    ['截至 reports a date reached', '截至2022年6月，算力基础设施达到世界领先水平。'],
    ['全覆盖 is a qualitative target', '到2025年，实现乡镇卫生院、社区卫生服务中心中医馆全覆盖。'],
    ['全覆盖 closing a stated goal is a qualitative target', '到2025年，县区级城市运行管理分中心实现全覆盖。'],
    ['a goal described as 全覆盖 is the target restated', '到2020年，形成全覆盖的林业感知和传输网络。'],
  ])('%s', (_why, text) => {
    expect(milestonesOf(text).filter((m) => !m.startsWith('建成全国统一'))).toEqual([]);
  });
});

describe('how far a deadline reaches', () => {
  it('a deadline opening its paragraph governs the paragraph, up to the next deadline', () => {
    const text = '到2025年，产业规模稳步提升。初步形成符合实际的发展模式。到2027年，重点产业实现规模化发展。\n下一段里建成协同机制。';
    expect(milestonesOf(text)).toEqual(['初步形成符合实际的发展模式@2025', '重点产业实现规模化发展@2027']);
  });

  it('a deadline inside a paragraph governs its sentence only', () => {
    const text = '深化金融创新，聚焦八大产业链，稳妥推进证券化，力争到2025年，每个产业链发行储架规模10亿元。推动混合质押，形成可复制、可推广的证券化模板。';
    expect(milestonesOf(text)).toEqual([]);
  });

  it('a deadline that introduces a list (…的主要目标是：) governs the list', () => {
    const text = '“十四五”时期实施扩大内需战略的主要目标是：\n——完善市场体系。高标准市场体系基本建成。\n——畅通循环。开放型经济新体制基本形成。';
    expect(milestonesOf(text)).toEqual(['高标准市场体系基本建成@2025', '开放型经济新体制基本形成@2025']);
  });

  it('a deadline before the year of issue reports the past', () => {
    expect(milestonesOf('“十三五”期间，探索建立知识产权一体化平台。', 2022)).toEqual([]);
    expect(milestonesOf('到2020年，建成知识产权一体化平台。', 2022)).toEqual([]);
    expect(milestonesOf('到2020年，建成知识产权一体化平台。', 2017)).toEqual(['建成知识产权一体化平台@2020']);
  });

  it('a task section opened by a deadline: its goal verbs count, its descriptions (X实现Y) do not', () => {
    const text = '四、重点任务\n到2025年，建成知识产权强市。\n（一）企业创新。规上企业实现数字化转型。\n';
    const head = text.indexOf('四、');
    const sub = text.indexOf('（一）');
    const sections = [
      { path: '四', heading: '重点任务', start: head, headingStart: head, headingEnd: text.indexOf('\n', head), end: text.length },
      { path: '四/（一）', heading: '企业创新', start: sub, headingStart: sub, headingEnd: sub + 7, end: text.length },
    ] as unknown as Parameters<typeof collectMilestones>[0]['sections'];
    expect(milestonesOf(text, null, sections)).toEqual(['建成知识产权强市@2025']);
  });

  it('a goals section: the deadline in its first paragraph governs the goals after it', () => {
    const text = '（二）主要目标\n通过实施六大行动，到2025年，制造业创新能力显著增强。\n——未来产业。未来产业体系初步建立。\n三、重点任务\n建立协同机制。';
    const head = text.indexOf('（二）');
    const tasks = text.indexOf('三、');
    const sections = [
      { path: '（二）', heading: '主要目标', start: head, headingStart: head, headingEnd: text.indexOf('\n', head), end: tasks },
      { path: '三', heading: '重点任务', start: tasks, headingStart: tasks, headingEnd: text.indexOf('\n', tasks), end: text.length },
    ] as unknown as Parameters<typeof collectMilestones>[0]['sections'];
    expect(milestonesOf(text, null, sections)).toEqual(['未来产业体系初步建立@2025']);
  });
});

describe('schedules: a part of a year, a month or a year’s end straight before the action', () => {
  const scheduled = (text: string, issued: string | null = null, lookingBack = false) =>
    collectMilestones({
      text,
      rules: compiled(),
      sections: [],
      includeRecurring: false,
      lookingBack,
      issuedYear: issued ? Number(issued.slice(0, 4)) : null,
      issuedMonth: issued,
      provenance: (start, end, rule): Provenance => ({ sectionPath: '', page: null, start, end, sentence: text.slice(start, end), sentenceIndex: -1, rule }),
    }).map((m) => `${m.what}@${m.end}`);

  it.each([
    { text: '2023年上半年完成平台升级改造。', want: ['完成平台升级改造@2023-06'] },
    { text: '2023年下半年完成数据归集。', want: ['完成数据归集@2023-12'] },
    { text: '2024年第一季度前出台配套政策。', want: ['出台配套政策@2024-03'] },
    { text: '2025年三季度完成验收工作。', want: ['完成验收工作@2025-09'] },
    { text: '2023年底完成全省数据归集工作。', want: ['完成全省数据归集工作@2023-12'] },
    { text: '2024年6月底建成全市统一的数据平台。', want: ['建成全市统一的数据平台@2024-06'] },
    { text: '各区于2024年年中完成摸底。', want: ['完成摸底@2024-06'] },
    { text: '2023年底完成全省数据归集工作。', issued: '2023-04', want: ['完成全省数据归集工作@2023-12'] },
    { text: '2023年上半年完成平台升级改造。', issued: '2023-03', want: ['完成平台升级改造@2023-06'] },
    // 年年底 / 年内: by the end of the year written, not of the document's own year.
    { text: '各区2025年年底前完成摸底调查。', issued: '2023-03', want: ['完成摸底调查@2025-12'] },
    { text: '2025年内建成市级数据中心。', issued: '2023-03', want: ['建成市级数据中心@2025-12'] },
    // A bare year straight before a goal verb, in a document that looks forward.
    { text: '2025年全面建成智慧城市。', issued: '2023-03', want: ['全面建成智慧城市@2025'] },
  ])('$text (issued $issued)', ({ text, issued, want }) => {
    expect(scheduled(text, issued ?? null)).toEqual(want);
  });

  it.each([
    { why: 'a schedule whose month has passed when the document was issued', text: '2023年上半年完成平台升级改造。', issued: '2023-09' },
    { why: 'an evaluation reports its schedules as done', text: '2022年底完成全省数据归集工作。', issued: null, lookingBack: true },
    { why: 'the completed aspect (了) reports what was done', text: '2024年6月印发了《数据条例》。', issued: null },
    { why: 'a month that starts something (起) is no deadline', text: '2024年6月起实施新的办法。', issued: null },
    { why: 'a month that opens a range is no deadline', text: '2023年5月至10月开展专项整治。', issued: null },
    { why: 'a bare year before a goal verb, up to the year of issue, reports it', text: '2022年全面建成智慧城市。', issued: '2023-03' },
    { why: 'a bare year before anything but a goal verb', text: '2025年全市数据要素市场规模扩大。', issued: '2023-03' },
  ])('$why', ({ text, issued, lookingBack }) => {
    expect(scheduled(text, issued, lookingBack ?? false)).toEqual([]);
  });

  it('a deadline with 前 stays a deadline whenever it was written', () => {
    expect(scheduled('2023年6月底前完成平台升级改造。', '2023-09')).toEqual(['完成平台升级改造@2023-06']);
  });
});

describe('a deadline that closes its task', () => {
  it.each([
    { text: '制定数据分类分级指南，2024年底前完成。', want: ['制定数据分类分级指南@2024-12'] },
    { text: '集中整治侵权假冒问题（2024年6月底前完成）。', want: ['集中整治侵权假冒问题@2024-06'] },
    { text: '建立全市统一的公共数据平台（2025年底前）。', want: ['建立全市统一的公共数据平台@2025-12'] },
    { text: '开展企业摸底。梳理重点企业名单，2024年9月底前报送。', want: [] },
    { text: '开展企业摸底。梳理重点企业名单，2024年9月底前完成。', want: ['梳理重点企业名单@2024-09'] },
  ])('$text', ({ text, want }) => {
    expect(milestonesOf(text)).toEqual(want);
  });

  it.each([
    ['a task with a figure is a target’s', '培育专精特新企业100家，2025年底前完成。'],
    ['a horizon (到2025年) is no deadline of a task', '建立公共数据平台，到2025年。'],
    ['more words after the deadline make it the opening of the next goal', '建立平台，2025年底前完成建设并投入使用。'],
  ])('not closing: %s', (_why, text) => {
    expect(milestonesOf(text).filter((m) => m.includes('建立平台') || m.includes('专精特新') || m.includes('公共数据平台'))).toEqual([]);
  });

  it('on a titled item’s line the title is the task', () => {
    const text = '（三）开展专项整治行动。集中整治侵权假冒问题（2024年6月底前完成）。';
    const sections = [{ path: '（三）', heading: '开展专项整治行动', start: 0, headingStart: 0, headingEnd: 11, end: text.length }] as unknown as Parameters<
      typeof collectMilestones
    >[0]['sections'];
    expect(milestonesOf(text, null, sections)).toEqual(['开展专项整治行动@2024-06']);
  });
});

describe('a month without its year: the document’s own year', () => {
  const inYear = (text: string, year: number | null) =>
    collectMilestones({
      text,
      rules: compiled(),
      sections: [],
      includeRecurring: false,
      lookingBack: true,
      issuedYear: year,
      currentYear: year,
      provenance: (start, end, rule): Provenance => ({ sectionPath: '', page: null, start, end, sentence: text.slice(start, end), sentenceIndex: -1, rule }),
    }).map((m) => `${m.what}@${m.end}`);

  it.each([
    { text: '各单位于5月底前完成自查评估工作。', want: ['完成自查评估工作@2022-05'] },
    { text: '考核办公室10月底完成考核结果汇总。', want: ['完成考核结果汇总@2022-10'] },
    { text: '6月30日前将评估报告报送市考核办。', want: ['将评估报告报送市考核办@2022-06'] },
    // 2025年年底前: the year written, not the document's own year.
    { text: '各区2025年年底前完成摸底调查。', want: ['完成摸底调查@2025-12'] },
  ])('$text', ({ text, want }) => {
    expect(inYear(text, 2022)).toEqual(want);
  });

  it.each<{ why: string; text: string; year: number | null }>([
    { why: 'a bare month reports when something happened', text: '6月，完成全市知识产权执法检查。', year: 2022 },
    { why: 'a month inside a dated range is a phase, not a deadline', text: '2022年3月—5月底完成自查。', year: 2022 },
    { why: 'no year of its own and none of the document', text: '5月底前完成自查评估工作。', year: null },
  ])('$why', ({ text, year }) => {
    expect(inYear(text, year)).toEqual([]);
  });

  it('a figure in brackets or a title is a reference, not the goal’s figure', () => {
    expect(milestonesOf('于2022年6月30日前将《项目推荐汇总表》（附件4）报送至市场监管总局。')).toEqual([
      '将《项目推荐汇总表》（附件4）报送至市场监管总局@2022-06',
    ]);
  });
});

describe('when the work falls: a stretch of the year, a year of its own, the year’s end', () => {
  /** Milestones as `what@start→end`, for a document issued in `issued` whose own year is `year`. */
  const dated = (
    text: string,
    { issued = null, year = null, lookingBack = false }: { issued?: string | null; year?: number | null; lookingBack?: boolean } = {},
  ) =>
    collectMilestones({
      text,
      rules: compiled(),
      sections: [],
      includeRecurring: false,
      lookingBack,
      issuedYear: issued ? Number(issued.slice(0, 4)) : null,
      issuedMonth: issued,
      currentYear: year,
      provenance: (start, end, rule): Provenance => ({ sectionPath: '', page: null, start, end, sentence: text.slice(start, end), sentenceIndex: -1, rule }),
    }).map((m) => `${m.what}@${m.start ?? '…'}→${m.end}`);

  it.each([
    // A part of the year without 前 is a stretch: it starts with the part's first month.
    { text: '2025年第三季度开展达标验收。', want: ['开展达标验收@2025-07→2025-09'] },
    { text: '2025年下半年开展方案实施中期评估。', want: ['开展方案实施中期评估@2025-07→2025-12'] },
    { text: '2024年上半年完成平台升级改造。', want: ['完成平台升级改造@2024-01→2024-06'] },
    // With 前, or at a point of the year (年中), only the end.
    { text: '2024年第一季度前出台配套政策。', want: ['出台配套政策@…→2024-03'] },
    { text: '各区于2024年年中完成摸底。', want: ['完成摸底@…→2024-06'] },
    // The document's own year where the part stands without one.
    { text: '（二）保障水源。第三季度完成乡镇级水源保护区规范化建设。', year: 2025, want: ['完成乡镇级水源保护区规范化建设@2025-07→2025-09'] },
    { text: '（一）出台标准。下半年开展达标验收。', year: 2025, want: ['开展达标验收@2025-07→2025-12'] },
    { text: '（一）出台标准。一季度前出台建设标准。', year: 2025, want: ['出台建设标准@…→2025-03'] },
    { text: '（二）保障水源。第三季度完成水源保护区规范化建设。', issued: '2025-02', year: 2025, want: ['完成水源保护区规范化建设@2025-07→2025-09'] },
    // A bare year straight before 开展/启动 schedules the work in that year, where the document looks forward.
    {
      text: '建立监测评估机制，2023年开展规划中期评估，2025年开展终期评估。',
      issued: '2022-03',
      want: ['开展规划中期评估@2023→2023', '开展终期评估@2025→2025'],
    },
    { text: '2026年启动第二轮示范创建。', issued: '2024-05', want: ['启动第二轮示范创建@2026→2026'] },
    // 年底 / 年末 / 年内 name December: the end keeps the month (FORMAT.md).
    { text: '2025年底前建成营商环境监测平台。', want: ['建成营商环境监测平台@…→2025-12'] },
    { text: '到2026年末，基本建成应急指挥体系。', want: ['基本建成应急指挥体系@…→2026'] },
    { text: '（一）推进立法。年底前完成立法调研。', year: 2024, want: ['完成立法调研@…→2024-12'] },
    // 实现 after a goal of its sentence is that goal's purpose; on its own it is the goal.
    { text: '2025年底前建成营商环境监测平台，实现主要指标动态监测、及时预警。', want: ['建成营商环境监测平台@…→2025-12'] },
    { text: '2025年6月底前，实现市政公用服务报装全程网办。', want: ['实现市政公用服务报装全程网办@…→2025-06'] },
    { text: '2025年6月底前实现报装全程网办，建成市政接入服务平台。', want: ['实现报装全程网办@…→2025-06', '建成市政接入服务平台@…→2025-06'] },
    // A goal joined by 并 to the goal before it is part of that goal; without 并 it is one of its own.
    {
      text: '区教育局将于2025年12月底前完成规划实施总结评估，并启动“十五五”教育发展规划编制工作。',
      want: ['完成规划实施总结评估，并启动“十五五”教育发展规划编制工作@…→2025-12'],
    },
    { text: '2025年12月底前完成规划实施总结评估，启动规划编制工作。', want: ['完成规划实施总结评估@…→2025-12', '启动规划编制工作@…→2025-12'] },
    // A five-year period's 末 is its last year, not a month.
    { text: '到“十四五”末，建成知识产权强市。', want: ['建成知识产权强市@…→2025'] },
    // An evaluation's 下一步: a schedule after the month of issue lies ahead.
    { text: '2025年下半年启动规划实施总结评估。', issued: '2024-06', lookingBack: true, want: ['启动规划实施总结评估@2025-07→2025-12'] },
    // …and so does a bare year after the year of issue.
    { text: '（二）加快推进重大项目建设。绵苍巴高速2025年建成通车。', issued: '2024-06', lookingBack: true, want: ['建成通车@…→2025'] },
    // A year named in the goal (2024年度) is a date, not the goal's figure.
    { text: '于6月底前完成2024年度省级督察交办问题整改。', year: 2025, want: ['完成2024年度省级督察交办问题整改@…→2025-06'] },
  ])('$text', ({ text, want, ...when }) => {
    expect(dated(text, when)).toEqual(want);
  });

  it.each([
    { why: 'every quarter is a recurring duty, not a stretch of one year', text: '（一）健全调度。每季度开展一次调度。', year: 2025 },
    { why: 'a quarter with no year of its own and none of the document', text: '（一）出台标准。第三季度开展达标验收。', year: null },
    {
      why: 'a part of the document’s year that has passed when it was issued reports it',
      text: '（一）平台建设。上半年完成平台升级改造。',
      issued: '2024-09',
      year: 2024,
    },
    {
      why: 'an evaluation reports a part of its year as done',
      text: '（一）平台建设。上半年完成平台升级改造。',
      year: 2024,
      lookingBack: true,
    },
    { why: 'a bare year before 开展, up to the year of issue, reports it', text: '2021年开展规划中期评估。', issued: '2022-03' },
    { why: 'an evaluation reports a bare year’s work as done', text: '2023年开展规划中期评估。', lookingBack: true },
    { why: 'an evaluation’s schedule up to its month of issue is past', text: '2024年上半年完成平台升级改造。', issued: '2024-09', lookingBack: true },
    { why: 'a bare year before any other verb', text: '2026年全市数字经济规模扩大。', issued: '2024-05' },
    { why: 'a figure beside a year named in the goal is a target', text: '于6月底前完成2024年度问题整改30项。', year: 2025 },
    { why: 'a bare year in the goal measures against a target', text: '预计到2025年，以上指标均可完成，已提前完成2025年预期目标。', issued: '2023-05' },
    { why: 'an evaluation’s bare year up to its year of issue reports the past', text: '绵苍巴高速2024年建成通车。', issued: '2024-06', lookingBack: true },
  ])('none: $why', ({ text, ...when }) => {
    expect(dated(text, when)).toEqual([]);
  });
});

describe('a schedule section whose items open with their dates', () => {
  /** `body` under the heading `heading`, read as one section: milestones as `what@start→end`. */
  const steps = (heading: string, body: string) => {
    const text = `${heading}\n${body}`;
    const sections = [
      { path: '四', heading: heading.replace(/^四、/u, ''), start: 0, headingStart: 0, headingEnd: heading.length, end: text.length },
    ] as unknown as Parameters<typeof collectMilestones>[0]['sections'];
    return collectMilestones({
      text,
      rules: compiled(),
      sections,
      includeRecurring: false,
      lookingBack: false,
      issuedYear: 2023,
      issuedMonth: '2023-04',
      provenance: (start, end, rule): Provenance => ({ sectionPath: '', page: null, start, end, sentence: text.slice(start, end), sentenceIndex: -1, rule }),
    }).map((m) => `${m.what}@${m.start ?? '…'}→${m.end}`);
  };

  it.each([
    { heading: '四、实施步骤', body: '（一）2023年，制定各市实施方案，建立统计监测体系。', want: ['制定各市实施方案@2023→2023'] },
    { heading: '四、实施步骤', body: '（二）2024年至2025年，全面实施五大行动。', want: ['全面实施五大行动@2024→2025'] },
    { heading: '四、实施步骤', body: '（三）2026—2030年，巩固提升。', want: ['巩固提升@2026→2030'] },
    { heading: '四、进度安排', body: '1.2023年5月—6月：开展摸底调查。', want: ['开展摸底调查@2023-05→2023-06'] },
    { heading: '四、时间安排', body: '2024年3月，召开动员部署会议。', want: ['召开动员部署会议@2024-03→2024-03'] },
    { heading: '四、工作步骤', body: '第一步：2023年7月至12月，完成试点。', want: ['完成试点@2023-07→2023-12'] },
  ])('$heading $body', ({ heading, body, want }) => {
    expect(steps(heading, body)).toEqual(want);
  });

  it.each([
    { why: 'outside a schedule section a year opening a line reports what happened', heading: '四、发展基础', body: '（一）2023年，全市完成数据归集工作。' },
    { why: 'a year’s end is a deadline, which the deadline rules read', heading: '四、实施步骤', body: '（一）2023年底，报送工作总结材料。' },
    { why: 'a date inside the item is no step’s date', heading: '四、实施步骤', body: '（一）召开动员会议，2023年，各地推进实施。' },
  ])('none: $why', ({ heading, body }) => {
    expect(steps(heading, body).filter((m) => !m.includes('→2023-12'))).toEqual([]);
  });
});
