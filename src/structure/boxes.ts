/**
 * 专栏/专项 boxes. Plans set projects apart in boxes: in docx a one-cell table,
 * in flattened text a one-column TAB table, in PDF a title line (专栏1 …)
 * followed by its content up to the next heading or blank line.
 */
import type { Box } from '../core/state.js';
import { isBlank, type Line } from './lines.js';
import type { FlatTable } from './text-tables.js';

export type BoxDraft = Omit<Box, 'sectionPath' | 'page'>;

export function boxTitleRegex(pattern: string): RegExp {
  return new RegExp(pattern, 'u');
}

/** A flattened table with one column whose first cell opens with 专栏N is a box. */
export function boxFromFlatTable(table: FlatTable, text: string, title: RegExp): BoxDraft | null {
  if (!table.rows.every((row) => row.length === 1)) return null;
  const first = table.rows[0]![0]!;
  const lineEnd = text.indexOf('\n', first.start);
  const firstLine = text.slice(first.start, lineEnd === -1 ? first.end : Math.min(lineEnd, first.end)).trim();
  if (!title.test(firstLine)) return null;
  return { title: firstLine, start: table.start, end: table.end };
}

/** Title-line boxes in running text: from the title to the next heading, blank line or foreign block. */
export function findTextBoxes(lines: Line[], title: RegExp, free: (line: Line) => boolean, isHeading: (line: Line) => boolean): BoxDraft[] {
  const boxes: BoxDraft[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!free(line) || !title.test(line.text.trim())) continue;
    let end = line.end;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      if (!free(next) || isBlank(next.text) || isHeading(next) || title.test(next.text.trim())) break;
      end = next.end;
    }
    const lead = line.text.length - line.text.trimStart().length;
    boxes.push({ title: line.text.trim(), start: line.start + lead, end });
    i = j - 1;
  }
  return boxes;
}
