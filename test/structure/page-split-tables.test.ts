/**
 * A ruled table that runs over a page end comes out of a PDF as one table a
 * page (src/structure/page-split-tables.ts). The parts are one table again
 * when only the page break is between them, the columns agree, and the second
 * part repeats the header or starts with body rows.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NormalisedBlock, NormalisedCell } from '../../src/core/state.js';
import { joinPageSplitTables, namesColumns } from '../../src/structure/page-split-tables.js';
import { loadStructureRules } from '../../src/structure/rules.js';
import { rules, structured } from './chain.js';

const structureRules = loadStructureRules(rules);

/** A table block over `text`: each row a line, cells by ' | ' (a trailing ↓n is a row span). */
function blocksOf(parts: Array<{ page: number; rows: string[] } | { between: string }>): { text: string; blocks: NormalisedBlock[] } {
  let text = '';
  const blocks: NormalisedBlock[] = [];
  for (const part of parts) {
    if ('between' in part) {
      text += part.between;
      continue;
    }
    const start = text.length;
    const rows: NormalisedCell[][] = part.rows.map((line, r) => {
      if (r > 0) text += '\n';
      return line.split(' | ').map((raw) => {
        const [cell, span] = raw.split('↓');
        const at = text.length;
        text += cell! + ' ';
        return { text: cell!, start: at, end: at + cell!.length, rowSpan: Number(span ?? 1), colSpan: 1 };
      });
    });
    blocks.push({ kind: 'table', start, end: text.length, page: part.page, rows });
  }
  return { text, blocks };
}

const HEADER = '序号 | 指标名称 | 单位 | 2025年 | 属性';
const ROW1 = '1 | 城市建成区绿地率 | % | 38.5 | 约束性';
const ROW2 = '2 | 城镇建筑可再生能源替代率 | % | 8 | 预期性';
const ROW3 = '3 | 城市生活垃圾资源化利用率 | % | 60 | 预期性';
const TASK_HEADER = '序号 | 任务 | 牵头单位 | 完成时限';

const cases: Array<{ name: string; parts: Parameters<typeof blocksOf>[0]; tables: string[][] }> = [
  {
    name: 'body rows on the next page, header not repeated (Word’s default): one table',
    parts: [{ page: 3, rows: [HEADER, ROW1] }, { between: '\n' }, { page: 4, rows: [ROW2, ROW3] }],
    tables: [['序号', '1', '2', '3']],
  },
  {
    name: 'the header repeated on the next page: one table, the repeat left out',
    parts: [{ page: 3, rows: [HEADER, ROW1] }, { between: '\n' }, { page: 4, rows: [HEADER, ROW2] }],
    tables: [['序号', '1', '2']],
  },
  {
    name: 'the header alone at the foot of a page, the body on the next: one table',
    parts: [{ page: 2, rows: [HEADER] }, { between: '\n' }, { page: 3, rows: [ROW1, ROW2] }],
    tables: [['序号', '1', '2']],
  },
  {
    name: 'a group cell merged over the first rows of the next page (类别 written once): one table',
    parts: [
      { page: 3, rows: ['类别 | 指标 | 单位 | 2025年目标', '总体规模 | 数字经济规模 | 亿元 | 2000'] },
      { between: '\n' },
      { page: 4, rows: ['数字产业化↓2 | 电子信息制造业营业收入 | 亿元 | 1800', '软件业务收入 | 亿元 | 200'] },
    ],
    tables: [['类别', '总体规模', '数字产业化', '软件业务收入']],
  },
  {
    name: 'task rows without figures on the next page: one table',
    parts: [
      { page: 5, rows: [TASK_HEADER, '1 | 深化“高效办成一件事”改革 | 区政务服务中心 | 2027年12月底前'] },
      { between: '\n' },
      { page: 6, rows: ['2 | 推进政务服务标准化规范化便利化 | 区政务服务中心 | 长期坚持'] },
    ],
    tables: [['序号', '1', '2']],
  },
  {
    name: 'a table over three pages (header, body, body): one table',
    parts: [{ page: 2, rows: [HEADER] }, { between: '\n' }, { page: 3, rows: [ROW1] }, { between: '\n' }, { page: 4, rows: [ROW2, ROW3] }],
    tables: [['序号', '1', '2', '3']],
  },
  {
    name: 'a row broken over the page end (Word’s default): its rest finishes the row above',
    parts: [
      { page: 5, rows: [TASK_HEADER, '8 | 提升涉企纠纷 | 区人民法院 | 长期坚持'] },
      { between: '\n' },
      { page: 6, rows: [' | 化解质效 |  | ', '9 | 强化企业融资服务 | 区金融服务中心 | 2025年12月底前'] },
    ],
    tables: [['序号', '8', '9']],
  },
  {
    name: 'the next page starts a table of its own (its own column names): two tables',
    parts: [
      { page: 3, rows: [HEADER, ROW1] },
      { between: '\n' },
      { page: 4, rows: ['类别 | 指标 | 单位 | 2025年 | 属性', '总体规模 | 数字经济规模 | 亿元 | 2000 | 预期性'] },
    ],
    tables: [
      ['序号', '1'],
      ['类别', '总体规模'],
    ],
  },
  {
    name: 'other columns on the next page: two tables',
    parts: [{ page: 3, rows: [HEADER, ROW1] }, { between: '\n' }, { page: 4, rows: ['2 | 城镇建筑可再生能源替代率 | % | 8'] }],
    tables: [['序号', '1'], ['2']],
  },
  {
    name: 'a sentence between the parts (注：…): two tables',
    parts: [{ page: 3, rows: [HEADER, ROW1] }, { between: '\n注：均为预期性指标。\n' }, { page: 4, rows: [ROW2] }],
    tables: [['序号', '1'], ['2']],
  },
  {
    name: 'two tables on one page, one under the other: two tables',
    parts: [{ page: 3, rows: [HEADER, ROW1] }, { between: '\n' }, { page: 3, rows: [ROW2] }],
    tables: [['序号', '1'], ['2']],
  },
  {
    name: 'a first part without a header (a table of data only): left as it is',
    parts: [{ page: 3, rows: [ROW1] }, { between: '\n' }, { page: 4, rows: [ROW2] }],
    tables: [['1'], ['2']],
  },
];

describe('joinPageSplitTables', () => {
  it.each(cases)('$name', ({ parts, tables }) => {
    const { text, blocks } = blocksOf(parts);
    const joined = joinPageSplitTables(blocks, text, structureRules);
    expect(joined.map((block) => block.rows!.map((row) => row[0]!.text))).toEqual(tables);
    if (parts.some((part) => 'rows' in part && part.rows[0]!.startsWith(' | '))) {
      expect(joined[0]!.rows![1]!.map((cell) => cell.text)).toEqual(['8', '提升涉企纠纷化解质效', '区人民法院', '长期坚持']);
    }
    if (joined.length === 1) expect(joined[0]).toMatchObject({ start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end, page: blocks[0]!.page });
  });
});

// A row whose first cell is empty at the top of the next page: the rest of the row above, or a row of its own.
const restCases: Array<{ name: string; row: string; rest: boolean }> = [
  { name: 'one cell’s wrapped end, the others empty', row: ' | 化解质效 |  | ', rest: true },
  { name: 'two cells’ ends', row: ' | 化解质效 |  | 前', rest: true },
  { name: 'a full row whose group cell (类别) was merged over the page end', row: ' | 电子信息制造业营业收入 | 亿元 | 1800', rest: false },
];

describe('a row broken over the page end', () => {
  it.each(restCases)('$name', ({ row, rest }) => {
    const { text, blocks } = blocksOf([
      { page: 5, rows: [TASK_HEADER, '8 | 提升涉企纠纷 | 区人民法院 | 长期坚持'] },
      { between: '\n' },
      { page: 6, rows: [row] },
    ]);
    const joined = joinPageSplitTables(blocks, text, structureRules);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.rows).toHaveLength(rest ? 2 : 3);
  });
});

const rowCases: Array<{ row: string[]; names: boolean }> = [
  { row: ['序号', '指标名称', '单位', '2025年', '属性'], names: true },
  { row: ['序号', '任务', '牵头单位', '配合单位', '完成时限'], names: true },
  { row: ['类别', '指标', '单位', '2020年基期', '2025年目标'], names: true },
  // Body rows: header words inside longer cells, or beside figures.
  { row: ['3', '提升工程建设项目审批效率', '区住房和城乡建设局', '长沙市自然资源和规划局雨花分局', '长期坚持'], names: false },
  { row: ['重点项目', '个', '136', '150', '预期性'], names: false },
  { row: ['1', '铁路营业里程', '公里', '428', '600'], names: false },
];

describe('namesColumns: a row that heads a table of its own', () => {
  it.each(rowCases)('$row', ({ row, names }) => {
    expect(namesColumns(row, structureRules)).toBe(names);
  });
});

// The whole pipeline on a plan printed with its indicator table running over a page end,
// the header row not repeated (scripts/render-real.ts --tables).
describe('a printed indicator table split by a page end is one table', () => {
  it('blind-06 (芜湖 digital economy): 12 indicator rows under one header', async () => {
    const { structure } = await structured(resolve(import.meta.dirname, '../../corpora-authored/renderings/blind-06-wuhu-digital-economy-14fyp.tables.pdf'));
    const table = structure!.tables.find((t) => t.rows[0]!.some((cell) => cell.text === '类别'))!;
    expect(table.headerRows).toBe(1);
    expect(table.rows).toHaveLength(13);
    expect(table.rows.map((row) => row[0]!.text).filter((text, i, all) => all.indexOf(text) === i)).toEqual([
      '类别',
      '总体规模',
      '数字产业化',
      '数字基础设施',
      '产业数字化',
      '数字治理',
    ]);
    expect(
      structure!.tables.filter((t) => t.rows.some((row) => row.some((cell) => cell.text === '数字经济规模' || cell.text === '新建数据中心PUE值'))),
    ).toHaveLength(1);
  });
});

// Printed by Writer from the .docx: the task table runs from the foot of one page (its header alone)
// over two more, the page after has narrow columns only, and row 8 breaks over the page end.
describe('a task table printed by a word processor over three pages is one table', () => {
  it('blind-10 (雨花 business environment): 14 task rows, row 8 whole', async () => {
    const { structure } = await structured(
      resolve(import.meta.dirname, '../../corpora-authored/renderings/blind-10-yuhua-district-business-env-2025-2027.tables-writer.pdf'),
    );
    const table = structure!.tables.find((t) => t.rows[0]!.some((cell) => cell.text === '牵头单位'))!;
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((row) => row[0]!.text)).toEqual(['序号', ...Array.from({ length: 14 }, (_, i) => String(i + 1))]);
    expect(table.rows[8]!.map((cell) => cell.text.replace(/\s/g, ''))).toEqual(['8', '提升涉企纠纷化解质效', '区人民法院', '区司法局', '长期坚持']);
  });
});
