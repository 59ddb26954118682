/**
 * The task a role annotation belongs to, when the structure gives no heading
 * for it: the item's title (text before the first 。) without its number, or
 * for an untitled item its first clause.
 */

// 一、 （一） 1. 1、 (1) ① 第一章 — the numbering a task item starts with.
const ITEM_NUMBER =
  /^\s*(?:第[一二三四五六七八九十百]+[章节条部分]+|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?![\d０-９])|[①-⑳])\s*/u;

export function stripItemNumber(text: string): string {
  return text.replace(ITEM_NUMBER, '');
}

/** Trailing punctuation and any role annotation go: a task is a phrase. */
export function cleanTask(text: string, annotations: ReadonlyArray<{ start: number; end: number }> = [], offset = 0): string {
  let out = text;
  for (const a of [...annotations].sort((x, y) => y.start - x.start)) {
    const s = a.start - offset;
    const e = a.end - offset;
    if (s >= 0 && e <= out.length) out = out.slice(0, s) + out.slice(e);
  }
  return stripItemNumber(out)
    .replace(/[。；;，,：:\s]+$/u, '')
    .trim();
}

/**
 * Task of the paragraph an annotation closes, up to `limit` (the annotation):
 * a numbered item's title (1.保障…。), else the paragraph's first clause.
 */
export function taskFromParagraph(paragraph: string, limit = paragraph.length): string {
  const numbered = ITEM_NUMBER.test(paragraph);
  const head = stripItemNumber(paragraph.slice(0, limit));
  const titleEnd = head.indexOf('。');
  if (numbered && titleEnd > 0) return cleanTask(head.slice(0, titleEnd));
  const clauseEnd = head.search(/[，,；;]/);
  return cleanTask(clauseEnd > 0 ? head.slice(0, clauseEnd) : head);
}
