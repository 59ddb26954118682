/**
 * Name comparison shared by the indicator and department look-ups: blanks
 * and full-width forms do not make two names differ, and "close" is the
 * character-bigram Dice the gold matching uses (test/fixtures/gold/FORMAT.md).
 */

/** Removes blanks and folds full-width ASCII, so "ＰＣＴ 专利" = "PCT专利". */
export function normaliseName(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** Character-bigram Dice coefficient of two names (0–1), after normalising. */
export function dice(a: string, b: string): number {
  const x = bigrams(normaliseName(a));
  const y = bigrams(normaliseName(b));
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Escapes a user's text for a SQL LIKE pattern with ESCAPE '\\'. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
