/**
 * Where the analyst formats (csv, json, xlsx) write. csv and json write a
 * folder with one file per table (targets.csv, actuals.csv, …); with
 * --table they write that one table, to --out itself when it names a file
 * with the format's extension, else into the --out folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { hasDocuments, readAnalystTable, selectTables, type AnalystTable } from '../analyst/index.js';
import { loadProgressWords } from '../analyst/progress-rules.js';
import type { Db } from '../store/index.js';
import type { ExportOptions, ExportResult } from './types.js';

/**
 * Writes each selected analyst table to its own file: the loop csv and json
 * share. `render` turns one table's rows into the file's text.
 */
export function writeTableFiles(
  db: Db,
  options: Pick<ExportOptions, 'outDir' | 'tables'>,
  extension: string,
  render: (table: AnalystTable, rows: Array<Record<string, unknown>>) => string,
): ExportResult {
  if (!hasDocuments(db)) return { files: [], problems: [] };
  const selected = selectTables(options.tables);
  const result: ExportResult = { files: [], problems: [] };
  const counts: Array<{ name: string; rows: number }> = [];
  for (const table of selected) {
    const rows = readAnalystTable(db, table.name, loadProgressWords());
    const path = tableFilePath(options.outDir, table.name, extension, selected.length === 1 && options.tables !== undefined);
    writeFileSync(path, render(table, rows));
    result.files.push(path);
    counts.push({ name: table.name, rows: rows.length });
  }
  result.summary = summaryLine(extension, counts, options.outDir);
  return result;
}

function tableFilePath(out: string, table: string, extension: string, single: boolean): string {
  const path = single && extname(out).toLowerCase() === `.${extension}` ? out : join(out, `${table}.${extension}`);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** The workbook file: --out itself when it ends in .xlsx, else planlens.xlsx inside the --out folder. */
export function workbookPath(out: string): string {
  const path = extname(out).toLowerCase() === '.xlsx' ? out : join(out, 'planlens.xlsx');
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

export function summaryLine(format: string, tables: Array<{ name: string; rows: number }>, where: string): string {
  return `exported ${tables.map((t) => `${t.name} (${t.rows})`).join(', ')} as ${format} to ${where}`;
}
