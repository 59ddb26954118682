/**
 * The document's title: a run of short lines before the first heading whose
 * joined text ends with a document-kind word (规划, 方案 …) and optional
 * parentheticals such as （2024—2026年）（征求意见稿）. A carrier notice
 * (关于印发《X》的通知) gives way to the title of what it carries.
 */
import { isBlank, type Line } from '../lines.js';
import type { MetadataRules } from '../rules.js';
import { parseBracketedDateLine, parseDateLine } from './dates.js';

export interface FoundTitle {
  /** The document's own title (for a carrier notice: the carried document's). */
  title: string;
  /** True when only a carrier notice (关于印发…的通知) was found. */
  fromCarrier: boolean;
  /** True when the title is a notice that carries another document. */
  carrier: boolean;
  /** The carrying notice's own title (…关于印发《X》的通知), where there is one. */
  notice?: string;
}

const SENTENCE_PUNCTUATION = /[，。；：,;:！？]/u;

export function findTitle(frontLines: Line[], rules: MetadataRules, isDocNumber: (text: string) => boolean): FoundTitle | null {
  const ending = titleEnding(rules);
  const carrier = new RegExp(rules.title.carrierPattern, 'u');
  const issuerEnd = new RegExp(`(?:${rules.issuer.suffixes.join('|')})$`, 'u');
  const titleLike = titleLineTest(rules, isDocNumber);

  const candidates: string[] = [];
  let run: Line[] = [];
  const flush = () => {
    // Leading signature-like lines (an issuer name) are not part of a title.
    while (run.length > 1 && issuerEnd.test(withoutAlias(run[0]!.text.trim()))) run.shift();
    // （此件公开发布） above a title: a remark, not the title's first line.
    while (run.length > 1 && /^[（(][^（）()]*[）)]$/u.test(run[0]!.text.trim())) run.shift();
    for (let end = run.length; end > 0; end--) {
      const joined = run
        .slice(0, end)
        .map((line) => line.text.trim())
        .join('');
      if (ending.test(joined)) {
        candidates.push(joined);
        break;
      }
    }
    run = [];
  };
  for (const line of frontLines) {
    // Legal-database exports repeat the title line: the copy is not a second line of it.
    if (titleLike(line) && run.length > 0 && run[run.length - 1]!.text.trim() === line.text.trim()) continue;
    if (titleLike(line)) run.push(line);
    else {
      flush();
      if (isBlank(line.text)) continue;
    }
  }
  flush();

  const frontText = frontLines.map((line) => line.text).join('\n');
  const owns = candidates.filter((candidate) => !carrier.test(candidate) && !issuerEnd.test(candidate));
  if (owns.length > 0) {
    // The notice above the plan's own title line still says who issued it (宜昌市人民政府办公室关于印发…的通知).
    const notice = candidates.find((candidate) => carrier.test(candidate));
    const title = withoutEditorialMark(asTheTextNamesIt(fullestOf(owns), frontText), rules);
    return { title, fromCarrier: false, carrier: false, ...(notice ? { notice } : {}) };
  }
  for (const candidate of candidates) {
    const carried = carrier.exec(candidate);
    if (carried) return { title: withoutEditorialMark(carried[1]!, rules), fromCarrier: true, carrier: true, notice: candidate };
  }
  return null;
}

/** 某市“十四五”规划（节选）: the publisher's mark closing the title goes. */
export function withoutEditorialMark(title: string, rules: MetadataRules): string {
  const m = /[（(]\s*([^（）()]+?)\s*[）)]\s*$/u.exec(title);
  return m && rules.title.editorialMarks.includes(m[1]!) ? title.slice(0, m.index).trimEnd() : title;
}

/**
 * A text that starts at a notice's body has no title line, but its notice
 * names what it hands over (现将《X》印发给你们), and a report the name it
 * gives itself (形成《X报告》): X, as a carried title.
 */
export function findHandedOverTitle(frontText: string, rules: MetadataRules): FoundTitle | null {
  const m = new RegExp(rules.title.handoverPattern, 'u').exec(frontText);
  const title = m?.slice(1).find((group) => group !== undefined);
  return title ? { title: withoutEditorialMark(title, rules), fromCarrier: true, carrier: true } : null;
}

/**
 * A title line immediately above a document-number line, anywhere in the text:
 * where the front matter has no title (a dataset that holds a notice's body
 * first and its title block further down), this pair is the document's head.
 */
export function findTitleAboveNumber(
  lines: Line[],
  rules: MetadataRules,
  isDocNumber: (text: string) => boolean,
): { found: FoundTitle; numberLine: Line } | null {
  const titleLike = titleLineTest(rules, isDocNumber);
  const content = lines.filter((line) => !isBlank(line.text));
  for (let i = 0; i + 1 < content.length; i++) {
    if (!isDocNumber(content[i + 1]!.text) || !titleLike(content[i]!)) continue;
    const found = findTitle([content[i]!], rules, isDocNumber);
    if (found) return { found, numberLine: content[i + 1]! };
  }
  return null;
}

function titleEnding(rules: MetadataRules): RegExp {
  return new RegExp(`(?:${rules.title.endings.join('|')})(?:[（(][^）)]*[）)])*$`, 'u');
}

function titleLineTest(rules: MetadataRules, isDocNumber: (text: string) => boolean): (line: Line) => boolean {
  const label = new RegExp(rules.title.labelPattern, 'u');
  return (line) => {
    const text = line.text.trim();
    return (
      !label.test(text) &&
      text.length > 0 &&
      text.length <= rules.title.maxLineChars &&
      !SENTENCE_PUNCTUATION.test(text) &&
      !isDocNumber(text) &&
      !parseDateLine(text) &&
      !parseBracketedDateLine(text) &&
      !/^[—\-－\s\d]+$/u.test(text)
    );
  };
}

/**
 * A crawled page's title (关于做好…的意见) above the document's own title line
 * (中共中央 国务院关于做好…的意见): the same title, and the fuller one wins.
 */
function fullestOf(titles: string[]): string {
  const bare = (title: string) => title.replace(/\s+/gu, '');
  let best = titles[0]!;
  for (const title of titles.slice(1)) if (bare(title) !== bare(best) && bare(title).includes(bare(best))) best = title;
  return best;
}

/** Characters a crawler's copy of a title may get wrong and still name the same document. */
const MAX_TYPOS = 2;

/**
 * A page title the crawler mistyped (扩大内需战略规玥纲要(2022-2035年)) where the
 * text names the document in 《》 (印发了《扩大内需战略规划纲要（2022－2035年）》):
 * the text's own spelling wins. Only a slip of a character or two, never in a
 * figure: 《…行动计划（2021—2023年）》 is the previous plan, not a spelling.
 */
function asTheTextNamesIt(title: string, frontText: string): string {
  const own = comparable(title);
  for (const match of frontText.matchAll(/《([^《》\n]{4,80})》/gu)) {
    const named = comparable(match[1]!);
    if (named.length !== own.length) continue;
    let typos = 0;
    for (let i = 0; i < own.length && typos <= MAX_TYPOS; i++) {
      if (own[i] === named[i]) continue;
      if (/\d/u.test(own[i]!) || /\d/u.test(named[i]!)) typos = Infinity;
      else typos++;
    }
    if (typos <= MAX_TYPOS) return match[1]!;
  }
  return title;
}

/** Brackets, dashes and digits as one width, no spaces: how two spellings of one name compare. */
function comparable(text: string): string {
  return text
    .replace(/\s+/gu, '')
    .replace(/[（]/gu, '(')
    .replace(/[）]/gu, ')')
    .replace(/[—–－~～]/gu, '-')
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The name without a trailing bracketed second name (…局（…知识产权局）). */
export function withoutAlias(text: string): string {
  return text.replace(/[（(][^（）()]*[）)]$/u, '');
}

export function carrierTitle(text: string, rules: MetadataRules): boolean {
  return new RegExp(rules.title.carrierPattern, 'u').test(text);
}
