/** Markdown tables in crawled text (| a | b | rows, a |---| rule): rows and cells with their offsets. */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/structure/lines.js';
import { findMarkdownTables } from '../../src/structure/text-tables.js';

function tables(text: string): string[][][] {
  return findMarkdownTables(text, splitLines(text), () => true).map((t) => t.rows.map((row) => row.map((cell) => cell.text)));
}

describe('markdown tables', () => {
  it.each([
    {
      name: 'header, rule and rows',
      text: '二、主要指标\n| 指标 | 单位 | 2025年 |\n|---|:---:|---|\n| 高新技术企业 | 家 | 500 |\n| 研发投入强度 | % | 3 |\n正文继续。',
      want: [
        [
          ['指标', '单位', '2025年'],
          ['高新技术企业', '家', '500'],
          ['研发投入强度', '%', '3'],
        ],
      ],
    },
    {
      name: 'an empty cell stays a cell',
      text: '| 指标 | 目标值 |\n| 企业 |  |\n',
      want: [
        [
          ['指标', '目标值'],
          ['企业', ''],
        ],
      ],
    },
    { name: 'one row is no table', text: '| 指标 | 目标值 |\n正文。', want: [] },
    { name: 'a bar inside prose is no table', text: '完善“1|2”政策体系。\n推进A|B建设。', want: [] },
    {
      // GFM lets a table leave out its outer bars; text exports of task tables often do, with or without the rule.
      name: 'rows without outer bars, with a rule',
      text: '附件\n指标 | 单位 | 目标值\n--- | --- | ---\n新增市场主体 | 万户 | 3\n',
      want: [
        [
          ['指标', '单位', '目标值'],
          ['新增市场主体', '万户', '3'],
        ],
      ],
    },
    {
      name: 'rows without outer bars and without a rule: three rows or more of one width',
      text: '重点任务分工表\n序号 | 任务 | 牵头单位 | 完成时限\n1 | 优化审批流程 | 区行政审批局 | 2025年6月底前\n2 | 推进信用监管 | 区市场监管局 | 长期坚持\n正文。',
      want: [
        [
          ['序号', '任务', '牵头单位', '完成时限'],
          ['1', '优化审批流程', '区行政审批局', '2025年6月底前'],
          ['2', '推进信用监管', '区市场监管局', '长期坚持'],
        ],
      ],
    },
    { name: 'two bare rows without a rule are no table', text: '甲 | 乙 | 丙\n丁 | 戊 | 己\n', want: [] },
    { name: 'bare rows of different widths are no table', text: '甲 | 乙 | 丙\n丁 | 戊\n庚 | 辛 | 壬 | 癸\n', want: [] },
  ])('$name', ({ text, want }) => {
    expect(tables(text)).toEqual(want);
  });

  it('cell offsets point at the cell text', () => {
    const text = '| 指标 | 目标值 |\n| 专利 | 12 |';
    const [table] = findMarkdownTables(text, splitLines(text), () => true);
    const cell = table!.rows[1]![1]!;
    expect(text.slice(cell.start, cell.end)).toBe('12');
  });
});
