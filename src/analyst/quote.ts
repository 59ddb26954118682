/**
 * The source an analyst reads beside a figure (`compare --quote`, query's
 * quote column): the clause of the sentence that holds the figure — not the
 * whole sentence, whose figure a terminal cuts off when it comes late — and
 * for a table cell its row as `header: value` pairs, so 43.14 reads as
 * `2021年完成值: 43.14`.
 */
import type { Db } from '../store/index.js';

/** Marks that end a clause in Chinese prose (and their ASCII forms in PDF text). */
const CLAUSE_END = /[，,；;。！？!?：:\n]/;

/**
 * The clause of `sentence` that holds the span [start, end) (offsets into
 * the sentence): from the clause mark before it to the one after. Where the
 * clause does not name the indicator but an earlier clause of the sentence
 * does (知识产权质押融资额稳步增长，2025年达到200亿元), the quote starts there.
 */
export function clauseAround(sentence: string, start: number, end: number, indicator?: string): string {
  if (start < 0 || end > sentence.length || start >= end) return sentence.trim();
  let from = start;
  while (from > 0 && !CLAUSE_END.test(sentence[from - 1]!)) from--;
  let to = end;
  while (to < sentence.length && !CLAUSE_END.test(sentence[to]!)) to++;
  const named = indicator ? lastNaming(sentence, compact(indicator), start) : -1;
  if (named >= 0 && named < from) {
    from = named;
    while (from > 0 && !CLAUSE_END.test(sentence[from - 1]!)) from--;
  }
  return sentence.slice(from, to).trim();
}

/**
 * Where the sentence last names the indicator before `before`: the whole
 * name, else its longest head of four characters or more (万人高价值发明专利
 * 拥有量 for the derived 万人高价值发明专利拥有量同比增长率).
 */
function lastNaming(sentence: string, name: string, before: number): number {
  for (let length = name.length; length >= Math.min(4, name.length); length--) {
    const at = sentence.lastIndexOf(name.slice(0, length), before);
    if (at >= 0) return at;
  }
  return -1;
}

/** PDF and table text put blanks inside names. */
function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * A table row as `header: value` pairs joined with ' | '; the header of a
 * column with several header rows is their distinct texts joined by '/', and
 * a cell under an empty header stands alone.
 */
export function headedRow(headers: ReadonlyArray<readonly string[]>, row: readonly string[]): string {
  return row
    .map((cell, col) => {
      const names = [...new Set(headers.map((h) => compact(h[col] ?? '')).filter(Boolean))];
      const value = cell.trim();
      if (!value) return null;
      return names.length ? `${names.join('/')}: ${value}` : value;
    })
    .filter((part): part is string => part !== null)
    .join(' | ');
}

interface QuoteSource {
  sentence: string;
  start: number;
  end: number;
  sentence_start: number | null;
  table_id: number | null;
  header_rows: number | null;
  cell_row: number | null;
}

/** The quotes of quantity rows by id: the figure's clause, or its table row with headers. */
export function quotesOf(db: Db, rows: ReadonlyArray<{ quantity_id: number; indicator_as_written: string }>): Map<number, string> {
  const source = db.prepare(
    `SELECT q.sentence, q.start, q."end", s.start AS sentence_start, t.id AS table_id, t.header_rows, q.cell_row
     FROM quantities q
     LEFT JOIN sentences s ON s.document_id = q.document_id AND s.idx = q.sentence_idx
     LEFT JOIN tables t ON t.document_id = q.document_id AND t.idx = q.cell_table
     WHERE q.id = ?`,
  );
  const cells = db.prepare('SELECT row, col, text FROM table_cells WHERE table_id = ? AND (row < ? OR row = ?) ORDER BY row, col');
  const quotes = new Map<number, string>();
  for (const r of rows) {
    const q = source.get(r.quantity_id) as QuoteSource | undefined;
    if (!q) continue;
    if (q.table_id !== null && q.cell_row !== null) {
      const grid = new Map<number, string[]>();
      for (const c of cells.all(q.table_id, q.header_rows ?? 0, q.cell_row) as Array<{ row: number; col: number; text: string }>) {
        const line = grid.get(c.row) ?? [];
        line[c.col] = c.text;
        grid.set(c.row, line);
      }
      const headers = [...grid].filter(([row]) => row < (q.header_rows ?? 0) && row !== q.cell_row).map(([, line]) => line);
      quotes.set(
        r.quantity_id,
        headedRow(
          headers,
          Array.from(grid.get(q.cell_row) ?? [], (c) => c ?? ''),
        ),
      );
    } else if (q.sentence_start !== null) {
      quotes.set(r.quantity_id, clauseAround(q.sentence, q.start - q.sentence_start, q.end - q.sentence_start, r.indicator_as_written));
    } else quotes.set(r.quantity_id, q.sentence);
  }
  return quotes;
}
