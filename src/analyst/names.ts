/**
 * Name comparison shared by the indicator and department look-ups: blanks
 * and full-width forms do not make two names differ, and "close" is the
 * character-bigram Dice the gold matching uses (test/fixtures/gold/FORMAT.md).
 */

import { charBigrams, multisetDice } from '../core/similarity.js';

/** Removes blanks and folds full-width ASCII, so "ＰＣＴ 专利" = "PCT专利". */
export function normaliseName(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** Character-bigram Dice coefficient of two names (0–1), after normalising. */
export function dice(a: string, b: string): number {
  return multisetDice(charBigrams(normaliseName(a)), charBigrams(normaliseName(b)));
}

/** Escapes a user's text for a SQL LIKE pattern with ESCAPE '\\'. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
