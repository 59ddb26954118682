/**
 * The Compare page's downloads: the rows on the page, in the columns and
 * headers the analyst export uses for its targets/actuals tables
 * (src/analyst/tables.ts), written by the export's CSV writer. The export
 * module writes whole tables to files; one indicator's rows as a workbook in
 * memory is what it lacks, so the workbook here follows its xlsx layout
 * (one sheet per kind, frozen filterable header).
 */
import ExcelJS from 'exceljs';
import { ANALYST_TABLES, headersOf, type ProgressRow, type QuantityRow } from '../analyst/index.js';
import { toCsv } from '../export/csv.js';

function quantityTable(kind: 'target' | 'actual') {
  const table = ANALYST_TABLES.find((t) => t.name === (kind === 'target' ? 'targets' : 'actuals'));
  if (!table) throw new Error(`the analyst export has no ${kind}s table`);
  return table;
}

export function compareCsv(rows: QuantityRow[]): string {
  const table = quantityTable('target');
  const keys = ['kind', ...table.columns.map((c) => c.key)];
  const headers = ['类型 kind', ...headersOf(table, true).map((h, i) => `${h} ${table.columns[i]!.key}`)];
  return toCsv(headers, keys, rows as unknown as Array<Record<string, unknown>>);
}

export async function compareXlsx(rows: QuantityRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'planlens';
  for (const kind of ['target', 'actual'] as const) {
    const table = quantityTable(kind);
    const headers = headersOf(table, true);
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({ header: headers[i]!, key: c.key, width: Math.min(40, Math.max(8, headers[i]!.length * 2 + 2)) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows.filter((r) => r.kind === kind)) {
      const record = row as unknown as Record<string, unknown>;
      sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, record[c.key] ?? null])));
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The Progress page's rows in the columns of the export's progress table (base values, as exports keep them). */
export function progressCsv(rows: ProgressRow[]): string {
  const table = ANALYST_TABLES.find((t) => t.name === 'progress');
  if (!table) throw new Error('the analyst export has no progress table');
  const keys = table.columns.map((c) => c.key);
  const headers = headersOf(table, true).map((h, i) => `${h} ${keys[i]}`);
  return toCsv(headers, keys, rows as unknown as Array<Record<string, unknown>>);
}
