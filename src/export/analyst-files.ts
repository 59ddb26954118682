/**
 * Where the analyst formats (csv, json, xlsx) write. csv and json write a
 * folder with one file per table (targets.csv, actuals.csv, …); with
 * --table they write that one table, to --out itself when it names a file
 * with the format's extension, else into the --out folder.
 */
import { mkdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

export function tableFilePath(out: string, table: string, extension: string, single: boolean): string {
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
