/**
 * Links unit mentions to one unit each: 市 in a 连云港 plan is 连云港市, so
 * 市知识产权局 and 连云港市知识产权局 are the same unit; 市场监管局 is
 * 市场监督管理局. The first way the document writes a unit is the name it is
 * listed under (FORMAT.md: every distinct unit, written as in the document).
 */
import type { DepartmentMention, DocumentMetadata, Provenance } from '../../core/state.js';
import { regionKey } from './places.js';
import type { UnitCandidate } from './recognise.js';
import type { CompiledDepartmentRules, Level } from './rules.js';

export interface RegionContext {
  /** Full region name for each level the document's region resolves (city → 连云港市). */
  byLevel: Partial<Record<Level, string>>;
}

const LEVEL_OF_NAME: Array<[RegExp, Level]> = [
  [/(省|自治区)$/, 'province'],
  [/(区|县|旗)$/, 'district'],
  [/(市|州|盟)$/, 'city'],
];

export function regionContext(meta: DocumentMetadata | undefined): RegionContext {
  const byLevel: Partial<Record<Level, string>> = { national: '国家' };
  if (!meta?.region) return { byLevel };
  for (const name of [meta.region, ...meta.regionParents]) {
    const level = LEVEL_OF_NAME.find(([re]) => re.test(name))?.[1];
    if (level && !byLevel[level]) byLevel[level] = name;
  }
  // 南京市玄武区 is a district whose parent city is written inside it.
  const city = /^(.+?市)(?=.+(区|县)$)/.exec(meta.region);
  if (city && !byLevel.city) byLevel.city = city[1]!;
  return { byLevel };
}

export interface LinkedName {
  key: string;
  canonicalId: string | null;
  canonicalName: string | null;
}

export function linkName(c: Pick<UnitCandidate, 'name' | 'prefix' | 'namePart'>, rules: CompiledDepartmentRules, region: RegionContext): LinkedName {
  if (c.prefix.kind === 'national') {
    const unit = rules.nationalByName.get(c.namePart);
    return unit
      ? { key: `国家|${unit.id}`, canonicalId: `national:${unit.id}`, canonicalName: unit.name }
      : { key: `国家|${c.name}`, canonicalId: null, canonicalName: null };
  }
  if (c.prefix.kind === 'none') return { key: `none|${c.name}`, canonicalId: null, canonicalName: null };
  const place = c.prefix.kind === 'level' ? (region.byLevel[c.prefix.level] ?? c.prefix.word) : c.prefix.text;
  const national = c.prefix.kind === 'level' && c.prefix.level === 'national' ? rules.nationalByName.get('国家' + c.namePart) : undefined;
  if (national) return { key: `国家|${national.id}`, canonicalId: `national:${national.id}`, canonicalName: national.name };
  const area = place === '国家' ? '国家' : regionKey(place);
  const unit = rules.unitByName.get(c.namePart);
  return {
    key: `${area}|${unit?.id ?? c.namePart}`,
    canonicalId: unit ? `${area}:${unit.id}` : null,
    canonicalName: `${place}${unit?.name ?? c.namePart}`,
  };
}

interface Entry {
  first: DepartmentMention;
  actor: boolean;
  /** The listed name comes from a page's labelled field (**发布机构**: 工信部), not the document's own text. */
  firstFromPage: boolean;
  /** The listed name is the one the unit signs the document with: no other spelling replaces it. */
  signed: boolean;
}

/** Collects mentions; `units()` lists each unit once, if any mention names it as an actor. */
export class UnitRegistry {
  private readonly entries = new Map<string, Entry>();
  /** A name written the same way is the same unit, however it was recognised. */
  private readonly keyOfName = new Map<string, string>();

  /**
   * `fromPage`: the mention sits in a crawled page's labelled field. It lists the
   * unit, but the name the document itself writes wins (工业和信息化部 over the
   * page's 工信部).
   */
  add(link: LinkedName, name: string, actor: boolean, provenance: Provenance, fromPage = false): void {
    this.addMention(link, name, actor, provenance, fromPage, false);
  }

  /**
   * The issuer as it signs (绵阳市交通运输局 under a report that calls it 市交通运输局
   * throughout): the unit is listed under its full signed name, wherever that stands.
   */
  addSigned(link: LinkedName, name: string, provenance: Provenance): void {
    this.addMention(link, name, true, provenance, false, true);
  }

  private addMention(link: LinkedName, name: string, actor: boolean, provenance: Provenance, fromPage: boolean, signed: boolean): void {
    const key = this.keyOfName.get(name) ?? link.key;
    this.keyOfName.set(name, key);
    const entry = this.entries.get(key);
    const mention: DepartmentMention = { name, canonicalId: link.canonicalId, canonicalName: link.canonicalName, provenance };
    if (!entry) this.entries.set(key, { first: mention, actor, firstFromPage: fromPage, signed });
    else if (signed && !entry.signed) {
      entry.first = mention;
      entry.firstFromPage = false;
      entry.signed = true;
      entry.actor = true;
    } else {
      const earlier = provenance.start < entry.first.provenance.start;
      if (entry.signed) {
        entry.actor ||= actor;
        return;
      }
      if ((earlier && (fromPage || !entry.firstFromPage)) || (entry.firstFromPage && !fromPage)) {
        entry.first = mention;
        entry.firstFromPage = fromPage;
      }
      entry.actor ||= actor;
    }
  }

  units(): DepartmentMention[] {
    return [...this.entries.values()]
      .filter((e) => e.actor)
      .map((e) => e.first)
      .sort((a, b) => a.provenance.start - b.provenance.start);
  }
}
