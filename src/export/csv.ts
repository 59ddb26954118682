/**
 * `export --format csv`: the analyst tables as CSV, one file per table
 * (or the one --table names). UTF-8 with a byte-order mark, because Excel
 * reads a BOM-less CSV in the system code page and garbles Chinese; pandas
 * reads it with encoding='utf-8-sig'. RFC 4180 quoting, CRLF line ends.
 */
import { headersOf } from '../analyst/index.js';
import { writeTableFiles } from './analyst-files.js';
import type { Exporter } from './types.js';

export const UTF8_BOM = '\uFEFF';

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: string[], keys: string[], rows: Array<Record<string, unknown>>): string {
  const lines = [headers.map(csvField).join(','), ...rows.map((r) => keys.map((k) => csvField(r[k])).join(','))];
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

export const csvExporter: Exporter = {
  name: 'csv',
  description: 'analyst tables (targets, actuals, progress, responsibilities, milestones, departments, documents) as UTF-8 CSV with BOM, one file per table',
  run: (db, { outDir, tables, chineseHeaders }) =>
    writeTableFiles(db, { outDir, tables }, 'csv', (table, rows) =>
      toCsv(
        headersOf(table, chineseHeaders ?? false),
        table.columns.map((c) => c.key),
        rows,
      ),
    ),
};
