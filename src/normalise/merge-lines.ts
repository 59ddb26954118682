/** Printed lines of one paragraph or table row, joined back into one line. */
import type { LineUnit } from './locate-blocks.js';
import { MappedText } from './mapped-text.js';

export function mergeLines(lines: LineUnit[]): LineUnit {
  const parts: MappedText[] = [];
  lines.forEach((line, i) => {
    const previous = parts[parts.length - 1];
    // Latin words broken across lines need their space back; Chinese text joins directly.
    if (i > 0 && previous && /[A-Za-z]$/.test(previous.text) && /^[A-Za-z]/.test(line.text.text)) {
      parts.push(MappedText.inserted(' ', line.text.sourceStart()));
    }
    parts.push(line.text);
  });
  const first = lines[0]!;
  const merged: LineUnit = { kind: 'line', text: MappedText.concat(parts) };
  if (first.page !== undefined) merged.page = first.page;
  if (first.headingLevel !== undefined) merged.headingLevel = first.headingLevel;
  return merged;
}
