/**
 * Styles of the real development plans (corpora-real) that the sample plans
 * do not show, written as new passages from the pattern (never a sentence of
 * one document): deadlines stated once for a paragraph or a section, no
 * period at all, verb–number–measure–object goals, policy amounts that are
 * no goals.
 */
import { q, type ProbeCase } from './probe.js';

export const REAL_STYLES: ProbeCase[] = [
  // ---------------------------------------------------------------- horizon ---
  {
    id: 'rs-paragraph-deadline',
    style: 'horizon',
    doc: 'action-plan',
    heading: '二、发展目标',
    text: '到2027年，全市智能制造水平显著提升。培育30家左右智能制造领军企业，建成50个以上数字化车间。',
    targets: [q('智能制造领军企业', 30, '家', '~', 2027), q('数字化车间', 50, '个', '>=', 2027)],
  },
  {
    id: 'rs-section-deadline',
    style: 'horizon',
    doc: 'action-plan',
    heading: '二、主要目标',
    text: `到2026年，产业规模和创新能力迈上新台阶。
——创新能力大幅提升。新建省级重点实验室10家以上，攻克关键核心技术50项。
——产业规模持续壮大。核心产业营业收入突破800亿元。`,
    targets: [q('省级重点实验室', 10, '家', '>=', 2026), q('关键核心技术', 50, '项', '=', 2026), q('核心产业营业收入', 800, '亿元', '>', 2026)],
  },
  {
    id: 'rs-stage-deadlines',
    style: 'horizon',
    doc: 'action-plan',
    heading: '二、建设目标',
    text: `第一阶段到2025年，初步建立车路协同标准体系。制修订60项以上车路协同相关标准。
第二阶段到2030年，全面形成车路协同标准体系。制修订120项以上车路协同相关标准。`,
    targets: [q('车路协同相关标准', 60, '项', '>=', 2025), q('车路协同相关标准', 120, '项', '>=', 2030)],
  },
  {
    id: 'rs-document-deadline',
    style: 'horizon',
    doc: 'action-plan',
    heading: '二、发展目标',
    text: `到2027年，人工智能核心产业规模突破500亿元。
三、重点任务
（一）建设算力设施。到2025年，建成3个智算中心。
（二）培育市场主体。每年培育20家人工智能创新型企业。`,
    targets: [
      q('人工智能核心产业规模', 500, '亿元', '>', 2027),
      q('智算中心', 3, '个', '=', 2025),
      q('人工智能创新型企业', 20, '家', '=', 2027, { per_year: true }),
    ],
  },
  {
    id: 'rs-cited-plan-no-horizon',
    style: 'horizon',
    doc: 'action-plan',
    heading: '二、主要目标',
    text: '深入贯彻《“十四五”数字经济发展规划》和《工业互联网创新发展行动计划（2021—2023年）》，到2026年，培育工业互联网平台15个。',
    targets: [q('工业互联网平台', 15, '个', '=', 2026)],
  },
  {
    id: 'rs-cited-plan-only',
    style: 'horizon',
    doc: 'action-plan',
    heading: '三、重点任务',
    text: '落实《制造业数字化转型行动计划（2021—2023年）》，培育工业互联网平台15个。',
    targets: [q('工业互联网平台', 15, '个', '=', null)],
  },

  // ------------------------------------------------------------------ reports ---
  {
    id: 'rs-report-undated',
    style: 'report',
    doc: 'report',
    heading: '一、数字基础设施加快建设',
    text: '截至2023年底，全市累计建成5G基站2.1万个。全市千兆宽带用户达到120万户，比2020年增长3倍。',
    actuals: [q('5G基站', 2.1, '万个', '=', 2023, { cumulative: true }), q('千兆宽带用户', 120, '万户', '=', 2023), q('千兆宽带用户增长', 3, '倍', '=', 2023)],
  },
  {
    id: 'rs-report-from-to',
    style: 'report',
    doc: 'report',
    heading: '二、数字产业化稳步推进',
    text: '2023年，全市软件业务收入从2020年的800亿元增长到2023年的1350亿元，年均增长19%。电子商务交易额达到5600亿元。',
    actuals: [
      q('软件业务收入', 800, '亿元', '=', 2020),
      q('软件业务收入', 1350, '亿元', '=', 2023),
      q('软件业务收入年均增长', 19, '%', '=', 2023),
      q('电子商务交易额', 5600, '亿元', '=', 2023),
    ],
  },

  // ------------------------------------------------------ one template, many subjects ---
  {
    id: 'rs-sibling-zones',
    style: 'sibling sections',
    doc: 'action-plan',
    heading: '三、建设场景创新示范区',
    text: `到2027年，建成一批场景创新示范区。
（一）东部软件名城——打造软件应用场景高地
每年举办场景发布活动不少于3场，提供场景服务不少于100次。
（二）滨海氢能谷——打造氢能示范场景
每年举办场景发布活动不少于2场，提供场景服务不少于100次。
（三）北部数字港——打造物流数字化场景
每年举办场景发布活动不少于2场，建设智慧仓储示范项目10个。`,
    targets: [
      q('东部软件名城场景发布活动', 3, '场', '>=', 2027, { per_year: true }),
      q('东部软件名城场景服务', 100, '次', '>=', 2027, { per_year: true }),
      q('滨海氢能谷场景发布活动', 2, '场', '>=', 2027, { per_year: true }),
      q('滨海氢能谷场景服务', 100, '次', '>=', 2027, { per_year: true }),
      q('北部数字港场景发布活动', 2, '场', '>=', 2027, { per_year: true }),
      // A figure only one zone has is still that zone's: its section repeats the template.
      q('北部数字港智慧仓储示范项目', 10, '个', '=', 2027, { per_year: true }),
    ],
  },
  {
    // The goal restated in a task section of another part is the same fact.
    id: 'rs-restated-not-sibling',
    style: 'sibling sections',
    doc: 'action-plan',
    heading: '二、发展目标',
    text: `到2027年，培育省级专精特新企业500家。
三、重点任务
（一）壮大市场主体。培育省级专精特新企业500家。`,
    targets: [q('省级专精特新企业', 500, '家', '=', 2027)],
  },

  // ------------------------------------------------------------ section kinds ---
  {
    // 夯实…基础 is a task heading, not a 发展基础 review of achievements.
    id: 'rs-task-heading-with-situation-word',
    style: 'section kind',
    doc: 'province-plan',
    heading: '三、提升安全保障能力，夯实产业发展基础',
    text: '新建省级企业技术中心50家，严守2亿亩基本农田红线。',
    targets: [q('新建省级企业技术中心', 50, '家', '=', 2025), q('基本农田红线', 2, '亿亩', '=', 2025)],
  },
  {
    id: 'rs-situation-heading',
    style: 'section kind',
    doc: 'province-plan',
    heading: '一、发展基础',
    text: '全省高新技术企业达到2.6万家。',
    actuals: [q('高新技术企业', 2.6, '万家', '=', 2020)],
  },

  // ------------------------------------------------------------ markdown tables ---
  {
    id: 'rs-markdown-indicator-table',
    style: 'markdown table',
    doc: 'province-plan',
    heading: '二、主要指标',
    text: `| 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 |
| --- | --- | --- | --- | --- | --- |
| 1 | 数字经济核心产业增加值占GDP比重 | % | 7.8 | 10 | 预期性 |
| 2 | 每万人口高价值发明专利拥有量 | 件 | 6.2 | 12 | 预期性 |
| 3 | 千兆光网覆盖家庭 | 万户 | 300 | 1000 | 约束性 |`,
    targets: [
      q('数字经济核心产业增加值占GDP比重', 10, '%', '=', 2025),
      q('每万人口高价值发明专利拥有量', 12, '件', '=', 2025),
      q('千兆光网覆盖家庭', 1000, '万户', '=', 2025),
    ],
    actuals: [
      q('数字经济核心产业增加值占GDP比重', 7.8, '%', '=', 2020),
      q('每万人口高价值发明专利拥有量', 6.2, '件', '=', 2020),
      q('千兆光网覆盖家庭', 300, '万户', '=', 2020),
    ],
  },
];
