/**
 * A numbered table whose cells a PDF text layer (or pdftotext) gives apart by
 * single spaces — a task list: 序号 重点任务 牵头单位 配合单位 完成时限, then
 * 1 完成… 县农业农村局 各乡（镇） / 人民政府 2024年4月底前. Its rows wrap at the
 * page width, mid-cell or between cells. Read before cleanup (which drops
 * spaces next to Chinese text): rows open with their numbers in order, and a
 * row's spaces tell how its lines join — as many as the header's gaps: each
 * line break was inside a cell; one fewer per break: each break was between
 * cells. A row that adds up neither way leaves the table as it is.
 */
import type { LineUnit, Unit } from './locate-blocks.js';
import { MappedText } from './mapped-text.js';
import { startsNewParagraph } from './headings.js';

const GAP = / +/g;
const CJK = /[\u4e00-\u9fff]/;
/** Prose punctuation: a header has none of it. */
const PROSE_MARK = /[，。；：！？,;:]/;
/** Fewest cells a header names (序号 and three columns). */
const MIN_HEADER_CELLS = 4;
/** Longest header cell (牵头单位, 完成时限, 2025年目标值). */
const MAX_HEADER_CELL_CHARS = 8;
/** Printed lines a row may take. */
const MAX_ROW_LINES = 4;

const lineText = (unit: Unit | undefined): string => (unit?.kind === 'line' ? unit.text.text.trim() : '');
const gaps = (text: string): number => text.trim().match(GAP)?.length ?? 0;

function isHeader(text: string): boolean {
  const cells = text.trim().split(GAP);
  return (
    cells.length >= MIN_HEADER_CELLS &&
    !PROSE_MARK.test(text) &&
    !text.includes('\t') &&
    cells.every((cell) => CJK.test(cell) && [...cell].length <= MAX_HEADER_CELL_CHARS)
  );
}

const opensRow = (text: string, serial: number): boolean => text.startsWith(`${serial} `);

export function joinSpacedTables(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i]!;
    const table = unit.kind === 'line' && isHeader(unit.text.text) && opensRow(lineText(units[i + 1]), 1) ? readTable(units, i) : undefined;
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

function readTable(units: Unit[], from: number): { units: Unit[]; end: number } | undefined {
  const header = units[from] as LineUnit;
  const width = gaps(header.text.text);
  const out: Unit[] = [tabbed([header], 'inside')];
  let i = from + 1;
  for (let serial = 1; opensRow(lineText(units[i]), serial); serial++) {
    const row: LineUnit[] = [units[i++] as LineUnit];
    const rowGaps = (): number => row.reduce((n, line) => n + gaps(line.text.text), 0);
    // A row goes on to the next row's number; the last one until it could hold the header's gaps.
    while (i < units.length && row.length < MAX_ROW_LINES && isContinuation(units[i]!, serial + 1)) {
      if (!opensRow(lineText(units[i + 1]), serial + 1) && rowGaps() + row.length - 1 >= width) break;
      row.push(units[i++] as LineUnit);
    }
    const breaks = row.length - 1;
    if (rowGaps() === width) out.push(tabbed(row, 'inside'));
    else if (rowGaps() + breaks === width) out.push(tabbed(row, 'between'));
    else return undefined;
  }
  return { units: out, end: i };
}

function isContinuation(unit: Unit, nextSerial: number): boolean {
  const text = lineText(unit);
  return unit.kind === 'line' && text !== '' && !opensRow(text, nextSerial) && !startsNewParagraph(text);
}

/** The row on one line, TABs between its cells; its line breaks fell inside cells or between them. */
function tabbed(lines: LineUnit[], breaks: 'inside' | 'between'): LineUnit {
  const parts: MappedText[] = [];
  lines.forEach((line, k) => {
    const text = line.text.trim();
    if (k > 0 && breaks === 'between') parts.push(MappedText.inserted('\t', text.sourceStart()));
    parts.push(text.replace(GAP, () => '\t'));
  });
  const first = lines[0]!;
  const row: LineUnit = { kind: 'line', text: MappedText.concat(parts), wholeRow: true };
  if (first.page !== undefined) row.page = first.page;
  return row;
}
