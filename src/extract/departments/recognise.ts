/**
 * Finds government unit names in a stretch of text by their construction:
 * level prefix (市, 国家、省) or place name (南京市, 连云港) + body + unit-type
 * suffix (局, 委员会, 检察院 …), national bodies by name (国务院, 人民银行), and
 * sub-units written after their parent (…总局连云港监管分局). The pieces are
 * data (rules/departments.yaml); jieba word boundaries keep 全市法院 and 格局
 * from producing names.
 */
import { excludedBySuffix, type CompiledDepartmentRules, type Level } from './rules.js';
import { isProperNoun, tagWords, type WordIndex } from './words.js';

export type UnitPrefix = { kind: 'level'; word: string; level: Level } | { kind: 'place'; text: string } | { kind: 'national' } | { kind: 'none' };

export interface UnitCandidate {
  /** As written (for a coordinated prefix, 国家、省知识产权局 → 国家知识产权局, the prefix joined to the shared body). */
  name: string;
  start: number;
  end: number;
  prefix: UnitPrefix;
  /** Body and suffix, without the prefix: 市场监管局. */
  namePart: string;
  /** False when the clause names it as the thing created, won or supported. */
  actor: boolean;
  /** Rule id for provenance. */
  rule: string;
}

const CJK = /[\u4e00-\u9fa5]/;
const LEVEL_QUALIFIER = /^[（(](?:省|市|区|县|旗|州)(?:、(?:省|市|区|县|旗|州))*[）)]/u;
const CLAUSE_BREAK = /[，。；：！？,;:!?\n]/;

export function findUnits(text: string, rules: CompiledDepartmentRules, places: ReadonlySet<string>, tagged: WordIndex = tagWords(text)): UnitCandidate[] {
  const words = splitPrepositions(tagged, rules);
  const found: UnitCandidate[] = [];
  for (const word of words.words) {
    const i = word.start;
    if (isBlockedBefore(text, i, words, rules)) continue;
    const candidates = [...nationalAt(text, i, words, rules), ...levelAt(text, i, words, rules), ...placeAt(text, i, words, rules, places)];
    found.push(...candidates);
  }
  const chosen = dropOverlaps(found);
  for (const c of chosen) c.actor = isActor(text, c.start, rules, c.end);
  return chosen;
}

/**
 * jieba sometimes glues a preposition to the level word (以市, 在省): cut them apart again.
 * A body it does not know it may glue to the level word instead (区发|改局, 市大|数据):
 * a word it could not tag (x) that opens with a level word is that level and the body's start.
 */
function splitPrepositions(index: WordIndex, rules: CompiledDepartmentRules): WordIndex {
  const words: WordIndex['words'] = [];
  for (const w of index.words) {
    const opening = w.tag === 'x' && w.word.length > 1 ? rules.levels.find((l) => w.word.length > l.word.length && w.word.startsWith(l.word)) : undefined;
    if (opening && CJK.test(w.word.slice(opening.word.length))) {
      const cut = w.start + opening.word.length;
      words.push({ word: opening.word, tag: 'n', start: w.start, end: cut });
      words.push({ word: w.word.slice(opening.word.length), tag: 'x', start: cut, end: w.end });
      continue;
    }
    const level = rules.levels.find((l) => w.word.endsWith(l.word) && rules.raw.prepositions.includes(w.word.slice(0, -l.word.length)));
    if (!level) {
      words.push(w);
      continue;
    }
    const cut = w.end - level.word.length;
    words.push({ word: w.word.slice(0, -level.word.length), tag: 'p', start: w.start, end: cut });
    words.push({ word: level.word, tag: 'n', start: cut, end: w.end });
  }
  if (words.length === index.words.length) return index;
  return { words, startingAt: new Map(words.map((w) => [w.start, w])), endingAt: new Map(words.map((w) => [w.end, w])) };
}

/**
 * Multi-character exclusions (大学, 公司) are tested as text; one-character
 * function words (的, 对) only as words of their own, since 应对 or 对外 may
 * stand in a real unit name.
 */
function excludedBody(text: string, from: number, to: number, words: WordIndex, rules: CompiledDepartmentRules): boolean {
  const body = text.slice(from, to);
  for (const x of rules.raw.bodyExclusions) {
    if (x.length > 1) {
      if (body.includes(x)) return true;
      continue;
    }
    for (let at = body.indexOf(x); at >= 0; at = body.indexOf(x, at + 1)) {
      const w = words.startingAt.get(from + at);
      if (w && w.word === x) return true;
    }
  }
  return false;
}

/**
 * 各区院, 全市法院: a quantifier before the name makes it generic. In a list of
 * levels (各旗、县、区人民政府) the quantifier stands before the list's first level.
 */
function isBlockedBefore(text: string, i: number, words: WordIndex, rules: CompiledDepartmentRules): boolean {
  let at = i;
  for (;;) {
    const prev = words.endingAt.get(at);
    if (prev === undefined) return false;
    if (rules.raw.blockedBefore.includes(prev.word)) return true;
    if (!rules.raw.levelCoordinators.includes(prev.word)) return false;
    const level = words.endingAt.get(prev.start);
    if (!level || !rules.levels.some((l) => level.word === l.word || level.word.endsWith(l.word))) return false;
    if (level.word !== rules.levels.find((l) => level.word.endsWith(l.word))!.word) {
      // 各旗 glued: the quantifier is inside the word.
      return rules.raw.blockedBefore.some((b) => level.word.startsWith(b));
    }
    at = level.start;
  }
}

function nationalAt(text: string, i: number, words: WordIndex, rules: CompiledDepartmentRules): UnitCandidate[] {
  let best: UnitCandidate | null = null;
  for (const name of rules.nationalByFirstChar.get(text[i]!) ?? []) {
    if (!text.startsWith(name, i)) continue;
    const end = i + name.length;
    if (!words.endingAt.has(end) && !subUnitAfter(text, end, words, rules)) continue;
    if (!best || name.length > best.namePart.length) {
      best = { name, start: i, end, prefix: { kind: 'national' }, namePart: name, actor: true, rule: 'department.national-name' };
    }
  }
  if (!best) return [];
  const extended = extendSubUnit(text, best, words, rules);
  if (extended !== best) return [extended];
  // 国务院 + 知识产权战略实施工作部际联席会议办公室: a body the national organ set up, named after it.
  const body = namePartAt(text, best.end, words, rules, false);
  // 生态环境部会同国家发展改革委: a joiner after the organ starts the next unit, not a body of its own.
  const joined = body !== null && [...rules.raw.unitJoiners, ...rules.raw.prepositions].some((w) => w.length > 0 && body.namePart.startsWith(w));
  if (body && !joined && body.namePart.length >= rules.raw.minBodyAfterNational && words.endingAt.has(best.end)) {
    const named = { ...best, name: best.name + body.namePart, end: body.end, namePart: best.name + body.namePart, rule: 'department.national-body' };
    return [extendSubUnit(text, named, words, rules)];
  }
  return [best];
}

function levelAt(text: string, i: number, words: WordIndex, rules: CompiledDepartmentRules): UnitCandidate[] {
  const word = words.startingAt.get(i)!;
  const level = rules.levels.find((l) => text.startsWith(l.word, i));
  if (!level) return [];
  // 区 closing a zone's name (…先行区建设办公室, its place on the line before) is no level prefix.
  if (rules.raw.zoneNameEndings.some((z) => z.endsWith(level.word) && text.slice(0, i + level.word.length).endsWith(z))) return [];
  // 市 must be a word of its own (not 市场, 市长, 市级), unless the word is a whole unit name (区委, 省政府).
  if (word.word !== level.word && !rules.suffixes.some((s) => word.word.endsWith(s.word))) return [];
  const levels = [level];
  let pos = i + level.word.length;
  for (;;) {
    const coordinator = rules.raw.levelCoordinators.find((c) => text.startsWith(c, pos));
    if (!coordinator) break;
    const next = rules.levels.find((l) => text.startsWith(l.word, pos + coordinator.length));
    const nextWord = words.startingAt.get(pos + coordinator.length);
    if (!next || !nextWord || nextWord.word !== next.word) break;
    levels.push(next);
    pos += coordinator.length + next.word.length;
  }
  // 县（市）数据资源主管部门: the levels a name covers, in brackets after its level word.
  const qualifier = levels.length === 1 ? (LEVEL_QUALIFIER.exec(text.slice(pos, pos + 12))?.[0] ?? '') : '';
  pos += qualifier.length;
  const part = namePartAt(text, pos, words, rules, false);
  if (!part) return [];
  // 省、市、县林业主管部门 is each level's competent department in general, not one unit.
  const listed = levels.length > 1 || closesLevelList(i, words, rules);
  if (listed && rules.suffixes.some((s) => s.oneLevelOnly && part.namePart.endsWith(s.word))) return [];
  return levels.map((l, k) => {
    const last = k === levels.length - 1;
    const candidate: UnitCandidate = {
      name: l.word + qualifier + part.namePart,
      start: last ? pos - qualifier.length - l.word.length : i,
      end: part.end,
      prefix: { kind: 'level', word: l.word, level: l.level },
      namePart: part.namePart,
      actor: true,
      rule: levels.length > 1 ? 'department.coordinated-levels' : 'department.level-prefix',
    };
    return extendSubUnit(text, candidate, words, rules);
  });
}

/** 县 in 省、市、县林业主管部门: the level closes a list that began before it. */
function closesLevelList(i: number, words: WordIndex, rules: CompiledDepartmentRules): boolean {
  const joiner = words.endingAt.get(i);
  if (!joiner || !rules.raw.levelCoordinators.includes(joiner.word)) return false;
  const before = words.endingAt.get(joiner.start);
  return before !== undefined && rules.levels.some((l) => before.word === l.word);
}

function placeAt(text: string, i: number, words: WordIndex, rules: CompiledDepartmentRules, places: ReadonlySet<string>): UnitCandidate[] {
  const first = words.startingAt.get(i)!;
  // 各县市林业局: a quantifier glued to the place makes the name generic.
  if (rules.raw.blockedBefore.some((b) => b.length === 1 && first.word.length > 1 && first.word.startsWith(b) && first.tag === 'ns')) return [];
  // Place names chain (南京市玄武区); jieba may glue a place to what follows (连云港海关), so look them up by text.
  let pos = i;
  for (let step = placeAtText(text, pos, words, places, rules); step > 0; step = placeAtText(text, pos, words, places, rules)) pos += step;
  const proper = pos > i;
  // An old or informal place name (金陵) is tagged as a proper noun: enough before 海关/法院, not before 局.
  if (!proper) {
    if (!isProperNoun(first.tag)) return [];
    pos = first.end;
  }
  const part = namePartAt(text, pos, words, rules, !proper);
  if (!part) return [];
  const candidate: UnitCandidate = {
    name: text.slice(i, part.end),
    start: i,
    end: part.end,
    prefix: { kind: 'place', text: text.slice(i, pos) },
    namePart: part.namePart,
    actor: true,
    rule: proper ? 'department.place-prefix' : 'department.proper-name-institution',
  };
  return [extendSubUnit(text, candidate, words, rules)];
}

const BRACKETED_PLACE = /^中国[（(]([\u4e00-\u9fa5]{2,8})[）)]/u;

/** The first two characters of every place name: a position that starts none of them starts no place. */
const placeStarts = new WeakMap<ReadonlySet<string>, Set<string>>();
function placeStartsOf(places: ReadonlySet<string>): Set<string> {
  let starts = placeStarts.get(places);
  if (!starts) {
    starts = new Set([...places].map((p) => p.slice(0, 2)));
    placeStarts.set(places, starts);
  }
  return starts;
}

function placeAtText(text: string, pos: number, words: WordIndex, places: ReadonlySet<string>, rules: CompiledDepartmentRules): number {
  // 中国（苏州）知识产权保护中心: a national network's local unit names its place in brackets.
  const bracketed = text.startsWith('中国', pos) ? BRACKETED_PLACE.exec(text.slice(pos, pos + 14)) : null;
  if (bracketed && places.has(bracketed[1]!)) return bracketed[0].length;
  const word = words.startingAt.get(pos);
  // 新建 is a county and a verb; jieba may tag it either way, so the verb list decides.
  if (!word || /^[vpcdr]/.test(word.tag) || rules.raw.prepositions.includes(word.word) || rules.raw.notActorVerbs.includes(word.word)) return 0;
  // jieba tags some suffixes (海关) and verbs (新建) ns: those are not places.
  const usable = word.tag === 'ns' && word.word.length >= 2 && !rules.suffixes.some((s) => s.word === word.word);
  // jieba may tag a place and its institution as one word (上海海关/ns): the place is its head.
  if (usable) return placeHeadOf(word.word, places, rules) ?? word.word.length;
  // 高新区, 经济技术开发区: a zone stands where a place would (高新区科技创新局, 成都高新区管委会).
  const zone = rules.raw.zonePrefixes.find((z) => text.startsWith(z, pos) && words.endingAt.has(pos + z.length));
  if (zone) return zone.length;
  if (!placeStartsOf(places).has(text.slice(pos, pos + 2))) return 0;
  for (let len = 8; len >= 2; len--) {
    const place = text.slice(pos, pos + len);
    if (!places.has(place)) continue;
    // A short place name must be the word jieba cut (会同 the county is not 会同 the verb);
    // a full one (连云港市) may be glued to what follows.
    if (word.word === place || /(省|市|区|县|州|盟|旗)$/.test(place)) return len;
  }
  return 0;
}

function placeHeadOf(word: string, places: ReadonlySet<string>, rules: CompiledDepartmentRules): number | null {
  const suffix = rules.suffixes.find((s) => s.strong && word.endsWith(s.word) && places.has(word.slice(0, -s.word.length)));
  return suffix ? word.length - suffix.word.length : null;
}

/**
 * Body + suffix starting at `pos`: the shortest body that reaches a suffix ending
 * on a word boundary. A bare alias (财政) counts only when the unit acts — the
 * next word is a verb — because 市财政资金 is money, not a unit.
 */
function namePartAt(
  text: string,
  pos: number,
  words: WordIndex,
  rules: CompiledDepartmentRules,
  strongOnly: boolean,
): { namePart: string; end: number } | null {
  if (!strongOnly) {
    for (const [alias, unit] of rules.unitByName) {
      if (!unit.bare || !text.startsWith(alias, pos)) continue;
      const end = pos + alias.length;
      const next = words.startingAt.get(end);
      if (words.endingAt.has(end) && next && next.tag.startsWith('v')) return { namePart: alias, end };
    }
  }
  // A known unit written whole after its prefix (市发改委, 市人社局, 市委): the longest alias on a word boundary.
  let known: { namePart: string; end: number } | null = null;
  if (!strongOnly) {
    for (const [alias, unit] of rules.unitByName) {
      if (unit.bare || !text.startsWith(alias, pos)) continue;
      const end = pos + alias.length;
      if ((words.endingAt.has(end) || joinerAt(text, end, rules)) && (!known || end > known.end)) known = { namePart: alias, end };
    }
  }
  // 市数字政府建设领导小组: a name followed by 建设 may be the body of a longer one; keep it only if none is.
  let built: { namePart: string; end: number } | null = null;
  for (let k = pos; k <= pos + rules.raw.maxBody && k < text.length; k++) {
    if (known && k >= known.end) return known;
    if (!CJK.test(text[k]!)) return built;
    for (const suffix of rules.suffixes) {
      if (strongOnly && !suffix.strong) continue;
      if (!text.startsWith(suffix.word, k)) continue;
      const end = k + suffix.word.length;
      const body = text.slice(pos, k);
      if (body.length < suffix.minBody) continue;
      // 市发展改革委会同…: jieba reads 革委会 across the name's end; a joiner after it still ends the name.
      const lastWord = words.endingAt.get(end) ?? (joinerAt(text, end, rules) ? { word: text.slice(pos, end) } : undefined);
      // 人民医院 ends in 医院 as 格局 ends in 局: judged by the word's ending, not the word.
      // A suffix that itself ends in such a word (主管部门 in 部门) is judged by the suffix.
      if (!lastWord || rules.notUnitWordList.some((w) => lastWord.word.endsWith(w) && !suffix.word.endsWith(w))) continue;
      // 财政局和市市场监管局: a body holding a whole unit and a joiner is two units.
      if (excludedBody(text, pos, k, words, rules) || (rules.unitJoin && rules.unitJoin.test(body))) return built ?? known;
      if (excludedBySuffix(text.slice(pos, end), rules)) continue;
      if (known && known.end > end) return known;
      if (!built && rules.raw.notActorAfter.some((w) => text.startsWith(w, end))) {
        built = { namePart: text.slice(pos, end), end };
        continue;
      }
      return { namePart: text.slice(pos, end), end };
    }
  }
  return built ?? known;
}

/** A joiner of two or more characters (会同, 以及) starts here: a name ends before it whatever jieba cut. */
function joinerAt(text: string, at: number, rules: CompiledDepartmentRules): boolean {
  return rules.raw.unitJoiners.some((j) => j.length > 1 && text.startsWith(j, at));
}

function subUnitAfter(text: string, end: number, words: WordIndex, rules: CompiledDepartmentRules): number | null {
  for (let q = end + 1; q <= end + 10 && q < text.length; q++) {
    if (!CJK.test(text[q - 1]!)) return null;
    if (q < end + 2) continue;
    const suffix = rules.subUnitSuffixes.find((s) => text.startsWith(s, q));
    if (!suffix) continue;
    const stop = q + suffix.length;
    const mid = text.slice(end, q);
    const midWord = words.startingAt.get(end);
    if (!words.endingAt.has(stop) || !midWord || (midWord.tag.startsWith('v') && !rules.raw.subUnitMarkers.includes(midWord.word))) continue;
    // …部下属公司 ends in 司 as 装备工业一司 does: judged by the word's ending.
    const lastWord = words.endingAt.get(stop)!;
    if (rules.notUnitWordList.some((w) => lastWord.word.endsWith(w) && !suffix.endsWith(w))) continue;
    // 财政局和市市场监管局: a joiner or a bare level word opens another unit, not a sub-unit.
    if (rules.raw.unitJoiners.includes(midWord.word) || rules.levels.some((l) => l.word === midWord.word)) return null;
    // 国家税务总局 + 苏州工业园区税务局: a zone names the sub-unit's place, not an excluded body.
    const zonePlace = rules.raw.zonePrefixes.some((z) => mid.endsWith(z));
    if (!zonePlace && excludedBody(text, end, q, words, rules)) return null;
    return stop;
  }
  return null;
}

/** 国家金融监督管理总局 + 连云港监管分局: the sub-unit is the unit that acts. */
function extendSubUnit(text: string, c: UnitCandidate, words: WordIndex, rules: CompiledDepartmentRules): UnitCandidate {
  // 市委 + 宣传部: an office of the unit written straight after it.
  const office = rules.raw.attachedOffices.find((o) => text.startsWith(o, c.end) && words.endingAt.has(c.end + o.length));
  if (office) return { ...c, name: c.name + office, end: c.end + office.length, namePart: c.namePart + office, rule: 'department.attached-office' };
  const stop = subUnitAfter(text, c.end, words, rules);
  if (stop === null) return c;
  const extra = text.slice(c.end, stop);
  return { ...c, name: c.name + extra, end: stop, namePart: c.namePart + extra, rule: 'department.sub-unit' };
}

/**
 * Where candidates overlap, the one that starts first wins, the longest among
 * those: a name that begins inside another (南京分行营业管理部 inside
 * 人民银行南京分行…) is a misreading of it. Coordinated names share a span and all stay.
 */
function dropOverlaps(found: UnitCandidate[]): UnitCandidate[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: UnitCandidate[] = [];
  for (const c of sorted) {
    const clash = kept.some((k) => c.start < k.end && k.start < c.end && !(k.rule === 'department.coordinated-levels' && c.rule === k.rule));
    if (!clash && !kept.some((k) => k.name === c.name && k.start === c.start)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** 成立…服务中心, 获批…分中心: a unit named after such a verb in its clause is the object, not an actor. */
export function isActor(text: string, start: number, rules: CompiledDepartmentRules, end?: number): boolean {
  let clauseStart = start;
  while (clauseStart > 0 && !CLAUSE_BREAK.test(text[clauseStart - 1]!)) clauseStart--;
  // A document title (《…建设方案》) in the clause is a name, not a verb acting on the unit.
  const before = text.slice(clauseStart, start).replace(/《[^》]*》/gu, '');
  // 成立…领导小组, 设立…专家委员会: a body set up to steer the work acts from then on.
  const steering = end !== undefined && rules.raw.actorsWhenSetUp.some((w) => text.slice(start, end).endsWith(w));
  if (!steering && rules.raw.notActorVerbs.some((v) => before.includes(v))) return false;
  if (rules.citedBefore?.test(text.slice(Math.max(0, start - 12), start))) return false;
  if (end === undefined) return true;
  // 推动徐州知识产权法庭建设: the unit is the thing built.
  if (rules.raw.notActorAfter.some((w) => text.startsWith(w, end))) return false;
  // 落实党中央、国务院决策部署 / 国务院关于…的部署: the organ is cited, not acting.
  return !(rules.citedAfter?.test(text.slice(end, end + 40)) ?? false);
}
