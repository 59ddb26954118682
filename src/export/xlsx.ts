/**
 * `export --format xlsx`: one workbook, one sheet per analyst table, the
 * header row frozen and filterable so the file opens ready to sort in Excel.
 * Values keep their types (numbers are numbers, so Excel sums them).
 */
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { hasDocuments, headersOf, readAnalystTable, selectTables } from '../analyst/index.js';
import { loadProgressWords } from '../analyst/progress-rules.js';
import { summaryLine, workbookPath } from './analyst-files.js';
import type { ExportResult, Exporter } from './types.js';

/** Wide enough for a region or a number, capped so sentences do not make a sheet unreadable. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

export const xlsxExporter: Exporter = {
  name: 'xlsx',
  description: 'analyst tables as one Excel workbook, one sheet per table, frozen header row',
  async run(db, { outDir, tables, chineseHeaders }): Promise<ExportResult> {
    if (!hasDocuments(db)) return { files: [], problems: [] };
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'planlens';
    const counts: Array<{ name: string; rows: number }> = [];
    for (const table of selectTables(tables)) {
      const rows = readAnalystTable(db, table.name, loadProgressWords());
      const headers = headersOf(table, chineseHeaders ?? false);
      const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.columns.map((c, i) => ({
        header: headers[i]!,
        key: c.key,
        width: columnWidth(
          headers[i]!,
          rows.map((r) => r[c.key]),
        ),
      }));
      sheet.getRow(1).font = { bold: true };
      for (const row of rows) {
        sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, cellValue(row[c.key])])));
      }
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
      counts.push({ name: table.name, rows: rows.length });
    }
    const path = workbookPath(outDir);
    await workbook.xlsx.writeFile(path);
    return { files: [path], problems: [], summary: summaryLine('xlsx', counts, path) };
  },
};

function cellValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return JSON.stringify(value);
}

/** Excel widths are in characters; a Chinese character is two of them, as in a terminal. */
function columnWidth(header: string, values: unknown[]): number {
  let width = stringWidth(header);
  for (const v of values) {
    if (v === null || v === undefined) continue;
    width = Math.max(width, stringWidth(String(v)));
    if (width >= MAX_WIDTH) return MAX_WIDTH;
  }
  return Math.max(MIN_WIDTH, width + 2);
}
