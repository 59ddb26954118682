/**
 * Document metadata (title, issuer, number, date, region, period, type) from
 * the front matter — the lines before the first heading — and, for the
 * signature of documents signed at the end, the last lines.
 */
import type { DocumentMetadata, DocumentType, RegionLevel, Section, Table } from '../../core/state.js';
import type { RuleSet } from '../../rules/index.js';
import { isBlank, type Line } from '../lines.js';
import { asciiDigits } from '../numerals.js';
import { loadMetadataRules, type MetadataRules } from '../rules.js';
import { parseDateLine } from './dates.js';
import { resolveRegion } from './region.js';
import { findTitle } from './title.js';

export interface MetadataInput {
  text: string;
  lines: Line[];
  sections: Section[];
  tables: Table[];
}

/** Lines read for a signature when the document is signed at its end. */
const TAIL_LINES = 12;
/** Without any heading, the front matter is this many lines. */
const FRONT_LINES_WITHOUT_HEADINGS = 30;

export function extractMetadata(input: MetadataInput, ruleSet: RuleSet): DocumentMetadata {
  const rules = loadMetadataRules(ruleSet);
  const { text, lines, sections } = input;
  // Front matter ends at the first numbered heading (a title the file marks as a heading is still front matter).
  const frontEnd = sections.find((section) => section.number !== '')?.start ?? lines[Math.min(lines.length, FRONT_LINES_WITHOUT_HEADINGS) - 1]?.end ?? 0;
  const front = lines.filter((line) => line.end <= frontEnd);
  const tail = lines.filter((line) => !isBlank(line.text)).slice(-TAIL_LINES);

  const docNumberPattern = new RegExp(rules.docNumber.pattern, 'u');
  const readDocNumber = (line: string): string | null => {
    const match = docNumberPattern.exec(asciiDigits(line));
    return match ? `${match[1]}〔${match[2]}〕${match[3]}号` : null;
  };
  const docNumber = firstOf([...front, ...tail], (line) => readDocNumber(line.text));

  const found = findTitle(front, rules, (line) => readDocNumber(line) !== null);
  const title = found?.title ?? null;
  const signature = findSignature(front, rules) ?? findSignature(tail, rules);
  // A national document names no place in its title; its body's places are not its region.
  const national = title !== null && isNational(title, rules);
  const region = resolveRegion([title, signature?.issuer ?? null], text, rules, !national);
  const hasBody = sections.length > 0 || input.tables.length > 0;

  return {
    title,
    region: region?.region ?? null,
    regionCode: region?.regionCode ?? null,
    level: region ? levelOf(title, region.region, region.level, rules) : national ? 'national' : null,
    regionParents: region?.regionParents ?? [],
    issuer: signature?.issuer ?? null,
    docNumber,
    issued: signature?.issued ?? null,
    period: periodOf(title, text, rules),
    type: typeOf(found?.title ?? null, Boolean(found?.carrier), hasBody, text, sections, rules),
  };
}

function firstOf<T>(lines: Line[], read: (line: Line) => T | null): T | null {
  for (const line of lines) {
    const value = read(line);
    if (value !== null) return value;
  }
  return null;
}

/** A date line with the issuer's name on it or just above it. */
function findSignature(lines: Line[], rules: MetadataRules): { issuer: string | null; issued: string } | null {
  const issuerPattern = new RegExp(`(?:${rules.issuer.suffixes.join('|')})$`, 'u');
  const isIssuer = (text: string) => text.length > 0 && text.length <= rules.issuer.maxChars && issuerPattern.test(text) && !/[，。；：,;:、《》“”]/u.test(text);
  const content = lines.filter((line) => !isBlank(line.text));
  for (let i = 0; i < content.length; i++) {
    const date = parseDateLine(content[i]!.text);
    if (!date) continue;
    let issuer: string | null = isIssuer(date.before) ? date.before : null;
    for (let k = i - 1; issuer === null && k >= Math.max(0, i - rules.issuer.maxLinesAboveDate); k--) {
      const candidate = content[k]!.text.trim();
      if (isIssuer(candidate)) issuer = candidate;
    }
    if (date.before && !issuer) continue;
    return { issuer, issued: date.iso };
  }
  return null;
}

function periodOf(title: string | null, text: string, rules: MetadataRules): [number, number] | null {
  if (title) {
    const range = new RegExp(rules.periodRangePattern, 'u').exec(asciiDigits(title));
    if (range) return [Number(range[1]), Number(range[2])];
    for (const [word, years] of Object.entries(rules.periodWords)) if (title.includes(word)) return years;
    // An annual plan (2023年…工作要点) covers its one year.
    const single = rules.periodYearPattern ? new RegExp(rules.periodYearPattern, 'u').exec(asciiDigits(title)) : null;
    if (single) return [Number(single[1]), Number(single[1])];
  }
  // Untitled (an evaluation report): the plan period the text speaks of most.
  let best: [number, number] | null = null;
  let bestCount = 0;
  for (const [word, years] of Object.entries(rules.periodWords)) {
    const count = text.split(word).length - 1;
    if (count > bestCount) {
      best = years;
      bestCount = count;
    }
  }
  return best;
}

function typeOf(title: string | null, carrier: boolean, hasBody: boolean, text: string, sections: Section[], rules: MetadataRules): DocumentType | null {
  if (title) {
    if (carrier && !hasBody) return 'notice';
    // 关于做好…工作的通知: a notice, whatever words it contains.
    if (!carrier && /^关于.*通知$/u.test(title)) return 'notice';
    for (const { type, words } of rules.typeKeywords) if (words.some((word) => title.includes(word))) return type;
  }
  const scores = new Map<DocumentType, number>();
  const searched = text + sections.map((section) => section.heading).join('\n');
  for (const cue of rules.typeCues) {
    const hits = cue.words.reduce((sum, word) => sum + searched.split(word).length - 1, 0);
    scores.set(cue.type, (scores.get(cue.type) ?? 0) + hits * cue.weight);
  }
  const [type, score] = [...scores.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return type && score >= rules.minCueScore ? type : null;
}

function isNational(title: string, rules: MetadataRules): boolean {
  return rules.nationalWords.some((word) => title.startsWith(word) || title.includes(`”${word}`));
}

/** The title's subject is a park or zone (南京市江北新区…, 徐庄高新区…): level zone. */
function levelOf(title: string | null, region: string, level: RegionLevel, rules: MetadataRules): RegionLevel {
  if (!title) return level;
  const subject = title.includes(region) ? title.slice(title.indexOf(region) + region.length) : title;
  const head = subject.split(/[“"《]/u)[0]!.slice(0, 20);
  return rules.zoneWords.some((word) => head.includes(word)) ? 'zone' : level;
}
