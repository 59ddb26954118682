/**
 * Names as documents and readers write them, made comparable. Every way the
 * project makes two spellings of a name equal lives here:
 *
 * - `squeeze`: blanks removed (PDF and table text carry stray spaces between
 *   CJK characters) — what the extractor, the reviewer's indicator look-up
 *   and the PDF reader compare on;
 * - `canonicalName`: FORMAT.md's matching form for the scorer (NFKC, `<…>` as
 *   `(…)`, no blanks), so rendering differences never decide a match;
 * - `normaliseName`: the analysts' look-up form (full-width ASCII folded, no
 *   blanks, lower case), so a typed "pct专利" finds "ＰＣＴ 专利".
 *
 * The last two differ on purpose in what they fold (NFKC folds ①, ㎡ and
 * compatibility ideographs too; the look-up form folds case); they were moved
 * here unchanged, and joining them would change eval scores or analyst results.
 */

/** Removes all whitespace. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * NFKC folds full-width forms (（ → (, ％ → %, １ → 1); angle brackets are the
 * other way documents write a parenthetical unit name (市市场监管局<市知识产权局>).
 */
export function canonicalName(text: string): string {
  return squeeze(
    text
      .normalize('NFKC')
      .replace(/[<〈《]/g, '(')
      .replace(/[>〉》]/g, ')'),
  );
}

/** Removes blanks and folds full-width ASCII, so "ＰＣＴ 专利" = "PCT专利". */
export function normaliseName(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}
