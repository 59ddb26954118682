/**
 * Stage 'extract-responsibilities': who does what and by when. Fills
 * `responsibilities` (tasks with lead and supporting units and the 完成时限
 * beside them), `implicitSupport` (units a note puts on every task) and
 * `listedUnits` (every unit a role list names, which the departments stage
 * counts as units whatever their name).
 */
import { z } from 'zod';
import { type Stage } from '../../core/stage.js';
import { DocumentError } from '../../core/errors.js';
import type { ListedUnit, Responsibility, Section } from '../../core/state.js';
import { departmentRules, findUnits } from '../departments/index.js';
import type { CompiledDepartmentRules } from '../departments/rules.js';
import { placeNames } from '../departments/places.js';
import { useDictionary } from '../departments/words.js';
import { readDeadline } from '../milestones/deadline-text.js';
import { milestoneRules } from '../milestones/rules.js';
import { Locator } from '../common/provenance.js';
import { findRoleAnnotations, leadJoinedSplit, splitInlineUnits, splitUnitList, withoutFillers, type RoleAnnotation } from './annotation.js';
import { responsibilityRules, type CompiledResponsibilityRules } from './rules.js';
import { responsibilitiesFromTable } from './tables.js';
import { cleanTask, taskFromParagraph } from './task.js';

const Options = z
  .object({
    /** Read 由X牵头/由X负责 in running text as well as annotations and tables. */
    prose: z.boolean().default(true),
    /** jieba user dictionary in the rules directory (the one the segment stage uses). */
    userDict: z.string().min(1).default('userdict.utf8'),
  })
  .strict();

export const extractResponsibilitiesStage: Stage<typeof Options> = {
  name: 'extract-responsibilities',
  description: 'Task responsibilities (lead/support units, deadline) and the units every task involves',
  options: Options,
  requires: ['normalised', 'structure', 'segments'],
  provides: ['responsibilities', 'implicitSupport', 'listedUnits'],
  run(state, options, { rules }) {
    const text = state.normalised?.text;
    if (text === undefined) throw new DocumentError('not-normalised', 'extract-responsibilities needs the normalised text (run normalise first)');
    useDictionary(rules.resource(options.userDict));
    const locator = new Locator(state);
    const rRules = responsibilityRules(rules);
    const dRules = departmentRules(rules);
    const places = placeNames();
    // Role lists repeat their units task after task: each name is judged (and segmented) once.
    const isUnit = memo((name: string) => looksLikeUnit(name, dRules, places));

    const isNamedUnit = memo((name: string) => looksLikeUnit(name, dRules, places, true));
    const annotations = findRoleAnnotations(text, rRules, isUnit, isNamedUnit);
    const responsibilities: Responsibility[] = [];
    const listed: ListedUnit[] = [];
    const implicitSupport: string[] = [];
    const yearParts = milestoneRules(rules).raw.yearParts;

    const perSection = countBySection(annotations, locator);
    for (const a of annotations) {
      const provenance = locator.provenance(a.start, a.end, a.rule);
      for (const u of a.implicit) if (!implicitSupport.includes(u)) implicitSupport.push(u);
      for (const name of [...a.lead, ...a.support, ...a.implicit]) listed.push({ name, provenance });
      if (a.lead.length + a.support.length === 0) continue;
      const section = taskSection(text, a, locator, perSection, annotations, state.structure?.sections ?? []);
      const task = section ? cleanTask(cutAtAnnotation(section.heading, rRules)) : taskBefore(text, a.start);
      // 完成时限 beside a task's units: the task is due then.
      const due = a.deadline ? readDeadline(a.deadline, yearParts) : null;
      responsibilities.push({
        task,
        sectionPath: section?.path ?? provenance.sectionPath,
        lead: a.lead,
        support: a.support,
        roles: a.roles,
        ...(due ? { due } : {}),
        provenance,
      });
    }

    // The same note may stand in running text instead of inside a task's annotation.
    for (const u of implicitNotesInText(text, rRules, annotations))
      if (!implicitSupport.includes(u.name)) {
        implicitSupport.push(u.name);
        listed.push({ name: u.name, provenance: locator.provenance(u.start, u.end, u.rule) });
      }

    for (const table of state.structure?.tables ?? []) {
      for (const t of responsibilitiesFromTable(table, rRules, isUnit, isNamedUnit)) {
        const provenance = { ...locator.provenance(t.start, t.end, 'responsibility.task-table'), cell: { table: t.table, row: t.row, col: t.col } };
        for (const name of [...t.lead, ...t.support]) listed.push({ name, provenance });
        const due = t.deadline ? readDeadline(t.deadline, yearParts) : null;
        responsibilities.push({
          task: t.task,
          sectionPath: t.sectionPath,
          lead: t.lead,
          support: t.support,
          roles: t.roles,
          ...(due ? { due } : {}),
          provenance,
        });
      }
    }

    if (options.prose) responsibilities.push(...proseResponsibilities(text, rRules, isUnit, isNamedUnit, annotations, locator, listed));

    return { ...state, responsibilities, implicitSupport, listedUnits: listed };
  },
};

function memo(judge: (name: string) => boolean): (name: string) => boolean {
  const seen = new Map<string, boolean>();
  return (name) => {
    let verdict = seen.get(name);
    if (verdict === undefined) seen.set(name, (verdict = judge(name)));
    return verdict;
  };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The untitled task an annotation closes: its own paragraph, or the one before when the annotation opens a line. */
function taskBefore(text: string, at: number): string {
  let from = lineStart(text, at);
  if (text.slice(from, at).trim() === '' && from > 0) {
    // Step back over blank lines to the paragraph the label line belongs to.
    let prevEnd = from - 1;
    while (prevEnd > 0 && text[prevEnd - 1] === '\n') prevEnd--;
    from = lineStart(text, prevEnd);
    return taskFromParagraph(text.slice(from, prevEnd));
  }
  return taskFromParagraph(text.slice(from), at - from);
}

/**
 * The section whose heading is the task: the innermost section around the
 * annotation, when the annotation is on its heading's paragraph
 * (1.保障…。…（牵头单位：…）) or is the only one in its body. Where a section's
 * body holds several annotated paragraphs, each paragraph is its own
 * (untitled) task and the heading names the group.
 */
function taskSection(
  text: string,
  a: RoleAnnotation,
  locator: Locator,
  perSection: Map<Section, number>,
  annotations: readonly RoleAnnotation[],
  sections: readonly Section[],
): Section | undefined {
  const section = locator.sectionAt(a.start);
  if (!section || !section.heading) return undefined;
  if (section.headingStart >= lineStart(text, a.start)) return section;
  const parent = ownLine(text, a) ? parentOf(section, sections) : undefined;
  // （一）建筑能效提升行动 / 1.… / 2.… / （责任单位：…） — an annotation on a line of its own after the
  // last of the items, and the only one their section holds, covers the section, not that last item.
  if (parent?.heading && section.start > parent.headingEnd && annotations.filter((b) => parent.start <= b.start && b.start < parent.end).length === 1)
    return parent;
  return perSection.get(section) === 1 ? section : undefined;
}

/** An annotation that is a paragraph of its own (after indentation). */
function ownLine(text: string, a: RoleAnnotation): boolean {
  return /^[ \t\u3000]*$/u.test(text.slice(lineStart(text, a.start), a.start));
}

/** The section one level up: 三/（一） for 三/（一）/2. */
function parentOf(section: Section, sections: readonly Section[]): Section | undefined {
  const cut = section.path.lastIndexOf('/');
  return cut < 0 ? undefined : sections.find((s) => s.path === section.path.slice(0, cut));
}

function countBySection(annotations: RoleAnnotation[], locator: Locator): Map<Section, number> {
  const counts = new Map<Section, number>();
  for (const a of annotations) {
    const section = locator.sectionAt(a.start);
    if (section) counts.set(section, (counts.get(section) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether a listed name is a unit: recognised by the name patterns, or a
 * canonical unit written without a level (知识产权局, 农业农村部 in a national
 * plan), or ending in a unit-type suffix.
 */
export function looksLikeUnit(name: string, rules: CompiledDepartmentRules, places: ReadonlySet<string>, recognisedOnly = false): boolean {
  if (name.length < 2) return false;
  if (rules.unitByName.has(name) || rules.nationalByName.has(name)) return true;
  if (findUnits(name, rules, places).some((c) => c.start === 0 && c.end === name.length)) return true;
  return !recognisedOnly && name.length >= 3 && rules.suffixes.some((s) => name.endsWith(s.word)) && !rules.notUnitWords.has(name.slice(-2));
}

/** A heading line that carries its own annotation: the task is what comes before it. */
function cutAtAnnotation(heading: string, rules: CompiledResponsibilityRules): string {
  const at = heading.search(/[（(]/);
  if (at > 0 && rules.labels.some((l) => heading.slice(at).includes(l.label))) return heading.slice(0, at);
  return heading;
}

function implicitNotesInText(text: string, rules: CompiledResponsibilityRules, annotations: RoleAnnotation[]) {
  const out: Array<{ name: string; start: number; end: number; rule: string }> = [];
  for (const note of rules.implicitNotes) {
    if (note.requires && !note.requires.test(text)) continue;
    for (const m of text.matchAll(note.all)) {
      const at = m.index!;
      if (annotations.some((a) => at >= a.start && at < a.end)) continue;
      for (const name of splitUnitList(m.groups!.units!, rules.raw.listSeparators)) out.push({ name, start: at, end: at + m[0].length, rule: note.id });
    }
  }
  return out;
}

/** 由X牵头，Y配合 / 由X负责 in running text, outside any annotation. */
function proseResponsibilities(
  text: string,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  isNamedUnit: (name: string) => boolean,
  annotations: RoleAnnotation[],
  locator: Locator,
  listed: ListedUnit[],
): Responsibility[] {
  const out: Responsibility[] = [];
  // Where two prose patterns read the same words (由X负责，Y按职责分工负责 is also a closing …Y负责), the first reads them.
  const taken: Array<[number, number]> = [];
  // One task per numbered item: where the item carries a role annotation, that states its units;
  // prose in the same item (由X牵头，Y等参与，建立…机制) tells how the work is run.
  const annotated = new Set(annotations.map((a) => locator.sectionAt(a.start)).filter((s) => s !== undefined));
  for (const { id, re } of rules.prose) {
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (annotations.some((a) => at >= a.start && at < a.end)) continue;
      const item = locator.sectionAt(at);
      if (item && item.heading && annotated.has(item)) continue;
      if (taken.some(([s, e]) => at < e && s < at + m[0].length)) continue;
      const leadText = withoutFillers(m.groups!.lead!, rules);
      // 由A会同B负责: A leads, B supports.
      const joined = leadJoinedSplit(leadText, rules);
      const lead = splitInlineUnits(joined?.lead ?? leadText, rules, isUnit, isNamedUnit);
      const joinedSupport = joined ? splitInlineUnits(joined.support, rules, isUnit, isNamedUnit) : [];
      const clauseSupport = m.groups!.support ? splitInlineUnits(withoutFillers(m.groups!.support, rules), rules, isUnit, isNamedUnit) : [];
      if (lead.length === 0 || ![...lead, ...joinedSupport].every(isUnit)) continue;
      // A clause after the lead that is not a list of units is the task, not its supporters.
      const supportHolds = clauseSupport.length > 0 && clauseSupport.every(isUnit);
      const support = supportHolds ? [...joinedSupport, ...clauseSupport] : joinedSupport;
      const matchEnd =
        supportHolds || !m.groups!.support ? at + m[0].length : at + m[0].indexOf(m.groups!.lead!) + m.groups!.lead!.length + m.groups!.marker!.length;
      taken.push([at, matchEnd]);
      const provenance = locator.provenance(at, matchEnd, id);
      for (const name of [...lead, ...support]) listed.push({ name, provenance });
      const section = locator.sectionAt(at);
      const unsplit = m.groups!.marker === '负责' && !joined && support.length === 0 && lead.length > 1;
      // 由X牵头，Y配合，建立工作推进机制: the task is what follows, up to the sentence end.
      const rest = text
        .slice(matchEnd)
        .replace(/^[，,、\s]+/u, '')
        .split(/[。；;\n]/u)[0]!
        .trim();
      if (rules.raw.proseNotTasks.some((w) => rest.startsWith(w))) continue;
      out.push({
        // （二）培育数据商。市商务局牵头，…，培育一批数据商。: on a titled item's own line the title is the task.
        task:
          section?.heading && section.headingStart >= lineStart(text, at)
            ? cleanTask(section.heading)
            : rest.length >= 4
              ? cleanTask(rest)
              : section?.heading
                ? cleanTask(section.heading)
                : taskFromParagraph(text.slice(lineStart(text, at)), at - lineStart(text, at)),
        sectionPath: section?.path ?? provenance.sectionPath,
        lead: unsplit ? lead.slice(0, 1) : lead,
        support: unsplit ? lead.slice(1) : support,
        roles: unsplit ? 'unsplit' : 'split',
        provenance,
      });
    }
  }
  return out;
}
