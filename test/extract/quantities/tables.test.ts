/**
 * Indicator tables read by header semantics, whatever the column order:
 * 指标 / 单位 / 目标值 / 基期值 / 属性; 指标（单位）/ 2025年; an evaluation's
 * 预期目标 / 2021年完成值 / 序时进度. The unit may sit in a unit column, in the
 * indicator's brackets, in the header or in the cell.
 */
import { describe, expect, it } from 'vitest';
import type { Table } from '../../../src/core/state.js';
import { evaluationDoc, planDoc, tables } from './engine.js';

/** A table as a structure stage hands it over, from rows of cell texts. */
function table(rows: string[][], headerRows = 1): Table {
  let offset = 0;
  return {
    index: 0,
    headerRows,
    start: 0,
    end: 0,
    sectionPath: '',
    origin: 'docx',
    rows: rows.map((row) =>
      row.map((text) => {
        const cell = { text, start: offset, end: offset + text.length, carried: false };
        offset += text.length + 1;
        return cell;
      }),
    ),
  };
}

const cases: Array<{ name: string; rows: string[][]; headerRows?: number; doc?: typeof planDoc; expect: Array<Record<string, unknown>> }> = [
  {
    name: '指标 / 单位 / 基期值 / 目标值 / 属性',
    rows: [
      ['指标', '单位', '2020年基期值', '2025年目标值', '属性'],
      ['有效发明专利拥有量', '件', '12482', '18000', '预期性'],
      ['知识产权质押融资总额', '亿元', '1', '6', '预期性'],
    ],
    expect: [
      { kind: 'actual', year: 2020, indicator: '有效发明专利拥有量', value: 12482, unit: '件' },
      { kind: 'target', year: 2025, indicator: '有效发明专利拥有量', value: 18000, unit: '件' },
      { kind: 'actual', year: 2020, indicator: '知识产权质押融资总额', value: 1, unit: '亿元', multiplier: 1e8 },
      { kind: 'target', year: 2025, indicator: '知识产权质押融资总额', value: 6, unit: '亿元' },
    ],
  },
  {
    name: 'a task table: 完成时限 holds deadlines and 牵头单位 units, no measurement',
    rows: [
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '推广电子发票应用', '市税务局', '2024年底'],
      ['2', '开展数据金融服务', '市数据局', '2025年6月'],
    ],
    expect: [],
  },
  {
    name: 'target first, unit column last',
    rows: [
      ['目标值', '指标名称', '单位'],
      ['≥8.6', '版权产业增加值占GDP比重', '%'],
    ],
    expect: [{ kind: 'target', year: 2025, indicator: '版权产业增加值占GDP比重', value: 8.6, unit: '%', comparator: '>=' }],
  },
  {
    name: '分类 / 指标（单位） / 发展目标',
    rows: [
      ['分类', '指标（单位）', '发展目标'],
      ['知识产权创造', '维持10年以上有效发明专利数（件）', '＞2800'],
      ['知识产权运用', '知识产权交易额（亿元）', '＞30'],
      ['知识产权保护', '省级“正版正货”示范街区（个）', '2'],
    ],
    expect: [
      { indicator: '维持10年以上有效发明专利数', value: 2800, unit: '件', comparator: '>', year: 2025 },
      { indicator: '知识产权交易额', value: 30, unit: '亿元', comparator: '>' },
      { indicator: '省级“正版正货”示范街区', value: 2, unit: '个', comparator: '=' },
    ],
  },
  {
    name: 'evaluation: 预期目标 / 2021年完成值 / 2022年完成值 / 序时进度',
    doc: evaluationDoc,
    rows: [
      ['序号', '内容', '预期目标', '2021年完成值', '2022年完成值', '序时进度'],
      ['1', '万人高价值发明专利拥有量', '50 件', '39.79', '48.73', '达到序时进度'],
      ['7', '累计知识产权交易额（亿元）', '＞600 亿', '715.96', '831.39', '超过预期目标值'],
      ['10', '知识产权保护社会满意度', '＞85%', '83%', '85%', '达到预期目标值'],
      ['11', '省知识产权强省建设区域示范单位', '全覆盖', '10', '1', '达到序时进度'],
      ['18', '累计培养培训知识产权专业人才', '＞5 万', '10009', '20809', '达到序时进度'],
      ['19', '版权产业增加值占 GDP 比重', '≥8.6%', '——', '——', '数据尚未公布'],
    ],
    expect: [
      { kind: 'target', year: 2025, indicator: '万人高价值发明专利拥有量', value: 50, unit: '件', status: '达到序时进度' },
      { kind: 'actual', year: 2021, value: 39.79, unit: '件' },
      { kind: 'actual', year: 2022, value: 48.73, unit: '件' },
      { kind: 'target', indicator: '累计知识产权交易额', value: 600, unit: '亿元', comparator: '>', cumulative: true },
      { kind: 'actual', year: 2021, value: 715.96, unit: '亿元' },
      { kind: 'actual', year: 2022, value: 831.39, unit: '亿元' },
      { kind: 'target', value: 85, unit: '%', comparator: '>' },
      { kind: 'actual', year: 2021, value: 83, unit: '%' },
      { kind: 'actual', year: 2022, value: 85, unit: '%' },
      { kind: 'target', value: null, qualitative: '全覆盖' },
      { kind: 'actual', year: 2021, value: 10, unit: null },
      { kind: 'actual', year: 2022, value: 1, unit: null },
      { kind: 'target', value: 5, unit: '万', multiplier: 1e4 },
      { kind: 'actual', year: 2021, value: 10009, unit: null },
      { kind: 'actual', year: 2022, value: 20809, unit: null },
      { kind: 'target', indicator: '版权产业增加值占GDP比重', value: 8.6, unit: '%', status: '数据尚未公布' },
    ],
  },
  {
    name: 'bare year columns: base year and target year',
    rows: [
      ['指标', '2020年', '2025年', '属性'],
      ['万人高价值发明专利拥有量（件/万人）', '6.5', '12', '预期性'],
    ],
    expect: [
      { kind: 'actual', year: 2020, indicator: '万人高价值发明专利拥有量', value: 6.5, unit: '件' },
      { kind: 'target', year: 2025, indicator: '万人高价值发明专利拥有量', value: 12, unit: '件' },
    ],
  },
  {
    name: 'numbered rows, unit in the value column header',
    rows: [
      ['指标名称', '2025年目标值（%）'],
      ['1.版权产业增加值占GDP比重', '≥7.5'],
      ['（2）知识产权民事一审案件服判息诉率', '85'],
    ],
    expect: [
      { indicator: '版权产业增加值占GDP比重', value: 7.5, unit: '%', comparator: '>=', year: 2025 },
      { indicator: '知识产权民事一审案件服判息诉率', value: 85, unit: '%' },
    ],
  },
  {
    name: 'unit in the header',
    rows: [
      ['指标（单位：件）', '2025年'],
      ['PCT专利申请量', '300'],
    ],
    expect: [{ kind: 'target', year: 2025, indicator: 'PCT专利申请量', value: 300, unit: '件' }],
  },
];

describe('indicator tables', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = tables.read(table(c.rows, c.headerRows), c.doc ?? planDoc);
      expect(got.length, JSON.stringify(got.map((m) => [m.indicator, m.value, m.unit]))).toBe(c.expect.length);
      c.expect.forEach((want, i) => expect(got[i]).toMatchObject(want));
    });
  }

  it('flags a value whose unit nobody gives', () => {
    const got = tables.read(
      table([
        ['内容', '预期目标'],
        ['累计培养培训知识产权专业人才', '＞5 万'],
      ]),
      evaluationDoc,
    );
    expect(got[0]!.flags.map((f) => f.kind)).toContain('missing-unit');
  });

  it('reads nothing from a table without value columns', () => {
    expect(
      tables.read(
        table([
          ['牵头单位', '配合单位'],
          ['市知识产权局', '市财政局'],
        ]),
        planDoc,
      ),
    ).toEqual([]);
  });
});
