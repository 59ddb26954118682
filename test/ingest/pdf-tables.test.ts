/**
 * A PDF is opened once: the ruled tables are read from the same pdf.js
 * document as the printed lines (read-pdf.ts readTables), not from a second
 * parse of the file. The cases hand readTables the open document and NO
 * bytes: if the document were not taken over, the parser would have to open
 * the empty bytes and find no table.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from '../../src/ingest/pdf-lines.js';
import { ruleOfFill } from '../../src/ingest/pdf-rules.js';
import { readTables, spannedCells } from '../../src/ingest/read-pdf.js';
import { corpus } from '../normalise/run-document.js';

const opened: PDFDocumentProxy[] = [];
async function open(file: string): Promise<PDFDocumentProxy> {
  const doc = await openPdf(new Uint8Array(readFileSync(file.includes('/') ? file : corpus(file))));
  opened.push(doc);
  return doc;
}
afterAll(async () => {
  for (const doc of opened) await doc.destroy();
});

const cases: Array<{ file: string; pages: number[]; tables: Record<number, { rows: number; firstRow: string[] }> }> = [
  // The indicator table of the plan (分类 / 指标（单位） / 发展目标 …), printed with ruled lines on page 11.
  { file: 'xuanwu-ip-14fyp-plan.pdf', pages: [11], tables: { 11: { rows: 23, firstRow: ['分类', '指标（单位）'] } } },
  // Cell borders drawn as filled hairline rectangles (Chromium; word processors' PDF export), not strokes:
  // the indicator table of a plan printed by scripts/render-real.ts --tables.
  {
    file: 'corpora-authored/renderings/blind-03-yichang-health-14fyp-excerpt.tables.pdf',
    pages: [2],
    tables: { 2: { rows: 10, firstRow: ['指标', '单位', '2020年', '2025年', '属性'] } },
  },
  // The same with a column of group cells merged over their rows (类别): the part of the table that ran
  // on over the page end, body rows only (the header row is not repeated), a merged cell first.
  {
    file: 'corpora-authored/renderings/blind-06-wuhu-digital-economy-14fyp.tables.pdf',
    pages: [4],
    tables: { 4: { rows: 10, firstRow: ['数字产业化'] } },
  },
  // Prose pages of the same printing: hairline fills that are no grid (none here) make no table.
  { file: 'corpora-authored/renderings/blind-03-yichang-health-14fyp-excerpt.tables.pdf', pages: [1, 3], tables: {} },
  // A prose page: no ruled table on it.
  { file: 'xuanwu-ip-14fyp-plan.pdf', pages: [2], tables: {} },
  { file: 'lianyungang-ip-city-pilot-2024-2026.pdf', pages: [1], tables: {} },
];

describe('readTables reads tables from the document already open', () => {
  it.each(cases)('$file pages $pages', async ({ file, pages, tables }) => {
    const doc = await open(file);
    const found = await readTables(doc, Buffer.alloc(0), pages);
    expect([...found.keys()]).toEqual(Object.keys(tables).map(Number));
    for (const [page, { rows, firstRow }] of Object.entries(tables)) {
      const [table] = found.get(Number(page))!;
      expect(table).toHaveLength(rows);
      expect(table![0]!.slice(0, firstRow.length).map((cell) => cell.text)).toEqual(firstRow);
    }
  });

  it('leaves the document open for its owner', async () => {
    const doc = await open('xuanwu-ip-14fyp-plan.pdf');
    await readTables(doc, Buffer.alloc(0), [11]);
    const page = await doc.getPage(1);
    expect((await page.getTextContent()).items.length).toBeGreaterThan(0);
  });
});

// Filled rectangles [x0, y0, x1, y1] in page units, and the ruling line each stands for.
const fills: Array<{ name: string; box: [number, number, number, number]; rule: ReturnType<typeof ruleOfFill> }> = [
  { name: 'a 0.75 pt horizontal hairline', box: [100, 500, 400, 500.75], rule: { x1: 100, y1: 500.375, x2: 400, y2: 500.375 } },
  { name: 'a 1 pt vertical hairline, corners given the other way round', box: [200.5, 700, 199.5, 640], rule: { x1: 200, y1: 640, x2: 200, y2: 700 } },
  { name: 'a 2 pt rule under a title', box: [80, 300, 515, 302], rule: { x1: 80, y1: 301, x2: 515, y2: 301 } },
  { name: 'a shaded header row (a filled area, not a rule)', box: [100, 500, 400, 520], rule: null },
  { name: 'a 3 pt thick bar', box: [100, 500, 400, 503], rule: null },
  { name: 'a short dash (a glyph part or a bullet)', box: [100, 500, 104, 500.7], rule: null },
  { name: 'a small filled square', box: [100, 500, 102, 502], rule: null },
];

describe('ruleOfFill: which filled rectangles are ruling lines', () => {
  it.each(fills)('$name', ({ box, rule }) => {
    expect(ruleOfFill(box)).toEqual(rule);
  });
});

// Printed by Chromium from a table with 类别 merged over two rows each and 属性 预期性 merged over
// three (the cells below a merged one are missing from their rows, on either side).
describe('readTables keeps which cells were merged', () => {
  it('a merged cell keeps its column, leading or trailing', async () => {
    const doc = await open('test/ingest/fixtures/merged-cells.pdf');
    const [table] = (await readTables(doc, Buffer.alloc(0), [1])).get(1)!;
    const cells = table!.map((row) => row.map((cell) => (cell.rowSpan > 1 ? `${cell.text}↓${cell.rowSpan}` : cell.text)));
    expect(cells).toEqual([
      ['类别', '指标', '单位', '2025年', '属性'],
      ['创新能⼒↓2', '研发经费投⼊强度', '%', '3', '预期性↓3'],
      ['每万⼈⼝⾼价值发明专利拥有量', '件', '12'],
      ['绿⾊发展↓2', '单位地区⽣产总值能耗降低', '%', '13.5'],
      ['地表⽔达到或好于Ⅲ类⽔体⽐例', '%', '85', '约束性'],
    ]);
  });
});

const grid = (...rows: Array<Array<[string, number?]>>) => ({ rows: rows.map((row) => row.map(([text, rowspan]) => ({ text: [text], rowspan }))) });
const spanCases: Array<{ name: string; grid: ReturnType<typeof grid> | undefined; table: string[][]; spans: number[][] | null }> = [
  {
    name: 'the grid getTable filled: its spans',
    grid: grid([['类别'], ['指标']], [['创新', 2], ['强度']], [['专利']]),
    table: [['类别', '指标'], ['创新', '强度'], ['专利']],
    spans: [[1, 1], [2, 1], [1]],
  },
  { name: 'no grid kept (a pdf-parse release without the fill step)', grid: undefined, table: [['类别', '指标']], spans: null },
  { name: 'a grid of other cells than the table', grid: grid([['类别'], ['指标']]), table: [['指标', '单位']], spans: null },
  {
    name: 'a grid of other rows than the table',
    grid: grid([['类别'], ['指标']]),
    table: [
      ['类别', '指标'],
      ['创新', '强度'],
    ],
    spans: null,
  },
];

describe('spannedCells: the filled grid is used only when it is the table', () => {
  it.each(spanCases)('$name', ({ grid, table, spans }) => {
    const cells = spannedCells(grid, table);
    expect(cells && cells.map((row) => row.map((cell) => cell.rowSpan))).toEqual(spans);
  });
});
