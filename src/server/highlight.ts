/**
 * The normalised text as HTML with every extracted record marked in place.
 * Records may overlap (a department inside a milestone), so the text is cut
 * at every record boundary and each piece is marked with all the records
 * covering it; the page script shows them all when the piece is clicked.
 */
import { escapeHtml } from './html.js';

export interface Mark {
  key: string;
  kind: string;
  start: number;
  end: number;
  /** Extra classes, e.g. "flagged". */
  extra?: string;
}

/**
 * HTML for text[from, to) with the marks that overlap it. `anchored` collects
 * keys whose element id was already written, so each record gets one anchor
 * (`id="rec-q12"`) even when its span is cut into pieces.
 */
export function markedText(text: string, from: number, to: number, marks: Mark[], anchored: Set<string>): string {
  const inside = marks.filter((m) => m.end > from && m.start < to && m.end > m.start);
  if (inside.length === 0) return escapeHtml(text.slice(from, to));
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    if (m.start > from) cuts.add(m.start);
    if (m.end < to) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = escapeHtml(text.slice(a, b));
    const active = inside.filter((m) => m.start <= a && m.end >= b);
    if (active.length === 0) {
      out += piece;
      continue;
    }
    const classes = new Set(['hl']);
    for (const m of active) {
      classes.add(`k-${m.kind}`);
      if (m.extra) classes.add(m.extra);
    }
    const ids = active.filter((m) => !anchored.has(m.key)).map((m) => m.key);
    for (const key of ids) anchored.add(key);
    const anchors = ids
      .slice(1)
      .map((k) => `<a id="rec-${k}"></a>`)
      .join('');
    out += `${anchors}<mark class="${[...classes].join(' ')}" data-records="${active.map((m) => m.key).join(' ')}"${ids[0] ? ` id="rec-${ids[0]}"` : ''} tabindex="0">${piece}</mark>`;
  }
  return out;
}

/** Paragraphs of text[from, to): one <p> per line, empty lines dropped. */
export function markedParagraphs(text: string, from: number, to: number, marks: Mark[], anchored: Set<string>): string {
  let out = '';
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    if (text.slice(start, end).trim()) out += `<p>${markedText(text, start, end, marks, anchored)}</p>\n`;
    start = end + 1;
  }
  return out;
}
