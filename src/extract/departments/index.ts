/**
 * Stage 'extract-departments': every unit the text names as an actor, once,
 * under the first name the document uses for it, linked to its canonical unit.
 * Units the role lists name (from extract-responsibilities) count whatever
 * their name.
 */
import { z } from 'zod';
import { type Stage } from '../../core/stage.js';
import { DocumentError } from '../../core/errors.js';
import type { DepartmentMention, ListedUnit, Provenance } from '../../core/state.js';
import { Locator } from '../common/provenance.js';
import { responsibilityRules } from '../responsibilities/rules.js';
import { placeNames } from './places.js';
import { findUnits, isActor, type UnitCandidate } from './recognise.js';
import { linkName, regionContext, UnitRegistry, type RegionContext } from './registry.js';
import { excludedBySuffix, type CompiledDepartmentRules } from './rules.js';
import { departmentRules } from './rules.js';
import { tagBlocks, useDictionary } from './words.js';

export { departmentRules } from './rules.js';
export { regionContext } from './registry.js';
export { findUnits } from './recognise.js';

export type { ListedUnit } from '../../core/state.js';

const Options = z
  .object({
    /** jieba user dictionary in the rules directory (the one the segment stage uses): names are cut as the segmenter cuts them. */
    userDict: z.string().min(1).default('userdict.utf8'),
  })
  .strict();

export const extractDepartmentsStage: Stage<typeof Options> = {
  name: 'extract-departments',
  description: 'Every unit named as an actor, once, linked to its canonical unit',
  options: Options,
  requires: ['normalised', 'structure', 'segments', 'listedUnits'],
  provides: ['departments'],
  run(state, options, { rules }) {
    const text = state.normalised?.text;
    if (text === undefined) throw new DocumentError('not-normalised', 'extract-departments needs the normalised text (run normalise first)');
    useDictionary(rules.resource(options.userDict));
    const locator = new Locator(state);
    const departments = collectDepartments({
      text,
      rules: departmentRules(rules),
      region: regionContext(state.structure?.metadata),
      listed: state.listedUnits ?? [],
      issuer: state.structure?.metadata.issuer ?? null,
      memberSuffixes: responsibilityRules(rules).raw.memberSuffixes,
      provenance: (s, e, rule) => locator.provenance(s, e, rule),
    });
    return { ...state, departments };
  },
};

export interface DepartmentInputs {
  text: string;
  rules: CompiledDepartmentRules;
  region: RegionContext;
  /** Units named in role lists: units by definition, even when no pattern knows them (功能板块管委会). */
  listed: ListedUnit[];
  /** The document's issuer (joint issuers joined with 、): it acts by issuing, so each is a department. */
  issuer?: string | null;
  memberSuffixes: readonly string[];
  provenance: (start: number, end: number, rule: string) => Provenance;
}

/** 《…》 is a document title: a unit inside it (《南京市…中心建设实施方案》) is not named as an actor. */
function titleRanges(line: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of line.matchAll(/《[^》\n]*》/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

export function collectDepartments(input: DepartmentInputs): DepartmentMention[] {
  const { text, rules, region } = input;
  const places = placeNames();
  const registry = new UnitRegistry();
  const found: Array<UnitCandidate & { lineStart: number }> = [];

  const addressee = rules.raw.addresseeLine ? new RegExp(rules.raw.addresseeLine, 'u') : null;
  const pageField = rules.raw.pageFieldLine ? new RegExp(rules.raw.pageFieldLine, 'u') : null;
  const docNumberAfter = rules.raw.docNumberAfter ? new RegExp(rules.raw.docNumberAfter, 'u') : null;
  const setUpBody = rules.raw.setUpBodyPattern ? new RegExp(rules.raw.setUpBodyPattern, 'gu') : null;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    // A line without a suffix or known name names no unit: skip segmenting it.
    if (!rules.anchors.test(line)) {
      lineStart += line.length + 1;
      continue;
    }
    const titles = titleRanges(line);
    const spokenTo = addressee?.test(line) ?? false;
    const onPage = pageField?.test(line) ?? false;
    if (spokenTo) {
      for (const a of addressedUnits(line, rules)) {
        const link = { key: `none|${a.name}`, canonicalId: null, canonicalName: null };
        const provenance = input.provenance(lineStart + a.start, lineStart + a.end, 'department.addressee');
        registry.add(link, a.name, true, provenance);
        // 各县（市）人民政府 addressed is 县（市）人民政府 in the articles: the same bodies, listed once.
        const each = /^各(.{3,})$/u.exec(a.name)?.[1];
        if (each) registry.add(link, each, true, provenance);
      }
    }
    for (const c of findUnits(
      line,
      rules,
      places,
      tagBlocks(line, (block) => rules.anchors.test(block)),
    )) {
      if (titles.some(([s, e]) => c.start >= s && c.end <= e)) continue;
      // 工信部联科〔2024〕12号: the issuer's abbreviation inside a document number names no actor.
      if (docNumberAfter?.test(line.slice(c.end))) continue;
      found.push({ ...c, lineStart });
      // Addressed, not named as actors: the unit is listed only if the text names it acting, under that name.
      if (spokenTo) continue;
      registry.add(linkName(c, rules, region), c.name, c.actor, input.provenance(lineStart + c.start, lineStart + c.end, c.rule), onPage);
    }
    // A steering body set up without place or level (组建…智慧林业建设工作领导小组): by the construction.
    for (const m of setUpBody ? line.matchAll(setUpBody) : []) {
      const name = m[1]!;
      const start = m.index! + m[0].length - name.length;
      const end = start + name.length;
      if (name.length < rules.raw.minSetUpBodyChars || titles.some(([s, e]) => start >= s && start < e)) continue;
      if (found.some((c) => c.lineStart === lineStart && c.start < end && start < c.end)) continue;
      const clause = line
        .slice(0, m.index!)
        .split(/[。；！？]/u)
        .pop()!;
      if (rules.raw.nonGovernmentSetters.some((w) => clause.includes(w))) continue;
      registry.add(
        { key: `none|${name}`, canonicalId: null, canonicalName: null },
        name,
        true,
        input.provenance(lineStart + start, lineStart + end, 'department.set-up-body'),
      );
    }
    lineStart += line.length + 1;
  }

  addUnprefixedMentions(text, found, input, registry);
  addIssuers(text, input, places, registry);

  for (const item of input.listed) {
    for (const name of namesInItem(item.name, input.memberSuffixes)) {
      if (rules.raw.genericUnits.some((g) => name.endsWith(g)) || excludedBySuffix(name, rules)) continue;
      const whole = findUnits(name, rules, places).find((c) => c.start === 0 && c.end === name.length);
      // A university, firm or association a role list names shares the task but is no government unit.
      if (!whole && rules.raw.bodyExclusions.some((x) => x.length > 1 && name.includes(x))) continue;
      const link = whole ? linkName(whole, rules, region) : linkName({ name, namePart: name, prefix: { kind: 'none' } }, rules, region);
      registry.add(link, name, true, item.provenance);
    }
  }
  return registry.units();
}

/**
 * The issuer signs the document: each joint issuer is a unit acting, even where
 * the text names it only in a title it cites itself by (中共中央国务院关于…的意见).
 * Its first mention in the text locates it; the text's earlier spelling stays the name.
 */
function addIssuers(text: string, input: DepartmentInputs, places: ReadonlySet<string>, registry: UnitRegistry): void {
  for (const name of (input.issuer ?? '').split(/[、\s]+/u).filter((n) => n.length >= 2)) {
    const whole = findUnits(name, input.rules, places).find((c) => c.start === 0 && c.end === name.length);
    if (!whole) continue;
    const first = text.indexOf(name);
    const at = first >= 0 ? first : text.length;
    registry.addSigned(linkName(whole, input.rules, input.region), name, input.provenance(at, at + name.length, 'department.issuer'));
  }
}

/**
 * 成立玄武区…领导小组 … 充分发挥…领导小组作用: a specific unit, once introduced with
 * its region, is later written without it. Those later mentions are the same unit.
 */
function addUnprefixedMentions(text: string, found: Array<UnitCandidate & { lineStart: number }>, input: DepartmentInputs, registry: UnitRegistry): void {
  const spans = found.map((c) => [c.lineStart + c.start, c.lineStart + c.end] as const);
  const seen = new Set<string>();
  for (const c of found) {
    // Short or generic bodies (知识产权局) written bare would be another level's unit, or none.
    if (c.prefix.kind === 'none' || c.prefix.kind === 'national' || c.namePart.length < 6 || input.rules.unitByName.has(c.namePart)) continue;
    if (seen.has(c.namePart)) continue;
    seen.add(c.namePart);
    const link = linkName(c, input.rules, input.region);
    for (let at = text.indexOf(c.namePart); at >= 0; at = text.indexOf(c.namePart, at + 1)) {
      const end = at + c.namePart.length;
      if (spans.some(([s, e]) => at < e && s < end)) continue;
      registry.add(link, c.namePart, isActor(text, at, input.rules, end), input.provenance(at, end, 'department.same-unit-without-region'));
    }
  }
}

/**
 * The government bodies a notice is addressed to, each item as written:
 * 各市人民政府，各县（市、区）人民政府 / 各省、自治区、直辖市通信管理局. Levels listed
 * before a shared head (各省、自治区、直辖市…主管部门) stay with it: an item closes at a
 * piece that ends in a unit word. Groups (各有关单位, 省政府各部门, 市政府各委、办、局),
 * firms and schools are not units.
 */
export function addressedUnits(line: string, rules: CompiledDepartmentRules): Array<{ name: string; start: number; end: number }> {
  const out: Array<{ name: string; start: number; end: number }> = [];
  const body = line.replace(/[：:]\s*$/u, '');
  let depth = 0;
  let itemStart = body.length - body.trimStart().length;
  for (let i = itemStart; i <= body.length; i++) {
    const ch = body[i] ?? '，';
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || !/[，,、]/u.test(ch)) continue;
    const item = body.slice(itemStart, i).trim();
    const head = item.replace(/[（(][^（）()]*[）)]$/u, '');
    // 各省、自治区、直辖市…: a level without its head waits for the piece that ends the item.
    if (ch === '、' && !rules.raw.addresseeUnitEndings.some((e) => head.endsWith(e))) continue;
    if (item.length >= 3 && rules.raw.addresseeUnitEndings.some((e) => head.endsWith(e)) && !rules.raw.addresseeNotUnits.some((x) => item.includes(x))) {
      out.push({ name: item, start: itemStart, end: i });
    }
    itemStart = i + 1;
  }
  return out;
}

/** 市市场监管局（市知识产权局） names two units; X成员单位 names X. */
export function namesInItem(item: string, memberSuffixes: readonly string[]): string[] {
  const m = /^(.+?)（(.+)）$/u.exec(item);
  const names = m ? [m[1]!, m[2]!] : [item];
  return names.map((n) => {
    const suffix = memberSuffixes.find((s) => n.endsWith(s) && n.length > s.length);
    return suffix ? n.slice(0, -suffix.length) : n;
  });
}
