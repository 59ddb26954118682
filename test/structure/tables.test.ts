/** Indicator tables of the real documents: rows, header rows, merged cells carried down. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/state.js';
import { CORPORA, structured, structuredOnce } from './chain.js';

const formats = (doc: string) => ['txt', 'docx', 'pdf'].map((ext) => `${doc}.${ext}`).filter((file) => existsSync(resolve(CORPORA, file)));

/** The table whose header names this column. */
function tableWithHeader(tables: Table[], header: string): Table {
  const table = tables.find((t) => t.headerRows > 0 && t.rows.slice(0, t.headerRows).some((row) => row.some((cell) => cell.text === header)));
  if (!table) throw new Error(`no table with a ${header} header among ${tables.length} tables`);
  return table;
}

function column(table: Table, header: string): number {
  return table.rows[table.headerRows - 1]!.findIndex((cell) => cell.text === header);
}

describe('Xuanwu indicator table', () => {
  it.each(formats('xuanwu-ip-14fyp-plan'))('%s: 22 indicator rows, 分类 carried down', async (file) => {
    const { structure, normalised } = await structuredOnce(file);
    const table = tableWithHeader(structure!.tables, '分类');
    const body = table.rows.slice(table.headerRows);
    expect(body).toHaveLength(22);
    expect(table.rows[0]!.map((cell) => cell.text)).toEqual(['分类', '指标（单位）', '发展目标']);

    const category = column(table, '分类');
    const indicator = column(table, '指标（单位）');
    const row = body.find((r) => r[indicator]!.text === '万人发明专利拥有量（件）')!;
    expect(row[category]).toMatchObject({ text: '知识产权创造', carried: true });
    // A carried cell points at the text it was carried from.
    expect(normalised!.text.slice(row[category]!.start, row[category]!.end)).toBe('知识产权创造');
    // Every body row has its category: six categories, each written once.
    expect(body.every((r) => r[category]!.text.startsWith('知识产权'))).toBe(true);
    expect(body.filter((r) => !r[category]!.carried).map((r) => r[category]!.text)).toEqual([
      '知识产权创造',
      '知识产权运用',
      '知识产权保护',
      '知识产权治理',
      '知识产权服务',
      '知识产权人才',
    ]);
    expect(table.sectionPath).toBe('二/（四）');
  });
});

describe('Nanjing evaluation table', () => {
  it.each(formats('nanjing-ip-14fyp-midterm-review'))('%s: 19 indicator rows under 序号/内容/预期目标/完成值/序时进度', async (file) => {
    const { structure } = await structuredOnce(file);
    const table = tableWithHeader(structure!.tables, '序号');
    expect(table.rows[table.headerRows - 1]!.map((cell) => cell.text)).toEqual(['序号', '内容', '预期目标', '2021年完成值', '2022年完成值', '序时进度']);
    const body = table.rows.slice(table.headerRows);
    expect(body).toHaveLength(19);
    expect(body.map((r) => r[0]!.text)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(body.every((r) => r.length === 6 && r.every((cell) => !cell.carried))).toBe(true);
  });
});

describe('boxes', () => {
  it.each([
    ...formats('xuanwu-ip-14fyp-plan').map((file) => ({ file, count: 7, first: '专项1', section: '三/（一）/3' })),
    ...formats('nanjing-ip-14fyp-midterm-review').map((file) => ({ file, count: 3, first: '专栏1', section: '三/（二）' })),
  ])('$file: $count boxes with their content', async ({ file, count, first, section }) => {
    const { structure, normalised } = await structuredOnce(file);
    const boxes = structure!.boxes;
    expect(boxes).toHaveLength(count);
    expect(boxes[0]!.title.startsWith(first)).toBe(true);
    expect(boxes[0]!.sectionPath).toBe(section);
    // A box holds more than its title line: its content came along.
    for (const box of boxes) expect(normalised!.text.slice(box.start, box.end).length).toBeGreaterThan(box.title.length + 20);
  });

  it("the Xuanwu box text ends with the box's 目标 line in the .txt", async () => {
    const { structure, normalised } = await structuredOnce('xuanwu-ip-14fyp-plan.txt');
    const source = readFileSync(resolve(CORPORA, 'xuanwu-ip-14fyp-plan.txt'), 'utf8');
    const goal = source
      .split('\n')
      .find((line) => line.startsWith('目标：至2025年'))!
      .trim();
    const box = structure!.boxes[0]!;
    expect(normalised!.text.slice(box.start, box.end).endsWith(goal)).toBe(true);
  });
});

/**
 * Tables flattened one cell per line (web pages, PDF-to-text), read from a
 * plan text written to a temporary .txt: the rows the structure stage
 * rebuilds, and short-line prose it must leave alone.
 */
describe('tables flattened one cell per line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-stacked-'));
  async function tablesOf(body: string): Promise<Table[]> {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(
      path,
      `某市“十四五”科技创新发展规划\n一、发展基础\n坚持创新驱动发展，统筹推进各项工作。\n二、发展目标\n${body}\n三、重点任务\n加大基础研究投入，建设一批重点实验室。\n`,
    );
    const state = await structured(path);
    return state.structure!.tables;
  }
  const texts = (table: Table) => table.rows.map((row) => row.map((cell) => cell.text));

  it.each([
    {
      name: '属性 last: rows end at 约束性/预期性, a merged 类别 is carried down',
      body: '表1 主要指标\n类别\n指标\n单位\n2020年\n2025年\n属性\n创新投入\n研发经费投入强度\n%\n2.8\n3.2\n预期性\n基础研究经费占比\n%\n4.5\n8\n预期性',
      rows: [
        ['类别', '指标', '单位', '2020年', '2025年', '属性'],
        ['创新投入', '研发经费投入强度', '%', '2.8', '3.2', '预期性'],
        ['创新投入', '基础研究经费占比', '%', '4.5', '8', '预期性'],
      ],
    },
    {
      name: '序号 first: a row starts at its number, a merged 类别 after the number is carried down',
      body: '序号\n类别\n指标\n单位\n目标值\n1\n数字产业化\n软件业务收入\n亿元\n30\n2\n数字经济核心产业增加值\n亿元\n60\n3\n产业数字化\n上云企业数\n家\n2000',
      rows: [
        ['序号', '类别', '指标', '单位', '目标值'],
        ['1', '数字产业化', '软件业务收入', '亿元', '30'],
        ['2', '数字产业化', '数字经济核心产业增加值', '亿元', '60'],
        ['3', '产业数字化', '上云企业数', '家', '2000'],
      ],
    },
    {
      name: 'neither: rows as wide as the header, the table ends at the heading',
      body: '指标名称\n单位\n2022年\n2025年\n有效发明专利拥有量\n万件\n2.1\n3.0\n知识产权质押融资金额\n亿元\n45\n80',
      rows: [
        ['指标名称', '单位', '2022年', '2025年'],
        ['有效发明专利拥有量', '万件', '2.1', '3.0'],
        ['知识产权质押融资金额', '亿元', '45', '80'],
      ],
    },
    {
      name: '序号 first: a last column named in words the rules do not list (评估结论) still belongs to the header',
      body: '序号\n指标名称\n单位\n2020年基期值\n2025年目标值\n2023年底完成值\n评估结论\n1\n铁路营业里程\n公里\n428\n600\n512\n达到序时进度\n2\n其中：高速铁路营业里程\n公里\n142\n260\n205\n滞后',
      rows: [
        ['序号', '指标名称', '单位', '2020年基期值', '2025年目标值', '2023年底完成值', '评估结论'],
        ['1', '铁路营业里程', '公里', '428', '600', '512', '达到序时进度'],
        ['2', '其中：高速铁路营业里程', '公里', '142', '260', '205', '滞后'],
      ],
    },
    {
      name: 'a value equal to the next row number stays in its row',
      body: '序号\n指标\n单位\n目标值\n1\n新建重点实验室\n个\n2\n2\n培育创新联合体\n家\n3',
      rows: [
        ['序号', '指标', '单位', '目标值'],
        ['1', '新建重点实验室', '个', '2'],
        ['2', '培育创新联合体', '家', '3'],
      ],
    },
  ])('$name', async ({ body, rows }) => {
    const tables = await tablesOf(body);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!)).toEqual(rows);
    expect(tables[0]!.headerRows).toBe(1);
  });

  it.each([
    { name: 'a signature block', body: '各地要加强组织领导，确保各项任务落到实处。\n某市科学技术局\n某市发展和改革委员会\n2023年3月15日' },
    { name: 'a list of attachments', body: '附件：1.重点任务分解表\n2.重点项目名称及目标\n3.2023年度工作要点' },
    { name: 'a contact block under column-like words', body: '申报内容\n项目名称\n预期目标\n2024年\n联系人：王明\n联系电话：0512-68001234' },
    { name: 'short headings and a goal sentence', body: '总体目标\n具体指标\n2025年目标\n到2025年，基本建成知识产权强市。\n发展定位\n建设目标' },
    { name: 'a numbered list of fields', body: '重点支持以下领域：\n1.集成电路\n2.生物医药\n3.人工智能\n4.新能源汽车' },
    { name: 'a header with no rows after it', body: '指标\n单位\n目标值\n到2025年，研发经费投入强度达到3%。' },
    { name: 'a 序号 header followed by short words but no first row', body: '序号\n指标\n目标值\n评估结论\n说明\n到2025年，研发经费投入强度达到3%。' },
  ])('short-line prose is no table: $name', async ({ body }) => {
    expect(await tablesOf(body)).toEqual([]);
  });
});
