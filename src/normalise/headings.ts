/**
 * Line starts that open a new paragraph in Chinese official documents:
 * heading numbers (第一章, 一、, （一）, 1., 1．, （1）, ①), dash-led items and
 * the 专栏/附件 labels.
 */
const CN_NUM = '[一二三四五六七八九十百零〇两]+';
const OPENERS: RegExp[] = [
  new RegExp(`^第${CN_NUM}[章节条部分篇编]`),
  new RegExp(`^第[0-9]+[章节条部分篇编]`),
  new RegExp(`^${CN_NUM}[、.．]`),
  new RegExp(`^[（(]${CN_NUM}[)）]`),
  /^[0-9]{1,2}[.．、](?![0-9])/,
  /^[（(][0-9]{1,2}[)）]/,
  /^[①-⑳㈠-㈩⑴-⒇]/,
  /^——/,
  /^(专栏|专项)\s*[0-9一二三四五六七八九十]+/,
  /^(附件|附表)\s*[0-9一二三四五六七八九十]*\s*([:：]|$)/,
];

export function startsNewParagraph(line: string): boolean {
  const t = line.trimStart();
  return OPENERS.some((re) => re.test(t));
}
