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
import { readTables } from '../../src/ingest/read-pdf.js';
import { corpus } from '../normalise/run-document.js';

const opened: PDFDocumentProxy[] = [];
async function open(file: string): Promise<PDFDocumentProxy> {
  const doc = await openPdf(new Uint8Array(readFileSync(corpus(file))));
  opened.push(doc);
  return doc;
}
afterAll(async () => {
  for (const doc of opened) await doc.destroy();
});

const cases: Array<{ file: string; pages: number[]; tables: Record<number, { rows: number; firstRow: string[] }> }> = [
  // The indicator table of the plan (分类 / 指标（单位） / 发展目标 …), printed with ruled lines on page 11.
  { file: 'xuanwu-ip-14fyp-plan.pdf', pages: [11], tables: { 11: { rows: 23, firstRow: ['分类', '指标（单位）'] } } },
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
      expect(table![0]!.slice(0, firstRow.length)).toEqual(firstRow);
    }
  });

  it('leaves the document open for its owner', async () => {
    const doc = await open('xuanwu-ip-14fyp-plan.pdf');
    await readTables(doc, Buffer.alloc(0), [11]);
    const page = await doc.getPage(1);
    expect((await page.getTextContent()).items.length).toBeGreaterThan(0);
  });
});
