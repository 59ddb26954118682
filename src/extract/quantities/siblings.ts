/**
 * One template, several subjects: a plan that gives each of its zones,
 * cities or sectors a section of its own often repeats the same goals under
 * each (每年举办场景对接活动不少于2场 for every zone). Those are distinct
 * facts, not one fact restated, so an indicator that recurs in sibling
 * sections is named with each section's subject (中国算谷场景对接活动), and
 * the reader is told why.
 */
import type { Box, QuantityRecord, Section } from '../../core/state.js';
import { squeeze } from '../../text/names.js';

/**
 * `boxes`: a 专栏 restates goals of the text before it and stands in whichever
 * section it follows, so its figures are no evidence of a template.
 */
export function qualifyBySection(
  records: QuantityRecord[],
  sections: readonly Section[],
  keyOf: (r: QuantityRecord) => string,
  boxes: readonly Box[] = [],
): void {
  const byPath = new Map(sections.map((s) => [s.path, s]));
  const inBox = (r: QuantityRecord) => boxes.some((b) => r.provenance.start >= b.start && r.provenance.start < b.end);
  const groups = new Map<string, QuantityRecord[]>();
  const evidence = new Map<string, QuantityRecord[]>();
  for (const r of records) {
    if (!r.provenance.sectionPath || r.provenance.cell) continue;
    const key = `${r.kind}|${keyOf(r)}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
    if (!inBox(r)) evidence.set(key, [...(evidence.get(key) ?? []), r]);
  }
  // Sections that share a template: an indicator recurs in two or more siblings.
  const templated = new Set<string>();
  for (const group of evidence.values()) {
    const paths = [...new Set(group.map((r) => r.provenance.sectionPath))];
    if (paths.length < 2) continue;
    const byParent = new Map<string, string[]>();
    for (const path of paths) {
      const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
      byParent.set(parent, [...(byParent.get(parent) ?? []), path]);
    }
    for (const siblings of byParent.values()) if (siblings.length >= 2) for (const path of siblings) templated.add(path);
  }
  // Every figure of such a section is its subject's, also one the template words differently there (为企业提供场景服务).
  for (const group of groups.values()) {
    for (const r of group) {
      if (!templated.has(r.provenance.sectionPath)) continue;
      const section = byPath.get(r.provenance.sectionPath);
      const subject = section ? subjectOf(section.heading) : '';
      if (subject.length < 2 || r.indicator.startsWith(subject)) continue;
      r.flags.push({
        kind: 'qualified-by-section',
        reason: `'${r.indicator}' stands in one of sibling sections that repeat a template; named with its section's subject '${subject}'`,
      });
      r.indicator = subject + r.indicator;
    }
  }
}

/** 中国算谷——打造全球算力场景新高地 → 中国算谷: the name before a dash or colon, else the heading's first clause. */
function subjectOf(heading: string): string {
  const text = squeeze(heading);
  const dash = /^(.{2,20}?)(?:-{2,}|—+|－+|[:：])/.exec(text);
  if (dash) return dash[1]!;
  return text.split(/[，。；,;]/)[0]!.slice(0, 20);
}
