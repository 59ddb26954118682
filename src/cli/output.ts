/**
 * Rows out: an aligned table for people, JSON or CSV for programs. Column
 * widths use string-width because Chinese characters take two terminal cells.
 */
import stringWidth from 'string-width';
import { printable } from '../core/printable.js';
import { UsageError } from './command.js';

export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'json', 'csv'];

export type Row = Record<string, unknown>;

/** The --format value, or table on a terminal and json when piped. */
export function resolveFormat(option: string | undefined, stream: NodeJS.WriteStream): OutputFormat {
  if (option === undefined) return stream.isTTY ? 'table' : 'json';
  if (!(OUTPUT_FORMATS as string[]).includes(option)) {
    throw new UsageError(`--format: '${option}' is not one of ${OUTPUT_FORMATS.join(', ')}`);
  }
  return option as OutputFormat;
}

export function formatRows(rows: Row[], format: OutputFormat, columns?: string[]): string {
  const cols = columns ?? columnsOf(rows);
  switch (format) {
    case 'json':
      return (
        JSON.stringify(
          rows.map((r) => pick(r, cols)),
          null,
          2,
        ) + '\n'
      );
    case 'csv':
      return [cols, ...rows.map((r) => cols.map((c) => r[c]))].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
    case 'table':
      return formatTable(rows, cols);
  }
}

export function writeRows(stream: NodeJS.WriteStream, rows: Row[], format: OutputFormat, columns?: string[]): void {
  stream.write(formatRows(rows, format, columns));
}

/** Text of one value as shown in a table or CSV cell. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Pads `text` to `width` terminal cells (wide characters count double). */
export function padCells(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Cuts `text` to at most `width` terminal cells, marking the cut with '…'. */
export function truncateCells(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

function formatTable(rows: Row[], cols: string[]): string {
  if (rows.length === 0) return '(no rows)\n';
  // Long cells (sentences) would make every line wrap; cut them in tables only.
  const MAX_CELL = 60;
  const cells = rows.map((r) => cols.map((c) => truncateCells(printable(cellText(r[c]).replace(/\s+/g, ' ')), MAX_CELL)));
  const widths = cols.map((c, i) => Math.max(stringWidth(c), ...cells.map((line) => stringWidth(line[i]!))));
  const render = (line: string[]) =>
    line
      .map((text, i) => (i === line.length - 1 ? text : padCells(text, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [render(cols), render(widths.map((w) => '-'.repeat(w))), ...cells.map(render)].join('\n') + '\n';
}

function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function pick(row: Row, cols: string[]): Row {
  return Object.fromEntries(cols.map((c) => [c, row[c] ?? null]));
}

function csvField(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
