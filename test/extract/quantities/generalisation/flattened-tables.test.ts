/**
 * Indicator tables flattened by the source, read by the real pipeline: a
 * 十四五 主要指标表 (类别 | 指标 | 单位 | 2020年（基期）| 2025年（目标）| 属性)
 * written one cell per line as web pages copy out, with every line followed by
 * a blank line as PDF-to-text tools write it, with the header in a paragraph
 * of its own, and as TAB rows. Each case is scored against its expected
 * targets and actuals with the evaluator's matching; the negative cases are
 * short-line prose (lists, signatures, contact blocks) that must yield nothing.
 */
import { describe, expect, it } from 'vitest';
import { q, scoreCase, type Expected, type ProbeCase } from './probe.js';

type Rows = string[][];

/** Web page copied to text: every cell on its own line; a merged cell is written once (empty cells are left out). */
const stacked = (rows: Rows) => rows.flatMap((row) => row.filter((cell) => cell !== '')).join('\n') + '\n';
/** PDF-to-text: every printed line followed by a blank line. */
const spaced = (rows: Rows) => rows.flatMap((row) => row.filter((cell) => cell !== '')).join('\n\n') + '\n';
/** The header in a paragraph of its own, then each row a paragraph of one cell per line. */
const headerApart = (rows: Rows) => rows.map((row) => row.filter((cell) => cell !== '').join('\n')).join('\n\n') + '\n';
/** One row per line, cells between TABs, the header apart from the rows by a blank line. */
const tabRows = (rows: Rows) =>
  `${rows[0]!.join('\t')}\n\n${rows
    .slice(1)
    .map((row) => row.join('\t'))
    .join('\n')}\n`;

/** One row per line, cells apart by runs of spaces (text copied out of a page or a PDF); merged cells left out. */
const spaceRows = (gap: string) => (rows: Rows) => rows.map((row) => row.filter((cell) => cell !== '').join(gap)).join('\n') + '\n';

const PLAN_TABLE: Rows = [
  ['类别', '指标', '单位', '2020年（基期）', '2025年（目标）', '属性'],
  ['创新投入', '全社会研究与试验发展经费投入强度', '%', '2.88', '3.3', '预期性'],
  ['', '基础研究经费占研发经费比重', '%', '4.5', '8', '预期性'],
  ['创新产出', '每万人口高价值发明专利拥有量', '件', '6.3', '12', '预期性'],
  ['', '技术合同成交额', '亿元', '1200', '2500', '预期性'],
  ['绿色发展', '单位地区生产总值能耗降低', '%', '—', '〔14〕', '约束性'],
];
const PLAN_ACTUALS = [
  q('全社会研究与试验发展经费投入强度', 2.88, '%', '=', 2020),
  q('基础研究经费占研发经费比重', 4.5, '%', '=', 2020),
  q('每万人口高价值发明专利拥有量', 6.3, '件', '=', 2020),
  q('技术合同成交额', 1200, '亿元', '=', 2020),
];
const PLAN_TARGETS = [
  q('全社会研究与试验发展经费投入强度', 3.3, '%', '=', 2025),
  q('基础研究经费占研发经费比重', 8, '%', '=', 2025),
  q('每万人口高价值发明专利拥有量', 12, '件', '=', 2025),
  q('技术合同成交额', 2500, '亿元', '=', 2025),
  q('单位地区生产总值能耗降低', 14, '%', '=', 2025, { cumulative: true }),
];

const SERIAL_TABLE: Rows = [
  ['序号', '类别', '指标名称', '单位', '2020年基期值', '2025年目标值'],
  ['1', '数字产业化', '数字经济核心产业增加值', '亿元', '35', '60'],
  ['2', '', '软件业务收入', '亿元', '12', '≥30'],
  ['3', '产业数字化', '规模以上工业企业数字化改造覆盖率', '%', '60', '100'],
  ['4', '', '上云企业数', '家', '800', '2000'],
];
const SERIAL_ACTUALS = [
  q('数字经济核心产业增加值', 35, '亿元', '=', 2020),
  q('软件业务收入', 12, '亿元', '=', 2020),
  q('规模以上工业企业数字化改造覆盖率', 60, '%', '=', 2020),
  q('上云企业数', 800, '家', '=', 2020),
];
const SERIAL_TARGETS = [
  q('数字经济核心产业增加值', 60, '亿元', '=', 2025),
  q('软件业务收入', 30, '亿元', '>=', 2025),
  q('规模以上工业企业数字化改造覆盖率', 100, '%', '=', 2025),
  q('上云企业数', 2000, '家', '=', 2025),
];

/** Neither a 属性 column nor a 序号: rows are as wide as the header. */
const PLAIN_TABLE: Rows = [
  ['指标名称', '单位', '2022年', '2025年'],
  ['有效发明专利拥有量', '万件', '2.1', '3.0'],
  ['知识产权质押融资金额', '亿元', '45', '80'],
  ['PCT国际专利申请量', '件', '320', '500'],
];
const PLAIN_ACTUALS = [
  q('有效发明专利拥有量', 2.1, '万件', '=', 2022),
  q('知识产权质押融资金额', 45, '亿元', '=', 2022),
  q('PCT国际专利申请量', 320, '件', '=', 2022),
];
const PLAIN_TARGETS = [
  q('有效发明专利拥有量', 3.0, '万件', '=', 2025),
  q('知识产权质押融资金额', 80, '亿元', '=', 2025),
  q('PCT国际专利申请量', 500, '件', '=', 2025),
];

const TITLE = '表1 “十四五”主要指标';
const AFTER = '\n三、重点任务\n（一）强化基础研究。加大基础研究投入，建设一批重点实验室。';

function tableCase(id: string, doc: ProbeCase['doc'], rows: Rows, flatten: (rows: Rows) => string, actuals: Expected[], targets: Expected[]): ProbeCase {
  return { id, style: 'flattened table', doc, heading: `二、发展目标\n${TITLE}`, text: flatten(rows) + AFTER, actuals, targets };
}

const POSITIVE: ProbeCase[] = [
  tableCase('stacked-attribute-column', 'province-plan', PLAN_TABLE, stacked, PLAN_ACTUALS, PLAN_TARGETS),
  tableCase('stacked-pdf-spacing', 'province-plan', PLAN_TABLE, spaced, PLAN_ACTUALS, PLAN_TARGETS),
  tableCase('stacked-header-apart', 'province-plan', PLAN_TABLE, headerApart, PLAN_ACTUALS, PLAN_TARGETS),
  tableCase('tab-rows-header-apart', 'province-plan', PLAN_TABLE, tabRows, PLAN_ACTUALS, PLAN_TARGETS),
  tableCase('space-rows', 'province-plan', PLAN_TABLE, spaceRows('    '), PLAN_ACTUALS, PLAN_TARGETS),
  tableCase('ideographic-space-rows', 'province-plan', PLAN_TABLE, spaceRows('\u3000\u3000'), PLAN_ACTUALS, PLAN_TARGETS),
  tableCase('space-rows-serial', 'county-plan', SERIAL_TABLE, spaceRows('  '), SERIAL_ACTUALS, SERIAL_TARGETS),
  tableCase('stacked-serial-column', 'county-plan', SERIAL_TABLE, stacked, SERIAL_ACTUALS, SERIAL_TARGETS),
  tableCase('stacked-serial-pdf-spacing', 'county-plan', SERIAL_TABLE, spaced, SERIAL_ACTUALS, SERIAL_TARGETS),
  tableCase('stacked-header-width', 'work-plan', PLAIN_TABLE, stacked, PLAIN_ACTUALS, PLAIN_TARGETS),
  tableCase('stacked-header-width-apart', 'work-plan', PLAIN_TABLE, headerApart, PLAIN_ACTUALS, PLAIN_TARGETS),
  {
    // 序号 and 属性 both: each row starts with its number and ends with its attribute.
    id: 'stacked-serial-and-attribute',
    style: 'flattened table',
    doc: 'national-plan',
    heading: '二、主要目标\n专栏1 “十四五”知识产权发展主要指标',
    text:
      stacked([
        ['序号', '指标', '2020年', '2025年', '属性'],
        ['1', '每万人口高价值发明专利拥有量（件）', '6.3', '12', '预期性'],
        ['2', '海外发明专利授权量（万件）', '4', '9', '预期性'],
        ['3', '知识产权使用费年进出口总额（亿元）', '3194.4', '3500', '预期性'],
      ]) + AFTER,
    actuals: [
      q('每万人口高价值发明专利拥有量', 6.3, '件', '=', 2020),
      q('海外发明专利授权量', 4, '万件', '=', 2020),
      q('知识产权使用费年进出口总额', 3194.4, '亿元', '=', 2020),
    ],
    targets: [
      q('每万人口高价值发明专利拥有量', 12, '件', '=', 2025),
      q('海外发明专利授权量', 9, '万件', '=', 2025),
      q('知识产权使用费年进出口总额', 3500, '亿元', '=', 2025),
    ],
  },
];

/** Short lines that are not tables: nothing may be read from them. */
const NEGATIVE: ProbeCase[] = [
  {
    id: 'signature-and-attachments',
    style: 'short-line prose',
    doc: 'work-plan',
    heading: '四、组织实施',
    text: '各地要加强组织领导，确保各项任务落到实处。\n附件：1.重点任务分解表\n2.重点项目名称及目标\n3.2023年度工作要点\n苏州市知识产权局\n苏州市发展和改革委员会\n2023年3月15日',
  },
  {
    id: 'contact-block',
    style: 'short-line prose',
    doc: 'measures',
    heading: '三、申报要求',
    text: '申报内容\n项目名称\n预期目标\n2024年\n联系人：王明\n联系电话：0512-68001234\n电子邮箱：ipo@example.cn\n（此件公开发布）',
  },
  {
    id: 'list-of-short-items',
    style: 'short-line prose',
    doc: 'action-plan',
    heading: '三、重点任务',
    text: '重点支持以下领域：\n1.集成电路\n2.生物医药\n3.人工智能\n4.新能源汽车\n5.高端装备\n各领域年度目标另行制定。',
  },
  {
    id: 'heading-like-short-lines',
    style: 'short-line prose',
    doc: 'province-plan',
    heading: '二、发展目标',
    text: '总体目标\n具体指标\n2025年目标\n到2025年，基本建成知识产权强省。\n发展定位\n建设目标',
  },
];

describe('flattened indicator tables read by the real pipeline', () => {
  it.each(POSITIVE.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const score = await scoreCase(c, 'txt');
    expect({ misses: score.misses, falsePositives: score.falsePositives, attributeErrors: score.attributeErrors }).toEqual({
      misses: [],
      falsePositives: [],
      attributeErrors: [],
    });
    expect(score.tp).toBe((c.actuals?.length ?? 0) + (c.targets?.length ?? 0));
  });

  it.each(NEGATIVE.map((c) => [c.id, c] as const))('short-line prose is no table: %s', async (_id, c) => {
    const score = await scoreCase(c, 'txt');
    expect(score.falsePositives).toEqual([]);
  });
});
