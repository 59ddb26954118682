/** The zod schema of rules/departments.yaml, and its compiled form. */
import { z } from 'zod';
import type { RuleSet } from '../../rules/index.js';
import { NamedRules } from '../../rules/entries.js';

const Unit = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  bare: z.array(z.string().min(1)).default([]),
});

export const DepartmentRulesSchema = z.object({
  /** Rules the code applies without a pattern here; records store their ids (src/rules/entries.ts). */
  namedRules: NamedRules,
  levels: z.array(z.object({ word: z.string().min(1), level: z.enum(['national', 'province', 'city', 'district']) })).min(1),
  levelCoordinators: z.array(z.string().min(1)).default([]),
  suffixes: z
    .array(
      z.object({
        word: z.string().min(1),
        minBody: z.number().int().min(0).default(0),
        strong: z.boolean().default(false),
        /** Under coordinated levels (省、市、县…主管部门) the name is every level's body in general, not a unit. */
        oneLevelOnly: z.boolean().default(false),
      }),
    )
    .min(1),
  subUnitSuffixes: z.array(z.string().min(1)).default([]),
  attachedOffices: z.array(z.string().min(1)).default([]),
  notUnitWords: z.array(z.string().min(1)).default([]),
  bodyExclusions: z.array(z.string().min(1)).default([]),
  maxBody: z.number().int().min(1).default(16),
  blockedBefore: z.array(z.string().min(1)).default([]),
  prepositions: z.array(z.string().min(1)).default([]),
  zonePrefixes: z.array(z.string().min(1)).default([]),
  /** Words a zone's name ends with (先行区): 区 closing one is no level prefix. */
  zoneNameEndings: z.array(z.string().min(1)).default([]),
  minBodyAfterNational: z.number().int().min(1).default(6),
  unitJoiners: z.array(z.string().min(1)).default([]),
  subUnitMarkers: z.array(z.string().min(1)).default([]),
  notActorAfter: z.array(z.string().min(1)).default([]),
  addresseeLine: z.string().min(1).optional(),
  /** A crawled page's labelled field (**发布机构**: 工信部): its units count, but the document's own spelling names them. */
  pageFieldLine: z.string().min(1).optional(),
  /** Text right after a unit that makes it a document number's issuer code (工信部联科〔2024〕12号). */
  docNumberAfter: z.string().min(1).optional(),
  /** An addressee item ending in one of these (its brackets aside) is a government body: 各区政府, …通信管理局, …主管部门. */
  addresseeUnitEndings: z.array(z.string().min(1)).default([]),
  /** An addressee item holding one of these is a group, firm or school, not a unit: 各有关单位, 省政府各部门. */
  addresseeNotUnits: z.array(z.string().min(1)).default([]),
  genericUnits: z.array(z.string().min(1)).default([]),
  notActorVerbs: z.array(z.string().min(1)).default([]),
  /** Endings of bodies set up to steer the work (领导小组, 专家委员会): set up, they act. */
  actorsWhenSetUp: z.array(z.string().min(1)).default([]),
  /** A steering body set up by the plan, named without place or level: group 1 is its name. */
  setUpBodyPattern: z.string().min(1).optional(),
  minSetUpBodyChars: z.number().int().min(1).default(6),
  /** A body set up by an association, institute or firm is not a government unit. */
  nonGovernmentSetters: z.array(z.string().min(1)).default([]),
  /**
   * Words after a unit (past coordinated units: 党中央、国务院和省委、省政府) that cite it
   * rather than name it acting: 决策部署, 关于…, 政策依据.
   */
  citedAfter: z.array(z.string().min(1)).default([]),
  /** Words just before a unit that cite it: 以习近平同志为核心的党中央. */
  citedBefore: z.array(z.string().min(1)).default([]),
  /** A name with this suffix whose body holds one of the words is a platform, not a unit (制造业创新中心, 人工智能计算中心). */
  suffixExclusions: z.array(z.object({ suffix: z.string().min(1), words: z.array(z.string().min(1)).min(1) })).default([]),
  units: z.array(Unit).default([]),
  nationalUnits: z.array(Unit).default([]),
});

export type DepartmentRules = z.infer<typeof DepartmentRulesSchema>;
export type Level = DepartmentRules['levels'][number]['level'];

export interface CompiledDepartmentRules {
  raw: DepartmentRules;
  /** Longest first, so 自治区 wins over 区 and 人民政府办公室 over 政府. */
  levels: DepartmentRules['levels'];
  suffixes: DepartmentRules['suffixes'];
  /** Body+suffix (市场监管局) or bare alias (财政) → canonical unit. */
  unitByName: Map<string, { id: string; name: string; bare: boolean }>;
  /** Full national names and aliases (国务院, 人民银行) → unit. */
  nationalByName: Map<string, { id: string; name: string }>;
  notUnitWords: Set<string>;
  notUnitWordList: string[];
  /** A unit suffix followed by a joiner (局和, 委会同): two units, not one body. */
  unitJoin: RegExp | null;
  subUnitSuffixes: string[];
  /** National names by first character: only those are tried at a position. */
  nationalByFirstChar: Map<string, string[]>;
  /**
   * Every unit name holds one of these (a suffix, a known unit's name or alias, a
   * national name): text without any names no unit, so it need not be segmented.
   */
  anchors: RegExp;
  citedAfter: RegExp | null;
  citedBefore: RegExp | null;
}

/** Whether a name (body + suffix) is excluded by its suffix's words: 制造业创新中心 is a platform. */
export function excludedBySuffix(name: string, rules: CompiledDepartmentRules): boolean {
  return rules.raw.suffixExclusions.some((x) => name.endsWith(x.suffix) && x.words.some((w) => name.slice(0, -x.suffix.length).includes(w)));
}

const byLengthDesc =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(b).length - key(a).length;

export function compileDepartmentRules(raw: DepartmentRules): CompiledDepartmentRules {
  const unitByName = new Map<string, { id: string; name: string; bare: boolean }>();
  for (const unit of raw.units) {
    for (const n of [unit.name, ...unit.aliases]) unitByName.set(n, { id: unit.id, name: unit.name, bare: false });
    for (const n of unit.bare) unitByName.set(n, { id: unit.id, name: unit.name, bare: true });
  }
  const nationalByName = new Map<string, { id: string; name: string }>();
  for (const unit of raw.nationalUnits) {
    for (const n of [unit.name, ...unit.aliases]) nationalByName.set(n, { id: unit.id, name: unit.name });
  }
  const nationalByFirstChar = new Map<string, string[]>();
  for (const name of nationalByName.keys()) {
    const list = nationalByFirstChar.get(name[0]!) ?? [];
    list.push(name);
    nationalByFirstChar.set(name[0]!, list);
  }
  const anchorWords = [...raw.suffixes.map((s) => s.word), ...unitByName.keys(), ...nationalByName.keys()];
  const anchors = new RegExp(
    [...new Set(anchorWords)]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'u',
  );
  return {
    raw,
    nationalByFirstChar,
    anchors,
    levels: [...raw.levels].sort(byLengthDesc((l) => l.word)),
    suffixes: [...raw.suffixes].sort(byLengthDesc((s) => s.word)),
    unitByName,
    nationalByName,
    notUnitWords: new Set(raw.notUnitWords),
    notUnitWordList: [...raw.notUnitWords],
    unitJoin:
      raw.unitJoiners.length > 0
        ? new RegExp(`(?:${raw.suffixes.map((s) => escapeRegExp(s.word)).join('|')})(?:${raw.unitJoiners.map(escapeRegExp).join('|')})`, 'u')
        : null,
    subUnitSuffixes: [...raw.subUnitSuffixes].sort((a, b) => b.length - a.length),
    // Coordinated organs first (、国务院 / 和省委、省政府), then the citing word.
    citedAfter:
      raw.citedAfter.length > 0
        ? new RegExp(`^(?:[、和及与]\\s*[\u4e00-\u9fa5]{0,8}?(?:中央|国务院|委|政府))*\\s*(?:${raw.citedAfter.map(escapeRegExp).join('|')})`, 'u')
        : null,
    citedBefore: raw.citedBefore.length > 0 ? new RegExp(`(?:${raw.citedBefore.map(escapeRegExp).join('|')})$`, 'u') : null,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compiledCache = new WeakMap<RuleSet, CompiledDepartmentRules>();

export function departmentRules(rules: RuleSet): CompiledDepartmentRules {
  let compiled = compiledCache.get(rules);
  if (!compiled) {
    compiled = compileDepartmentRules(rules.get('departments', DepartmentRulesSchema));
    compiledCache.set(rules, compiled);
  }
  return compiled;
}
