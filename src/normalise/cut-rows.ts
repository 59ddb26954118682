/**
 * A table row with its cells apart by TABs (or by spaces the cleanup turned
 * into TABs) that the page width cut: its last figures go on the next printed
 * line alone (… % 12.7 / 13.3 14 15, or … 〔7〕 / 〔10〕). Where a row is short of
 * the header's cells by exactly the figures the next line holds, that line is
 * the row's end.
 */
import type { LineUnit, Unit } from './locate-blocks.js';
import { isFigureRun } from './char-cleanup.js';
import { MappedText } from './mapped-text.js';

const cellCount = (unit: LineUnit): number => unit.text.text.split('\t').filter((c) => c.trim() !== '').length;
/** A row on one line with TABs between its cells (not a TAB-led cell of a flattened table). */
const isTabRow = (unit: LineUnit): boolean => !unit.text.text.startsWith('\t') && unit.text.text.includes('\t') && cellCount(unit) >= 2;

export function joinCutRows(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  // Cells of the widest row in the run of rows so far: the header's.
  let width = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (unit.kind !== 'line' || !isTabRow(unit)) {
      // A blank line (a page turn) keeps the run of rows going.
      if (unit.kind !== 'line' || unit.text.text.trim() !== '') width = 0;
      out.push(unit);
      continue;
    }
    const cells = cellCount(unit);
    width = Math.max(width, cells);
    const next = units[i + 1];
    if (cells < width && next?.kind === 'line' && isFigureRun(next.text.text)) {
      const figures = next.text.text.trim().split(/[ \t]+/).length;
      if (cells + figures === width) {
        const tail = next.text.trim().replace(/[ \t]+/g, () => '\t');
        out.push({ ...unit, text: MappedText.concat([unit.text, MappedText.inserted('\t', tail.sourceStart()), tail]) });
        i++;
        continue;
      }
    }
    out.push(unit);
  }
  return out;
}
