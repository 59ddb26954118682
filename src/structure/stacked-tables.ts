/**
 * Tables flattened one cell per line, as web pages copied to text and
 * PDF-to-text tools leave them: the header's cells as consecutive lines
 * (序号 / 指标 / 单位 / 2025年目标 / 属性), then each row's cells as
 * consecutive lines. Nothing marks where a row ends, so rows are cut by what
 * the columns promise: a last 属性 column ends every row with 约束性/预期性,
 * a first 序号 column starts every row with its number, otherwise every row
 * has as many cells as the header. A row short of cells had its leading cells
 * merged with the row above (类别 written once for its group): it is padded
 * there, and the grid carries the merged text down.
 */
import { trimSpan, type Line } from './lines.js';
import type { StructureRules } from './rules.js';
import type { FlatCell, FlatTable } from './text-tables.js';

type TableRules = StructureRules['table'];

const YEAR_HEADER = /^(?:19|20)\d{2}年(?!\d{1,2}月)/;
const SENTENCE = /[。；;！？]/;
const TITLE = /^(?:附?表|专栏)\s*\d/;
const SERIAL = /^\d{1,2}[.、．]?$/;
const EMPTY_CELL = /^[—\-–/／…无]+$/;
const MAX_UNKNOWN_HEADER_CELLS = 3;

export function findStackedTables(
  text: string,
  lines: Line[],
  usable: (line: Line) => boolean,
  endsTable: (line: Line) => boolean,
  rules: TableRules,
): FlatTable[] {
  const figure = new RegExp(rules.figurePattern, 'u');
  const cellOf = (line: Line): FlatCell => {
    const span = trimSpan(text, line.start, line.end);
    return { text: text.slice(span.start, span.end), start: span.start, end: span.end };
  };
  const words = (text: string, list: string[]) => list.some((w) => text.includes(w));
  const isHeaderCell = (line: Line): boolean => {
    const t = squeeze(line.text);
    if (t === '' || t.length > rules.stacked.maxHeaderCell || SENTENCE.test(t) || TITLE.test(t) || figure.test(t)) return false;
    if (!usable(line) || endsTable(line)) return false;
    return YEAR_HEADER.test(t) || words(t, rules.headerWords) || words(t, rules.stacked.valueWords);
  };
  const isValueHeader = (t: string) => YEAR_HEADER.test(t) || words(t, rules.stacked.valueWords);
  // A column the header words do not know (评估结论, 责任处室) is still a header cell: short, no figure, no sentence.
  const isTrailingHeaderCell = (line: Line): boolean => {
    const t = squeeze(line.text);
    return t !== '' && t.length <= rules.stacked.maxHeaderCell && !SENTENCE.test(t) && !figure.test(t) && !SERIAL.test(t) && usable(line) && !endsTable(line);
  };

  const tables: FlatTable[] = [];
  let i = 0;
  while (i < lines.length) {
    let k = 0;
    while (i + k < lines.length && isHeaderCell(lines[i + k]!)) k++;
    k += trailingHeaderCells(lines, i, k, isTrailingHeaderCell, rules.stacked);
    const header = lines.slice(i, i + k).map((line) => squeeze(line.text));
    const isHeader = k >= 3 && header.some((t) => words(t, rules.stacked.nameWords)) && header.some(isValueHeader);
    if (!isHeader) {
      i += Math.max(1, k);
      continue;
    }
    const headerCells = lines.slice(i, i + k).map(cellOf);
    const body = readRows(lines, i + k, k, header, { usable, endsTable, figure, rules: rules.stacked, cellOf });
    if (body.rows.length > 0) {
      const last = body.rows[body.rows.length - 1]!;
      const end = [...last].reverse().find((cell) => cell.end > cell.start)!.end;
      tables.push({ rows: [headerCells, ...body.rows], start: headerCells[0]!.start, end });
    }
    i = Math.max(body.next, i + k);
  }
  return tables;
}

/**
 * Header cells after the known ones, when a 序号 column makes the end of the
 * header certain: the first row opens with 1. Without this, a last column named
 * in words the rules do not list (评估结论) is read as the first row's first
 * cell and every row after it is shifted.
 */
function trailingHeaderCells(lines: Line[], from: number, known: number, isCell: (line: Line) => boolean, rules: TableRules['stacked']): number {
  const first = squeeze(lines[from]?.text ?? '');
  if (known < 3 || !rules.serialHeaderWords.some((w) => first.includes(w))) return 0;
  let extra = 0;
  while (extra < MAX_UNKNOWN_HEADER_CELLS && from + known + extra < lines.length && isCell(lines[from + known + extra]!)) extra++;
  const opensRow = /^1[.、．]?$/.test(squeeze(lines[from + known + extra]?.text ?? ''));
  return extra > 0 && opensRow ? extra : 0;
}

interface RowContext {
  usable: (line: Line) => boolean;
  endsTable: (line: Line) => boolean;
  figure: RegExp;
  rules: TableRules['stacked'];
  cellOf: (line: Line) => FlatCell;
}

/** The body rows after a header of `width` cells, up to the first run of lines that cannot be a row. */
function readRows(lines: Line[], from: number, width: number, header: string[], ctx: RowContext): { rows: FlatCell[][]; next: number } {
  const attributeLast = ctx.rules.attributeHeaderWords.some((w) => header[width - 1]!.includes(w));
  const serialFirst = ctx.rules.serialHeaderWords.some((w) => header[0]!.includes(w));
  const isAttribute = (t: string) => ctx.rules.attributeWords.includes(t);
  const fits = (line: Line | undefined) => {
    if (!line || !ctx.usable(line) || ctx.endsTable(line)) return false;
    const t = squeeze(line.text);
    return t !== '' && t.length <= ctx.rules.maxCell && !SENTENCE.test(t);
  };
  const rows: FlatCell[][] = [];
  let at = from;
  for (;;) {
    const cells: Line[] = [];
    let j = at;
    let nextSerial = '';
    while (cells.length < width && fits(lines[j])) {
      const t = squeeze(lines[j]!.text);
      if (cells.length === 0 && SERIAL.test(t)) nextSerial = String(Number(t.replace(/\D/g, '')) + 1);
      // The next row's number, followed by a name, begins the next row (this row's leading cells were merged).
      const after = squeeze(lines[j + 1]?.text ?? '');
      // A row holds a value besides its number before it can end: 新建重点实验室 / 个 / 2 keeps its 2.
      const hasValue = cells.slice(1).some((line) => isValue(squeeze(line.text), ctx.figure));
      if (serialFirst && hasValue && SERIAL.test(t) && t.replace(/\D/g, '') === nextSerial && after !== '' && !ctx.figure.test(after)) break;
      cells.push(lines[j]!);
      j++;
      if (attributeLast && isAttribute(t)) break;
    }
    const texts = cells.map((line) => squeeze(line.text));
    if (attributeLast && !isAttribute(texts.at(-1) ?? '')) break;
    if (!attributeLast && !serialFirst && cells.length < width) break;
    if (!isRow(texts, ctx.figure)) break;
    const row = cells.map(ctx.cellOf);
    if (row.length < width) {
      // Merged leading cells: after the row number when there is one, else at the start.
      const at = serialFirst && SERIAL.test(texts[0]!) ? 1 : 0;
      const pad = { text: '', start: row[at]!.start, end: row[at]!.start };
      row.splice(at, 0, ...Array.from({ length: width - row.length }, () => ({ ...pad })));
    }
    rows.push(row);
    at = j;
  }
  return { rows, next: at };
}

/** A row holds a name in words and at least one value (a figure or an empty mark). */
function isRow(texts: string[], figure: RegExp): boolean {
  if (texts.length < 2) return false;
  const wordy = texts.some((t) => /[\u4e00-\u9fff]{2,}/u.test(t) && !figure.test(t));
  return wordy && texts.some((t) => isValue(t, figure));
}

function isValue(text: string, figure: RegExp): boolean {
  return figure.test(text) || EMPTY_CELL.test(text) || /^[〔［[（(]?[<>≤≥＜＞]?\d/.test(text);
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
