/**
 * SQL LIKE patterns for the analysts' name look-ups (name normalisation and
 * similarity live in text/names.ts and text/similarity.ts).
 */

/** Escapes a user's text for a SQL LIKE pattern with ESCAPE '\\'. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
