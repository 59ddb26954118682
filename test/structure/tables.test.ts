/** Indicator tables of the real documents: rows, header rows, merged cells carried down. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/core/state.js';
import { CORPORA, structuredOnce } from './chain.js';

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
      '知识产权创造', '知识产权运用', '知识产权保护', '知识产权治理', '知识产权服务', '知识产权人才',
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

  it('the Xuanwu box text ends with the box\'s 目标 line in the .txt', async () => {
    const { structure, normalised } = await structuredOnce('xuanwu-ip-14fyp-plan.txt');
    const source = readFileSync(resolve(CORPORA, 'xuanwu-ip-14fyp-plan.txt'), 'utf8');
    const goal = source.split('\n').find((line) => line.startsWith('目标：至2025年'))!.trim();
    const box = structure!.boxes[0]!;
    expect(normalised!.text.slice(box.start, box.end).endsWith(goal)).toBe(true);
  });
});
