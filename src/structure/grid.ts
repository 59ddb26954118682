/**
 * Turns cells into a full-width grid: merged cells expanded and marked
 * `carried`, header rows counted. Shared by tables read from docx blocks and
 * tables read from flattened text.
 */
import type { NormalisedCell, TableCell } from '../core/state.js';
import type { StructureRules } from './rules.js';
import type { FlatCell } from './text-tables.js';

/** Docx-style rows with row/col spans → full grid; spanned positions are carried copies. */
export function gridFromSpans(rows: NormalisedCell[][]): TableCell[][] {
  const grid: Array<Array<TableCell | undefined>> = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r]![col] !== undefined) col++;
      const rowSpan = Math.max(1, cell.rowSpan);
      const colSpan = Math.max(1, cell.colSpan);
      for (let dr = 0; dr < rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![col + dc] = { text: cell.text, start: cell.start, end: cell.end, carried: dr > 0 || dc > 0 };
        }
      }
      col += colSpan;
    }
  });
  return fillHoles(grid);
}

/**
 * Flattened-text rows → full grid. Text has no spans: an empty cell under a
 * filled one is a vertical merge, so it carries the text from above (within
 * the header or within the body, never from header into body).
 */
export function gridFromFlat(rows: FlatCell[][], headerRows: number): TableCell[][] {
  const grid: Array<Array<TableCell | undefined>> = rows.map((row) => row.map((cell) => ({ ...cell, carried: false })));
  const full = fillHoles(grid);
  for (let r = 1; r < full.length; r++) {
    if (r === headerRows) continue;
    full[r]!.forEach((cell, c) => {
      const above = full[r - 1]![c];
      if (cell.text === '' && above && above.text !== '') {
        full[r]![c] = { text: above.text, start: above.start, end: above.end, carried: true };
      }
    });
  }
  return full;
}

function fillHoles(grid: Array<Array<TableCell | undefined>>): TableCell[][] {
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => {
    const filled: TableCell[] = [];
    let lastEnd = 0;
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (cell) {
        filled.push(cell);
        lastEnd = cell.end;
      } else {
        filled.push({ text: '', start: lastEnd, end: lastEnd, carried: false });
      }
    }
    return filled;
  });
}

/**
 * Header rows: leading rows without figures that name columns (序号, 指标,
 * 目标值 …). The first row also counts when rows below it hold figures.
 */
export function countHeaderRows(texts: string[][], rules: StructureRules): number {
  const figure = new RegExp(rules.table.figurePattern, 'u');
  const isFigure = (text: string) => text.trim() !== '' && figure.test(text.trim());
  const namesColumn = (text: string) => rules.table.headerWords.some((word) => text.includes(word));
  const limit = Math.min(rules.table.maxHeaderRows, texts.length - 1);
  let count = 0;
  for (let r = 0; r < limit; r++) {
    const row = texts[r]!;
    if (row.some(isFigure) || row.every((text) => text.trim() === '')) break;
    const laterFigures = texts.slice(r + 1).some((later) => later.some(isFigure));
    if (row.some(namesColumn) || (r === 0 && laterFigures)) count++;
    else break;
  }
  return count;
}
