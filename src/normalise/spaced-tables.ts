/**
 * A numbered table whose cells the text gives apart by gaps — single spaces
 * from a PDF text layer or pdftotext, ideographic spaces, or TABs — a task
 * list (序号 重点任务 牵头单位 配合单位 完成时限, then 1 完成… 县农业农村局 各乡（镇）
 * / 人民政府 2024年4月底前) or an indicator table. Its header and rows wrap at the
 * page width, inside a cell or between cells. Read before cleanup (which drops
 * spaces next to Chinese text): rows open with their numbers in order, and a
 * row's gaps tell how its lines join — as many as the header's when each line
 * break fell inside a cell, or as many once a break between cells counts as a
 * gap. A row that adds up neither way leaves the table as it is.
 */
import type { LineUnit, Unit } from './locate-blocks.js';
import { MappedText } from './mapped-text.js';
import { startsNewParagraph } from './headings.js';

const CJK = /[\u4e00-\u9fff]/;
/** Prose punctuation: a header has none of it. */
const PROSE_MARK = /[，。；：！？,;:]/;
/** Fewest cells a header names (序号 and three columns). */
const MIN_HEADER_CELLS = 4;
/** Longest header cell (牵头单位, 完成时限, 2023年基数). */
const MAX_HEADER_CELL_CHARS = 8;
/** Printed lines a header or a row may take. */
const MAX_HEADER_LINES = 3;
const MAX_ROW_LINES = 4;

/** Cells apart by TABs (each TAB one gap: two in a row are an empty cell), else by runs of spaces. */
const gapsOf = (tabs: boolean): RegExp => (tabs ? /\t/g : /[ \u3000]+/g);

const lineText = (unit: Unit | undefined): string => (unit?.kind === 'line' ? unit.text.text.trim() : '');
const opensRow = (text: string, serial: number): boolean => new RegExp(`^${serial}[ \\t\\u3000]`).test(text);

/** A row's printed lines joined: its first line without the paragraph indent, a gap at each break when `between`. */
function joined(lines: LineUnit[], between: boolean): MappedText {
  const parts: MappedText[] = [];
  lines.forEach((line, k) => {
    let text = line.text;
    if (k === 0) text = text.slice(text.text.length - text.text.trimStart().length);
    if (k > 0 && between) parts.push(MappedText.inserted(' ', text.sourceStart()));
    parts.push(text.slice(0, text.text.trimEnd().length + (/[\t\u3000]$/.test(text.text) ? 1 : 0)));
  });
  return MappedText.concat(parts);
}

function isHeader(text: string, gap: RegExp): boolean {
  const cells = text.trim().split(gap);
  return cells.length >= MIN_HEADER_CELLS && !PROSE_MARK.test(text) && cells.every((cell) => CJK.test(cell) && [...cell].length <= MAX_HEADER_CELL_CHARS);
}

export function joinSpacedTables(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const table = units[i]!.kind === 'line' ? readTable(units, i) : undefined;
    if (table) {
      out.push(...table.units);
      i = table.end;
    } else {
      out.push(units[i]!);
      i++;
    }
  }
  return out;
}

function readTable(units: Unit[], from: number): { units: Unit[]; end: number } | undefined {
  // Blank lines between printed lines (some extractors space every line) are no part of the table.
  const next = (k: number): number => {
    while (k < units.length && units[k]!.kind === 'line' && lineText(units[k]) === '') k++;
    return k;
  };
  // The header: up to the line opening row 1, a few lines at most.
  const headerLines: LineUnit[] = [];
  let i = from;
  while (i < units.length && headerLines.length < MAX_HEADER_LINES && units[i]!.kind === 'line' && !opensRow(lineText(units[i]), 1)) {
    // A heading (一、重点任务) stands before a table, never inside its header: the table starts after it.
    if (startsNewParagraph(lineText(units[i]))) return undefined;
    headerLines.push(units[i] as LineUnit);
    i = next(i + 1);
  }
  if (headerLines.length === 0 || !opensRow(lineText(units[i]), 1)) return undefined;
  const tabs = headerLines[0]!.text.text.includes('\t');
  const gap = gapsOf(tabs);
  const header = joined(headerLines, false);
  if (!isHeader(header.text, gap)) return undefined;
  const width = count(header.text, gap);
  const out: Unit[] = [tabbed(headerLines, header, gap)];
  let end = i;
  for (let serial = 1; i < units.length && opensRow(lineText(units[i]), serial); serial++) {
    const row: LineUnit[] = [units[i] as LineUnit];
    i = next(i + 1);
    // A row goes on to the next row's number; the last one until it could hold the header's gaps.
    while (i < units.length && row.length < MAX_ROW_LINES && isContinuation(units[i]!, serial + 1)) {
      if (!opensRow(lineText(units[next(i + 1)]), serial + 1) && count(joined(row, true).text, gap) >= width && !isCellEnd(units[i]!, gap)) break;
      row.push(units[i] as LineUnit);
      i = next(i + 1);
    }
    const inside = joined(row, false);
    const between = joined(row, true);
    if (count(inside.text, gap) === width) out.push(tabbed(row, inside, gap));
    else if (!tabs && count(between.text, gap) === width) out.push(tabbed(row, between, gap));
    else return undefined;
    end = units.indexOf(row[row.length - 1]!) + 1;
  }
  return { units: out, end };
}

function count(text: string, gap: RegExp): number {
  return text.trim().match(gap)?.length ?? 0;
}

/** Most characters the cut end of a last cell has alone on a line (底前, 人民政府). */
const CELL_END_CHARS = 8;

/** A short piece with no gap and no punctuation: the end of the last row's last cell, not the text after the table. */
function isCellEnd(unit: Unit, gap: RegExp): boolean {
  const text = lineText(unit);
  return [...text].length <= CELL_END_CHARS && count(text, gap) === 0 && !PROSE_MARK.test(text) && !/[。）)]$/.test(text);
}

function isContinuation(unit: Unit, nextSerial: number): boolean {
  const text = lineText(unit);
  return unit.kind === 'line' && text !== '' && !opensRow(text, nextSerial) && !startsNewParagraph(text);
}

/** The row (or header) on one line, a TAB between its cells, marked whole so nothing joins it further. */
function tabbed(lines: LineUnit[], text: MappedText, gap: RegExp): LineUnit {
  const first = lines[0]!;
  const row: LineUnit = { kind: 'line', text: text.trim().replace(gap, () => '\t'), wholeRow: true };
  if (first.page !== undefined) row.page = first.page;
  return row;
}
