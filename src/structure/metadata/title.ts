/**
 * The document's title: a run of short lines before the first heading whose
 * joined text ends with a document-kind word (规划, 方案 …) and optional
 * parentheticals such as （2024—2026年）（征求意见稿）. A carrier notice
 * (关于印发《X》的通知) gives way to the title of what it carries.
 */
import { isBlank, type Line } from '../lines.js';
import type { MetadataRules } from '../rules.js';
import { parseDateLine } from './dates.js';

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
  const ending = new RegExp(`(?:${rules.title.endings.join('|')})(?:[（(][^）)]*[）)])*$`, 'u');
  const carrier = new RegExp(rules.title.carrierPattern, 'u');
  const issuerEnd = new RegExp(`(?:${rules.issuer.suffixes.join('|')})$`, 'u');
  const label = new RegExp(rules.title.labelPattern, 'u');
  const titleLike = (line: Line) => {
    const text = line.text.trim();
    return (
      !label.test(text) &&
      text.length > 0 &&
      text.length <= rules.title.maxLineChars &&
      !SENTENCE_PUNCTUATION.test(text) &&
      !isDocNumber(text) &&
      !parseDateLine(text) &&
      !/^[—\-－\s\d]+$/u.test(text)
    );
  };

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
    if (titleLike(line)) run.push(line);
    else {
      flush();
      if (isBlank(line.text)) continue;
    }
  }
  flush();

  const own = candidates.find((candidate) => !carrier.test(candidate) && !issuerEnd.test(candidate));
  if (own) return { title: own, fromCarrier: false, carrier: false };
  for (const candidate of candidates) {
    const carried = carrier.exec(candidate);
    if (carried) return { title: carried[1]!, fromCarrier: true, carrier: true, notice: candidate };
  }
  return null;
}

/** The name without a trailing bracketed second name (…局（…知识产权局）). */
export function withoutAlias(text: string): string {
  return text.replace(/[（(][^（）()]*[）)]$/u, '');
}

export function carrierTitle(text: string, rules: MetadataRules): boolean {
  return new RegExp(rules.title.carrierPattern, 'u').test(text);
}
