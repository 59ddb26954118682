/**
 * Tables flattened into text (Word's "save as text"): every cell is a line
 * beginning with a TAB, rows are separated by blank lines, an empty TAB cell is
 * merged from the cell above, and a line without a TAB continues the previous
 * cell (a cell whose text wrapped: 发展 / 目标).
 */
import { isBlank, trimSpan, type Line } from './lines.js';

export interface FlatCell {
  text: string;
  start: number;
  end: number;
}

export interface FlatTable {
  rows: FlatCell[][];
  start: number;
  end: number;
}

const CELL_LINE = /^\t/;

/** A line holding several TAB-separated cells is a row, even when its first cell is empty (merged): not one cell. */
function isMultiCell(text: string): boolean {
  return text.split('\t').filter((part) => part.trim() !== '').length >= 2;
}

function isCellLine(text: string): boolean {
  return CELL_LINE.test(text) && !isMultiCell(text);
}

/** A blank line without a TAB separates rows (a lone TAB is an empty cell). */
function isRowBreak(line: Line): boolean {
  return !CELL_LINE.test(line.text) && isBlank(line.text);
}

/** Joins a wrapped cell's lines: Chinese joins directly, Latin words keep a space. */
function joinWrapped(before: string, after: string): string {
  if (!before) return after;
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/**
 * Finds flattened tables. `usable(line)` is false for lines owned by something
 * else (a docx table block); `endsTable(line)` stops a cell continuation at a
 * line that is plainly not cell text (a section heading).
 */
export function findTextTables(text: string, lines: Line[], usable: (line: Line) => boolean, endsTable: (line: Line) => boolean): FlatTable[] {
  const tables: FlatTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (!usable(first) || !isCellLine(first.text)) {
      i++;
      continue;
    }
    const rows: FlatCell[][] = [];
    let row: FlatCell[] = [];
    let cell: FlatCell | null = null;
    let lastContentEnd = first.end;
    let j = i;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (!usable(line)) break;
      if (isMultiCell(line.text)) break;
      if (CELL_LINE.test(line.text)) {
        const span = trimSpan(text, line.start + 1, line.end);
        cell = { text: text.slice(span.start, span.end), start: span.start, end: span.end };
        row.push(cell);
        lastContentEnd = line.end;
      } else if (isRowBreak(line)) {
        if (row.length > 0) rows.push(row);
        row = [];
        cell = null;
        let next = j + 1;
        while (next < lines.length && isRowBreak(lines[next]!)) next++;
        if (next >= lines.length || !isCellLine(lines[next]!.text) || !usable(lines[next]!)) break;
        j = next - 1;
      } else {
        if (!cell || endsTable(line)) break;
        const span = trimSpan(text, line.start, line.end);
        if (span.start === span.end) continue;
        cell.text = joinWrapped(cell.text, text.slice(span.start, span.end));
        if (cell.start === cell.end) cell.start = span.start;
        cell.end = span.end;
        lastContentEnd = line.end;
      }
    }
    if (row.length > 0) rows.push(row);
    if (rows.length > 0) tables.push({ rows, start: trimSpan(text, first.start, first.end).start, end: lastContentEnd });
    i = Math.max(j, i + 1);
  }
  return tables;
}

/** A row written on one line with TABs between its cells (text copied from a web page or a spreadsheet). */
function tabRow(text: string, line: Line): FlatCell[] | null {
  if (isCellLine(line.text) || !line.text.includes('\t')) return null;
  const cells: FlatCell[] = [];
  let from = line.start;
  for (const part of line.text.split('\t')) {
    const span = trimSpan(text, from, from + part.length);
    cells.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end });
    from += part.length + 1;
  }
  while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells.filter((c) => c.text !== '').length >= 2 ? cells : null;
}

const SERIAL = /^\d{1,2}[.、．]?$/;

/**
 * A row copied out of a web page leaves out the cells merged with the row
 * above (类别 written once for its group): a row short of the header's width
 * gets them back as empty cells before its name (after its number, when it
 * starts with one), so the grid carries the merged text down.
 */
function padMerged(row: FlatCell[], width: number): FlatCell[] {
  if (row.length >= width) return row;
  const at = SERIAL.test(row[0]!.text) && row.length > 1 ? 1 : 0;
  const pad = { text: '', start: row[at]!.start, end: row[at]!.start };
  return [...row.slice(0, at), ...Array.from({ length: width - row.length }, () => ({ ...pad })), ...row.slice(at)];
}

/**
 * Tables whose rows are single lines with TAB-separated cells. At least two
 * such lines in a row make a table; an empty cell is merged from the cell above
 * as in the other flattened layout.
 */
export function findTabRowTables(text: string, lines: Line[], usable: (line: Line) => boolean): FlatTable[] {
  const tables: FlatTable[] = [];
  let rows: FlatCell[][] = [];
  let start = 0;
  let end = 0;
  const flush = () => {
    if (rows.length >= 2) tables.push({ rows: rows.map((row) => padMerged(row, rows[0]!.length)), start, end });
    rows = [];
  };
  for (const line of lines) {
    const row = usable(line) ? tabRow(text, line) : null;
    if (!row) {
      flush();
      continue;
    }
    if (rows.length === 0) start = row[0]!.start;
    rows.push(row);
    end = row[row.length - 1]!.end;
  }
  flush();
  return tables;
}

const MARKDOWN_ROW = /^\s*\|.*\|\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The cells of a markdown row (| 指标 | 单位 | 目标值 |), with their offsets. */
function markdownRow(text: string, line: Line): FlatCell[] {
  const cells: FlatCell[] = [];
  const first = line.text.indexOf('|');
  const last = line.text.lastIndexOf('|');
  let from = line.start + first + 1;
  for (const part of line.text.slice(first + 1, last).split('|')) {
    const span = trimSpan(text, from, from + part.length);
    cells.push({ text: text.slice(span.start, span.end), start: span.start, end: span.end });
    from += part.length + 1;
  }
  return cells;
}

/** A row without outer bars (a | b | c, as GFM allows and text exports of task tables write): its cell count, or 0. */
function bareRowWidth(text: string): number {
  if (MARKDOWN_ROW.test(text) || !text.includes('|')) return 0;
  const cells = text.split('|');
  return cells.length >= 3 && cells.every((c) => c.trim() !== '' || MARKDOWN_RULE.test(text)) ? cells.length : 0;
}

/** The cells of a row without outer bars (序号 | 任务 | 牵头单位), with their offsets. */
function bareRow(text: string, line: Line): FlatCell[] {
  return markdownRow(text, { ...line, text: `|${line.text}|`, start: line.start - 1 });
}

/**
 * Rows without outer bars make a table where the rule follows the first row
 * (GFM), or where three rows or more have the same number of cells (three or
 * more each): a bar or two inside prose never does.
 */
function findBareTables(text: string, lines: Line[], usable: (line: Line) => boolean): FlatTable[] {
  const tables: FlatTable[] = [];
  let run: Line[] = [];
  let width = 0;
  const flush = () => {
    const ruled = run.length >= 3 && MARKDOWN_RULE.test(run[1]!.text);
    const rows = run.filter((l) => !MARKDOWN_RULE.test(l.text));
    if (ruled ? rows.length >= 2 : rows.length >= 3) {
      tables.push({ rows: rows.map((l) => bareRow(text, l)), start: run[0]!.start, end: run[run.length - 1]!.end });
    }
    run = [];
    width = 0;
  };
  for (const line of lines) {
    const w = usable(line) ? bareRowWidth(line.text) : 0;
    if (w === 0 || (width !== 0 && w !== width)) flush();
    if (w === 0) continue;
    width = w;
    run.push(line);
  }
  flush();
  return tables;
}

/**
 * Markdown tables (web pages crawled to text): rows written | a | b |, the
 * header rule |---|---| dropped. Two rows or more make a table. Rows without
 * outer bars count as findBareTables says.
 */
export function findMarkdownTables(text: string, lines: Line[], usable: (line: Line) => boolean): FlatTable[] {
  const tables: FlatTable[] = [];
  let rows: FlatCell[][] = [];
  let start = 0;
  let end = 0;
  const flush = () => {
    if (rows.length >= 2) tables.push({ rows, start, end });
    rows = [];
  };
  for (const line of lines) {
    if (!usable(line) || !MARKDOWN_ROW.test(line.text)) {
      flush();
      continue;
    }
    if (rows.length === 0) start = line.start + line.text.indexOf('|');
    end = line.start + line.text.lastIndexOf('|') + 1;
    if (MARKDOWN_RULE.test(line.text)) continue;
    rows.push(markdownRow(text, line));
  }
  flush();
  return [...tables, ...findBareTables(text, lines, usable)].sort((a, b) => a.start - b.start);
}
