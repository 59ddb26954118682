/**
 * A ruled table that runs over a page end comes out of a PDF as two tables,
 * one a page. Word repeats the header row on the new page only when asked to,
 * so the second part often starts straight with body rows: read alone, its
 * columns would have no names and its figures no meaning. The parts are one
 * table again when nothing but the page break stands between them, they have
 * the same columns, and the second part starts either with the first part's
 * header repeated (dropped) or with a row that names no column.
 */
import type { NormalisedBlock, NormalisedCell } from '../core/state.js';
import { countHeaderRows, gridFromSpans } from './grid.js';
import { isBlank } from './lines.js';
import type { StructureRules } from './rules.js';

type TableBlock = NormalisedBlock & { rows: NormalisedCell[][] };

export function joinPageSplitTables(blocks: NormalisedBlock[], text: string, rules: StructureRules): NormalisedBlock[] {
  const joined: NormalisedBlock[] = [];
  // The page each joined table ends on: a table may run over several pages.
  const lastPage: Array<number | undefined> = [];
  for (const block of blocks) {
    const at = joined.length - 1;
    const previous = joined[at];
    const rest = previous && isTable(previous) && isTable(block) ? continuationRows(previous, lastPage[at], block, text, rules) : null;
    if (rest) {
      joined[at] = { ...previous!, end: block.end, rows: joinRows(previous!.rows!, rest) };
      lastPage[at] = block.page;
    } else {
      joined.push(block);
      lastPage.push(block.page);
    }
  }
  return joined;
}

/**
 * Word lets a row break over the page end: the next page then starts with the
 * row's rest, its first cell (序号, the task) empty and most others too. That
 * row is finished with it, cell by cell; a row that only lacks its leading
 * group cell (类别 merged over the page end) is a row of its own.
 */
function joinRows(above: NormalisedCell[][], below: NormalisedCell[][]): NormalisedCell[][] {
  const last = above[above.length - 1]!;
  const [first, ...others] = below;
  if (!first || !isRowRest(first, last)) return [...above, ...below];
  const finished = last.map((cell, c) => {
    const rest = first[c];
    if (!rest || rest.text.trim() === '') return cell;
    if (cell.text.trim() === '') return rest;
    return { ...cell, text: cell.text + rest.text, end: rest.end };
  });
  return [...above.slice(0, -1), finished, ...others];
}

function isRowRest(row: NormalisedCell[], above: NormalisedCell[]): boolean {
  const empty = row.filter((cell) => cell.text.trim() === '').length;
  return row.length === above.length && row[0]!.text.trim() === '' && above[0]!.text.trim() !== '' && empty * 2 >= row.length && empty < row.length;
}

function isTable(block: NormalisedBlock): block is TableBlock {
  return block.kind === 'table' && block.rows !== undefined && block.rows.length > 0;
}

/** The second part's rows that continue the first (its repeated header left out), or null when it is a table of its own. */
function continuationRows(
  first: TableBlock,
  firstEndPage: number | undefined,
  second: TableBlock,
  text: string,
  rules: StructureRules,
): NormalisedCell[][] | null {
  if (firstEndPage === undefined || second.page !== firstEndPage + 1) return null;
  if (!isBlank(text.slice(first.end, second.start))) return null;
  const firstGrid = texts(first.rows);
  const secondGrid = texts(second.rows);
  if (firstGrid[0]!.length !== secondGrid[0]!.length) return null;
  // Counted over both parts: a page may end with the header alone, its body all on the next page.
  const headerRows = Math.min(countHeaderRows([...firstGrid, ...secondGrid], rules), firstGrid.length);
  if (headerRows === 0) return null;
  const header = firstGrid.slice(0, headerRows);
  const repeated = header.every((row, r) => secondGrid[r] !== undefined && sameRow(row, secondGrid[r]!));
  if (repeated) return second.rows.length > headerRows ? second.rows.slice(headerRows) : null;
  return namesColumns(secondGrid[0]!, rules) ? null : second.rows;
}

/** Longer than this a cell is body text even when a header word is in it (重点项目推进情况). */
const MAX_HEADER_CELL = 8;

/**
 * A row that heads a table of its own: half its cells or more are short
 * column names (序号, 指标名称, 牵头单位). Body rows may hold the same words
 * inside longer cells, or beside figures, and do not count.
 */
export function namesColumns(row: string[], rules: StructureRules): boolean {
  const figure = new RegExp(rules.table.figurePattern, 'u');
  const cells = row.map((cell) => cell.replace(/\s/gu, '')).filter((cell) => cell !== '');
  const isName = (cell: string) => cell.length <= MAX_HEADER_CELL && !figure.test(cell) && rules.table.headerWords.some((word) => cell.includes(word));
  return cells.length > 0 && cells.filter(isName).length * 2 >= cells.length;
}

function texts(rows: NormalisedCell[][]): string[][] {
  return gridFromSpans(rows).map((row) => row.map((cell) => cell.text));
}

function sameRow(a: string[], b: string[]): boolean {
  const squeeze = (s: string) => s.replace(/\s/gu, '');
  return a.length === b.length && a.every((cell, i) => squeeze(cell) === squeeze(b[i]!));
}
