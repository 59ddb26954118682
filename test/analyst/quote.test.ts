/**
 * The quote beside a figure: the clause of the sentence that holds it
 * (reaching back to the clause that names the indicator), and a table row as
 * header: value pairs.
 */
import { describe, expect, it } from 'vitest';
import { clauseAround, headedRow } from '../../src/analyst/quote.js';

describe('clauseAround', () => {
  const cases: Array<{ sentence: string; figure: string; indicator?: string; quote: string }> = [
    // The figure ends a long sentence: only its clause.
    {
      sentence: '知识产权管理效能和运用成效大幅提高，知识产权转移转化进一步加快，专利商标实施许可转让合同备案数2000件以上，知识产权质押融资累计达60亿元。',
      figure: '60亿元',
      indicator: '知识产权质押融资',
      quote: '知识产权质押融资累计达60亿元',
    },
    // A comparator word after the figure stays with it.
    { sentence: '到2026年，专利商标实施许可转让合同备案数2000件以上，质押融资明显增长。', figure: '2000件', quote: '专利商标实施许可转让合同备案数2000件以上' },
    // A clause that only says 同比增长: the quote reaches back to the clause naming the indicator (by its head).
    {
      sentence: '全市万人高价值发明专利拥有量达到48.73件，同比增长35.74%。',
      figure: '35.74%',
      indicator: '万人高价值发明专利拥有量同比增长率',
      quote: '全市万人高价值发明专利拥有量达到48.73件，同比增长35.74%',
    },
    // The indicator named in the figure's own clause: nothing earlier is added.
    { sentence: '实现知识产权质押融资总额超200亿元，服务企业总数达5000家；', figure: '5000家', indicator: '服务企业总数', quote: '服务企业总数达5000家' },
    // Semicolons and colons end clauses too.
    { sentence: '主要目标：有效发明专利拥有量达到1.2万件；', figure: '1.2万件', quote: '有效发明专利拥有量达到1.2万件' },
    // A one-clause sentence is the sentence.
    { sentence: '新增国家级知识产权保护中心1个', figure: '1个', quote: '新增国家级知识产权保护中心1个' },
  ];
  for (const c of cases) {
    it(`${c.figure} in ${c.sentence.slice(0, 20)}… → ${c.quote}`, () => {
      const start = c.sentence.indexOf(c.figure);
      expect(clauseAround(c.sentence, start, start + c.figure.length, c.indicator)).toBe(c.quote);
    });
  }
});

describe('headedRow', () => {
  const cases: Array<{ headers: string[][]; row: string[]; quote: string }> = [
    {
      headers: [['序号', '内容', '预期目标', '2021年完成值', '2022年完成值', '序时进度']],
      row: ['8', '知识产权质押融资总额', '>200亿', '43.14', '79.49', '达到序时进度'],
      quote: '序号: 8 | 内容: 知识产权质押融资总额 | 预期目标: >200亿 | 2021年完成值: 43.14 | 2022年完成值: 79.49 | 序时进度: 达到序时进度',
    },
    // Two header rows: a merged group header above its columns.
    {
      headers: [
        ['指标', '完成值', '完成值'],
        ['指标', '2021年', '2022年'],
      ],
      row: ['有效注册商标量', '12.1万件', '13.5万件'],
      quote: '指标: 有效注册商标量 | 完成值/2021年: 12.1万件 | 完成值/2022年: 13.5万件',
    },
    // Empty cells are left out; a cell under no header stands alone; blanks inside a header go.
    { headers: [['指 标', '', '目标']], row: ['专利授权量', '件', ''], quote: '指标: 专利授权量 | 件' },
  ];
  for (const c of cases) it(c.quote, () => expect(headedRow(c.headers, c.row)).toBe(c.quote));
});
