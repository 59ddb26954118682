/**
 * Tables and boxes, found before headings so that numbered lines inside them
 * are never taken for sections. docx tables and boxes come as blocks with
 * rows; flattened TAB tables are rebuilt from the text.
 */
import type { NormalisedText, SourceFormat, Table } from '../core/state.js';
import { boxFromFlatTable, findTextBoxes, type BoxDraft } from './boxes.js';
import { countHeaderRows, gridFromFlat, gridFromSpans } from './grid.js';
import { isBlank, RangeSet, type Line } from './lines.js';
import { joinPageSplitTables } from './page-split-tables.js';
import type { StructureRules } from './rules.js';
import { findStackedTables } from './stacked-tables.js';
import { findMarkdownTables, findTabRowTables, findTextTables, type FlatCell } from './text-tables.js';

export type TableDraft = Omit<Table, 'index' | 'sectionPath' | 'page'>;

export interface Regions {
  tables: TableDraft[];
  boxes: BoxDraft[];
  /** Text owned by a table or box: no heading starts there. */
  claimed: RangeSet;
}

export function findRegions(
  normalised: NormalisedText,
  lines: Line[],
  structureRules: StructureRules,
  format: SourceFormat,
  boxTitle: RegExp,
  looksLikeHeading: (line: Line) => boolean,
): Regions {
  const { text } = normalised;
  const tableDrafts: TableDraft[] = [];
  const boxDrafts: BoxDraft[] = [];
  const claimed = new RangeSet();

  // Tables and boxes the reader saw as such (docx, ruled PDF tables; one table again where a page end split it).
  for (const block of joinPageSplitTables(normalised.blocks, text, structureRules)) {
    if (block.kind === 'box') {
      boxDrafts.push(boxFromBlock(text, block.start, block.end));
      claimed.add(block.start, block.end);
    } else if (block.kind === 'table' && block.rows && block.rows.length > 0) {
      const grid = gridFromSpans(block.rows);
      const oneColumnBox = grid.every((row) => row.length === 1) && boxTitle.test(grid[0]![0]!.text.trim());
      if (oneColumnBox) boxDrafts.push(boxFromBlock(text, block.start, block.end));
      else {
        const headerRows = countHeaderRows(
          grid.map((row) => row.map((cell) => (cell.carried ? '' : cell.text))),
          structureRules,
        );
        tableDrafts.push({ rows: grid, headerRows, start: block.start, end: block.end, origin: format === 'pdf' ? 'pdf' : 'docx' });
      }
      claimed.add(block.start, block.end);
    }
  }

  // Tables flattened into TAB lines: inside the normaliser's text-table blocks,
  // and anywhere else a reader left them.
  const free = (line: Line) => !claimed.overlaps(line.start, Math.max(line.end, line.start + 1));
  // Inside the normaliser's text-table block every line is table text, even one that starts like a heading.
  const flatTables = normalised.blocks
    .filter((block) => block.kind === 'table' && !block.rows)
    .flatMap((block) =>
      findTextTables(
        text,
        lines.filter((line) => line.start >= block.start && line.end <= block.end),
        () => true,
        () => false,
      ),
    );
  for (const flat of flatTables) claimed.add(flat.start, flat.end);
  flatTables.push(...findTextTables(text, lines, free, looksLikeHeading));
  for (const flat of flatTables) claimed.add(flat.start, flat.end);
  flatTables.push(...findTabRowTables(text, lines, free), ...findMarkdownTables(text, lines, free));
  for (const flat of flatTables) claimed.add(flat.start, flat.end);
  // Last: one cell per line is the loosest layout, so every other reading goes first.
  flatTables.push(...findStackedTables(text, lines, free, looksLikeHeading, structureRules.table));

  // A box's content may run on past its TAB lines (one-cell tables flatten to a
  // title cell followed by plain lines): it ends at the next heading or blank line.
  const ownsNext = (line: Line) => free(line) && !isBlank(line.text) && !looksLikeHeading(line) && !boxTitle.test(line.text.trim());
  for (const flat of flatTables) {
    claimed.add(flat.start, flat.end);
    const box = boxFromFlatTable(flat, text, boxTitle);
    if (!box) {
      tableDrafts.push(tableFromFlat(flat.rows, flat.start, flat.end, structureRules, 'text'));
      continue;
    }
    let index = lines.findIndex((line) => line.start > box.end);
    while (index !== -1 && index < lines.length && ownsNext(lines[index]!)) box.end = lines[index++]!.end;
    claimed.add(box.start, box.end);
    boxDrafts.push(box);
  }
  for (const box of findTextBoxes(lines, boxTitle, free, looksLikeHeading)) {
    absorbFollowingBlock(box, text, tableDrafts, boxDrafts);
    claimed.add(box.start, box.end);
    boxDrafts.push(box);
  }

  return { tables: tableDrafts, boxes: boxDrafts, claimed };
}

/**
 * A 专栏 title standing above a table (专栏1 主要指标, then the indicator table)
 * or above an untitled box block: the box takes them in. A table stays a table
 * (its cells are data), so its sentences are cells inside the box.
 */
function absorbFollowingBlock(box: BoxDraft, text: string, tables: TableDraft[], boxes: BoxDraft[]): void {
  let next = box.end;
  while (next < text.length && /\s/u.test(text[next]!)) next++;
  const table = tables.find((t) => t.start === next);
  if (table) {
    box.end = Math.max(box.end, table.end);
    return;
  }
  const untitled = boxes.findIndex((b) => b.start === next);
  if (untitled !== -1) {
    box.end = Math.max(box.end, boxes[untitled]!.end);
    boxes.splice(untitled, 1);
  }
}

function tableFromFlat(rows: FlatCell[][], start: number, end: number, rules: StructureRules, origin: Table['origin']): TableDraft {
  const headerRows = countHeaderRows(
    rows.map((row) => row.map((cell) => cell.text)),
    rules,
  );
  return { rows: gridFromFlat(rows, headerRows), headerRows, start, end, origin };
}

function boxFromBlock(text: string, start: number, end: number): BoxDraft {
  const firstLine = text
    .slice(start, end)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  return { title: firstLine ?? '', start, end };
}
