/**
 * A table written with bars between its cells (| 指标 | 单位 | 目标值 |, or
 * 序号 | 任务 | 牵头单位 without outer bars, as web pages and task lists are
 * saved as text) keeps one row a line — until a PDF prints it: then a row
 * wider than the page wraps, mid-cell or at a bar, and the next printed line
 * may open with a bar that only goes on the row (| 12 | 预期性 |). Neither
 * indents nor line widths tell those lines apart; the bars do: every row has
 * as many as the header. So the header is read first (with its own wrapped
 * lines, up to the first row or the |---| rule), then each row gathers lines
 * until it has the header's bars.
 */
import type { LineUnit, Unit } from './locate-blocks.js';
import { mergeLines } from './merge-lines.js';

const BAR = /[|｜]/g;
/**
 * A row opens with a bar, or — in a table without outer bars — with its number
 * before the first bar (1 | 深化…改革 | 区政务服务中心). Rows of a bare table that
 * open with a name cannot be told from a cut row's remainder: such tables are
 * left to the paragraph joiner.
 */
const ROW_START = /^\s*(?:[|｜]|[0-9]{1,3}\s*[|｜])/;
const BARE_ROW_START = /^\s*([0-9]{1,3})\s*[|｜]/;
const OUTER_BAR = /^\s*[|｜]/;
/** The header rule, or a piece of it when the page cut it: bars, dashes, colons. */
const RULE_PIECE = /^[\s|｜:：\-—]*-{3}[\s|｜:：\-—]*$/;
/** Prose that happens to hold a bar or two ends its sentences; a header row does not. */
const SENTENCE_END = /[。；！？]/;

function bars(text: string): number {
  return text.match(BAR)?.length ?? 0;
}

/** A header row: three cells or more between bars, and no sentence in it. */
function isHeader(text: string): boolean {
  const cells = text.split(BAR).filter((cell) => cell.trim() !== '');
  return bars(text) >= 2 && cells.length >= 3 && !SENTENCE_END.test(text);
}

const isBlank = (unit: Unit): boolean => unit.kind === 'line' && unit.text.text.trim() === '';

/**
 * Joins the printed lines of each bar-table row (and of its header and rule)
 * into one line marked `wholeRow`, which the paragraph joiner leaves alone.
 * Other units pass through as they are.
 */
export function joinBarRows(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i]!;
    if (unit.kind !== 'line' || !isHeader(unit.text.text)) {
      out.push(unit);
      i++;
      continue;
    }
    const table = readTable(units, i);
    if (table) {
      out.push(...table.units);
      i = table.end;
    } else {
      out.push(unit);
      i++;
    }
  }
  return out;
}

/** A header wraps over a few lines at most; a row that has not found its bars in this many lines was misread. */
const MAX_HEADER_LINES = 3;
const MAX_ROW_LINES = 6;

/**
 * The table whose header starts at `from`, and the index after it; undefined
 * when no row follows the header or a row does not add up.
 */
function readTable(units: Unit[], from: number): { units: Unit[]; end: number } | undefined {
  const out: Unit[] = [];
  let i = from;
  const outerBars = OUTER_BAR.test(text(units[from]!));
  // Rows of a bare table open with their numbers in order (93 | 约束性 is the end of a cut 3.93, not
  // row 93), or with their names: then any line with a bar, when no row is under way, opens one.
  let numbered = false;
  let serial = 1;
  const opensRow = (unit: Unit | undefined): boolean => {
    if (unit === undefined || unit.kind !== 'line') return false;
    if (outerBars) return ROW_START.test(unit.text.text);
    const number = BARE_ROW_START.exec(unit.text.text);
    return numbered ? number !== null && Number(number[1]) === serial : bars(unit.text.text) > 0;
  };
  // The header, wrapped: its lines go on until a row or the rule starts (in a bare table, until a line with a bar).
  const header: LineUnit[] = [units[i++] as LineUnit];
  while (i < units.length && isContinuation(units[i]!) && !opensRow(units[i]) && !RULE_PIECE.test(text(units[i]!))) {
    header.push(units[i++] as LineUnit);
  }
  if (header.length > MAX_HEADER_LINES) return undefined;
  out.push(whole(header));
  const headerText = header.map((l) => l.text.text).join('');
  const width = bars(headerText);
  const rule: LineUnit[] = [];
  while (i < units.length && units[i]!.kind === 'line' && RULE_PIECE.test(text(units[i]!))) rule.push(units[i++] as LineUnit);
  if (rule.length > 0) out.push(whole(rule));
  if (!opensRow(nextLine(units, i))) return undefined;
  const firstRow = nextLine(units, i);
  numbered = !outerBars && firstRow?.kind === 'line' && BARE_ROW_START.exec(firstRow.text.text)?.[1] === '1';
  // Rows with outer bars end on one; rows without them end on their last cell's text, which the page may cut too.
  const closingBar = /[|｜]\s*$/;
  const outer = closingBar.test(headerText);
  const complete = (lines: LineUnit[], count: number): boolean => count >= width && (outer || !closingBar.test(lines[lines.length - 1]!.text.text));
  let row: LineUnit[] = [];
  let count = 0;
  let last: { lines: LineUnit[]; at: number } | undefined;
  const rows: LineUnit[][] = [];
  const flush = (): void => {
    rows.push(row);
    last = { lines: row, at: out.length };
    out.push(whole(row));
    row = [];
    count = 0;
    serial++;
  };
  for (; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind !== 'line') break;
    if (isBlank(unit)) {
      // A page turn inside the table: pdftotext leaves a blank where the page number was.
      if (row.length === 0) out.push(unit);
      continue;
    }
    const lineBars = bars(unit.text.text);
    const opens = opensRow(unit);
    // A short row (a cell left out) must not swallow the next one.
    if (row.length > 0 && opens && count + lineBars > width) flush();
    // A row's name cut before its first bar, indented as the rows open (text that keeps its indents).
    const namePiece = !outerBars && !numbered && isIndented(unit) && opensRow(nextLine(units, i + 1));
    if (row.length === 0 && !opensRow(unit) && !namePiece) {
      // The last cell of a row without outer bars, cut by the page: text between two rows goes on the row before.
      if (outer || !last || !opensRow(nextLine(units, i + 1))) break;
      last.lines.push(unit);
      out[last.at] = whole(last.lines);
      continue;
    }
    row.push(unit);
    count += lineBars;
    if (row.length > MAX_ROW_LINES) return undefined;
    if (complete(row, count)) flush();
  }
  if (row.length > 0) flush();
  // Rows opening with their names are told from text only by their bars: every one must have the header's.
  if (!outerBars && !numbered && rows.some((r) => bars(r.map((l) => l.text.text).join('')) !== width)) return undefined;
  return { units: out, end: i };
}

/** Indented as a paragraph's first line: by its printed indent, or by the PDF's geometry. */
function isIndented(unit: LineUnit): boolean {
  return (unit.printed?.lead ?? 0) > 0 || (unit.layout?.indent ?? 0) >= 1;
}

/** The next unit from `from` that is not a blank line. */
function nextLine(units: Unit[], from: number): Unit | undefined {
  return units.slice(from).find((u) => !isBlank(u));
}

function text(unit: Unit): string {
  return unit.kind === 'line' ? unit.text.text : '';
}

/** Most characters a header cell cut off alone on a line has (完成时限, 属性). */
const HEADER_PIECE_CHARS = 10;

/** A line that may go on a header: not blank, no sentence, holding a bar or short enough to be one cell's end. */
function isContinuation(unit: Unit): boolean {
  if (unit.kind !== 'line' || isBlank(unit) || SENTENCE_END.test(unit.text.text)) return false;
  return bars(unit.text.text) > 0 || unit.text.text.trim().length <= HEADER_PIECE_CHARS;
}

function whole(lines: LineUnit[]): LineUnit {
  return { ...(lines.length === 1 ? lines[0]! : mergeLines(lines)), wholeRow: true };
}
