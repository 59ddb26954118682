/**
 * Section headings from Chinese heading numbering (一、 （一） 1. （1） ① 第一章 …).
 *
 * Levels are not fixed: each numbering style ranks by its first appearance in
 * the document, because plans differ (some go 一、→1.→（1）, others 一、→（一）→1.).
 * A numbered line whose first sentence is followed by body text on the same
 * line (work plans: "1.保障…实施。积极推动…") is a heading too; its heading is
 * the first sentence.
 */
import type { Section } from '../core/state.js';
import { isBlank, type Line } from './lines.js';
import { parseNumeral } from '../text/numerals.js';
import type { HeadingStyleRule, StructureRules } from './rules.js';

export interface HeadingCandidate {
  line: Line;
  style: string;
  /** The numbering token as written, e.g. '（二）', '4.'. */
  token: string;
  value: number;
  /** Path segment of this heading (see pathSegment). */
  segment: string;
  heading: string;
  headingStart: number;
  headingEnd: number;
}

interface CompiledStyle {
  rule: HeadingStyleRule;
  regex: RegExp;
}

export function compileStyles(rules: StructureRules): CompiledStyle[] {
  return rules.headingStyles.map((rule) => ({ rule, regex: new RegExp(`^(?:${rule.pattern})`, 'u') }));
}

const INDENT = /^[\s\u3000\u00a0]*/u;
const PUNCTUATION_START = /^[，。；：、,.;:！？!?）)》”’—-]/u;

/**
 * Path segment convention: the numbering token without its trailing
 * separator (、 . ． and spaces), brackets made full-width:
 * '三、' → '三', '（二）' → '（二）', '4.' → '4', '(1)' → '（1）', '①' → '①', '第一章' → '第一章'.
 */
export function pathSegment(token: string): string {
  return token
    .replace(/[、.．\s\u3000]+$/u, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/** The heading of a numbered line: its first sentence, or first clause if that is long. */
export function headingText(rest: string, rules: StructureRules): string {
  const ends = rules.heading.sentenceEnd;
  let depth = 0;
  let cut = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && ends.includes(ch)) {
      cut = i;
      break;
    }
  }
  let heading = rest.slice(0, cut);
  if (heading.length > rules.heading.maxHeadingChars) {
    const comma = heading.search(/[，,：:]/u);
    if (comma > 0) heading = heading.slice(0, comma);
  }
  return heading.replace(/[\s\u3000：:，,]+$/u, '');
}

function matchLine(line: Line, styles: CompiledStyle[], rules: StructureRules): HeadingCandidate | null {
  if (isBlank(line.text)) return null;
  const indent = INDENT.exec(line.text)![0].length;
  const body = line.text.slice(indent);
  for (const { rule, regex } of styles) {
    const match = regex.exec(body);
    if (!match) continue;
    const value = parseNumeral(match[1]!, rule.numeral);
    if (value === null || value < 1) continue;
    const token = match[0];
    const afterToken = body.slice(token.length);
    const restIndent = INDENT.exec(afterToken)![0].length;
    const rest = afterToken.slice(restIndent);
    if (!rest || PUNCTUATION_START.test(rest)) continue;
    const heading = headingText(rest, rules);
    if (!heading) continue;
    const headingStart = line.start + indent + token.length + restIndent;
    return {
      line,
      style: rule.id,
      token: token.trim(),
      value,
      segment: pathSegment(token),
      heading,
      headingStart,
      headingEnd: headingStart + heading.length,
    };
  }
  return null;
}

/**
 * Numbered lines that read as headings. `skip` excludes lines inside tables and
 * boxes (numbered items there are rows, not sections). A number must follow its
 * style's previous number (with a small gap allowed) or restart at 1, so stray
 * line starts like "3、" in running text do not open sections.
 *
 * `markedLevel` gives the heading level a reader saw in the file (docx heading
 * styles). A marked line is a heading even out of sequence, and a marked line
 * without a number (前言, or a number Word generates and the text lacks) is a
 * heading whose path segment is its text, ranked with the numbering style the
 * document uses at that marked level.
 */
export function findHeadings(
  lines: Line[],
  rules: StructureRules,
  skip: (line: Line) => boolean,
  markedLevel: (line: Line) => number | undefined = () => undefined,
): HeadingCandidate[] {
  const styles = compileStyles(rules);
  const tocLine = new RegExp(rules.heading.tocLinePattern, 'u');
  const lastValue = new Map<string, number>();
  const found: Array<HeadingCandidate & { marked?: number }> = [];
  const usable = lines.filter((line) => !skip(line) && !tocLine.test(line.text.trimEnd()));
  const candidates = usable.map((line) => matchLine(line, styles, rules));
  const gap = rules.heading.maxNumberGap;
  const next = (a: number, b: number) => b > a && b <= a + gap;
  usable.forEach((line, k) => {
    const marked = markedLevel(line);
    const candidate = candidates[k];
    if (!candidate) {
      if (marked !== undefined) found.push({ ...unnumbered(line, rules), marked });
      return;
    }
    const last = lastValue.get(candidate.style);
    const follows = last !== undefined && next(last, candidate.value);
    // 总体要求-、 / 二、… / 三、…: a sequence whose first number the source lost still runs on from
    // where it starts, where the next two numbers of its style follow it.
    const startsRun = last === undefined && runFollows(candidates, k, candidate, next);
    if (candidate.value !== 1 && !follows && !startsRun && marked === undefined) return;
    lastValue.set(candidate.style, candidate.value);
    found.push(marked === undefined ? candidate : { ...candidate, marked });
  });
  const styleOfLevel = new Map<number, string>();
  for (const candidate of found) {
    if (candidate.marked !== undefined && candidate.token && !styleOfLevel.has(candidate.marked)) styleOfLevel.set(candidate.marked, candidate.style);
  }
  return found.map(({ marked, ...candidate }) =>
    marked !== undefined && !candidate.token ? { ...candidate, style: styleOfLevel.get(marked) ?? `marked-${marked}` } : candidate,
  );
}

/** Whether the next two candidates of `first`'s style, after it, each follow the one before. */
function runFollows(candidates: ReadonlyArray<HeadingCandidate | null>, at: number, first: HeadingCandidate, next: (a: number, b: number) => boolean): boolean {
  let value = first.value;
  let seen = 0;
  for (let k = at + 1; k < candidates.length && seen < 2; k++) {
    const c = candidates[k];
    if (!c || c.style !== first.style) continue;
    if (!next(value, c.value)) return false;
    value = c.value;
    seen++;
  }
  return seen === 2;
}

function unnumbered(line: Line, rules: StructureRules): HeadingCandidate {
  const indent = INDENT.exec(line.text)![0].length;
  const heading = headingText(line.text.slice(indent), rules);
  const headingStart = line.start + indent;
  // The text stands in for a number in the path; a '/' in it would read as a level.
  const segment = heading.replace(/\//g, '／');
  return { line, style: 'unnumbered', token: '', value: 0, segment, heading, headingStart, headingEnd: headingStart + heading.length };
}

/** Builds the section tree: parent = nearest earlier heading of a higher-ranked style. */
export function buildSections(candidates: HeadingCandidate[], textLength: number): Section[] {
  const rank = new Map<string, number>();
  for (const candidate of candidates) if (!rank.has(candidate.style)) rank.set(candidate.style, rank.size);

  const sections: Section[] = [];
  const stack: Array<{ section: Section; rank: number }> = [];
  const usedPaths = new Map<string, number>();
  for (const candidate of candidates) {
    const level = rank.get(candidate.style)!;
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= level) {
      stack.pop()!.section.end = candidate.line.start;
    }
    const parentPath = stack.length > 0 ? stack[stack.length - 1]!.section.path : '';
    let path = parentPath ? `${parentPath}/${candidate.segment}` : candidate.segment;
    // A document that repeats a number under one parent still gets unique paths.
    const seen = usedPaths.get(path) ?? 0;
    usedPaths.set(path, seen + 1);
    if (seen > 0) path = `${path}~${seen + 1}`;
    const section: Section = {
      path,
      number: candidate.token,
      heading: candidate.heading,
      level: level + 1,
      headingStart: candidate.line.start + (candidate.line.text.length - candidate.line.text.trimStart().length),
      headingEnd: candidate.headingEnd,
      start: candidate.line.start,
      end: textLength,
    };
    sections.push(section);
    stack.push({ section, rank: level });
  }
  return sections;
}

/** The deepest section containing `offset` ('' = before any heading). */
export function sectionPathAt(sections: Section[], offset: number): string {
  let path = '';
  for (const section of sections) {
    if (section.start > offset) break;
    if (offset < section.end) path = section.path;
  }
  return path;
}
