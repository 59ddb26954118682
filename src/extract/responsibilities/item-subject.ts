/**
 * A titled item of a 保障措施 section whose first sentence opens with a unit:
 * （二）加大政策支持。市财政局统筹安排专项资金… / （四）做好监测评估。市统计局会同市经济
 * 和信息化局建立…. The unit answers for the item (its heading is the task), the
 * units it acts 会同 support it. Read only where the item carries no role
 * annotation and no other reading named its units, and only in the sections
 * rules name (subjectItemSections): in task sections a unit opening a sentence
 * is often one actor among several.
 */
import type { Section } from '../../core/state.js';
import { leadJoinedSplit, splitInlineUnits } from './annotation.js';
import type { CompiledResponsibilityRules } from './rules.js';
import { cleanTask } from './task.js';

export interface SubjectItem {
  task: string;
  section: Section;
  lead: string[];
  support: string[];
  start: number;
  end: number;
}

/** Longest first sentence's subject tried, in characters (市人力资源和社会保障局会同市教育局、市财政局). */
const MAX_SUBJECT = 60;

export function subjectItems(
  text: string,
  sections: readonly Section[],
  rules: CompiledResponsibilityRules,
  isNamedUnit: (name: string) => boolean,
  /** Offsets already read as a unit's role (annotations, prose, tables): their items are not read again. */
  covered: (start: number, end: number) => boolean,
): SubjectItem[] {
  const out: SubjectItem[] = [];
  for (const item of sections) {
    if (!item.heading || !underSubjectSection(item, sections, rules)) continue;
    if (sections.some((s) => s !== item && s.start > item.start && s.start < item.end)) continue;
    if (covered(item.start, item.end)) continue;
    const bodyStart = item.headingEnd + (text.slice(item.headingEnd, item.end).match(/^[\s。.*]*/u)?.[0].length ?? 0);
    const sentence = text.slice(bodyStart, item.end).split(/[。；;\n]/u)[0] ?? '';
    const subject = longestUnitPrefix(sentence.slice(0, MAX_SUBJECT), rules, isNamedUnit);
    if (!subject) continue;
    out.push({ task: cleanTask(item.heading), section: item, ...subject, start: bodyStart, end: bodyStart + subject.length });
  }
  return out;
}

/** The longest opening of `sentence` that names units: X, or X会同Y、Z (X leads, Y and Z support). */
function longestUnitPrefix(
  sentence: string,
  rules: CompiledResponsibilityRules,
  isNamedUnit: (name: string) => boolean,
): { lead: string[]; support: string[]; length: number } | null {
  for (let end = sentence.length; end >= 2; end--) {
    const prefix = sentence.slice(0, end);
    const joined = leadJoinedSplit(prefix, rules);
    if (joined) {
      const lead = splitInlineUnits(joined.lead, rules, isNamedUnit, isNamedUnit);
      const support = splitInlineUnits(joined.support, rules, isNamedUnit, isNamedUnit);
      if (lead.length === 1 && support.length > 0 && [...lead, ...support].every(isNamedUnit)) return { lead, support, length: end };
      continue;
    }
    if (isNamedUnit(prefix)) return { lead: [prefix], support: [], length: end };
  }
  return null;
}

function underSubjectSection(item: Section, sections: readonly Section[], rules: CompiledResponsibilityRules): boolean {
  const cut = item.path.lastIndexOf('/');
  if (cut < 0) return false;
  const parent = sections.find((s) => s.path === item.path.slice(0, cut));
  const heading = parent?.heading?.replace(/[。.：:\s]+$/u, '') ?? '';
  return heading.length > 0 && rules.raw.subjectItemSections.some((w) => heading.endsWith(w));
}
