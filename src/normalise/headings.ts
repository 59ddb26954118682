/**
 * Line starts that open a new paragraph in Chinese official documents:
 * heading numbers (第一章, 一、, （一）, 1., 1．, （1）, ①), dash-led items,
 * the 专栏/附件 labels and the bracketed field labels of legal-database
 * exports (【发布部门】, 【发文字号】).
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
  /^【[\u4e00-\u9fff]{2,8}】/,
];

export function startsNewParagraph(line: string): boolean {
  const t = line.trimStart();
  return OPENERS.some((re) => re.test(t));
}

/** Lines an official document prints alone: its number (皖建科〔2023〕21号, （豫政办〔2024〕21号）) and a date (2023年4月7日). */
const DOC_NUMBER_LINE = /^[（(]?[\u4e00-\u9fff]{1,12}\s*[〔［[][0-9]{4}[〕］\]]\s*[0-9]{1,4}\s*号[）)]?$/;
const DATE_LINE = /^[（(]?[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日[）)]?$/;

export function isDocNumberOrDate(line: string): boolean {
  const t = line.trim();
  return DOC_NUMBER_LINE.test(t) || DATE_LINE.test(t);
}

export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line.trim());
}
