/**
 * Role annotations: the parenthetical after a task that names its units —
 * （牵头单位：A<B>、C，配合单位：D，以下均需E落实，不再列出） or（A牵头，B配合）.
 * Works on plain strings so every pattern can be tested on its own.
 */
import type { CompiledResponsibilityRules, Role } from './rules.js';

export interface ParsedRoles {
  lead: string[];
  support: string[];
  roles: 'split' | 'unsplit';
  /** Units of a note that applies to every task (以下均需…落实，不再列出). */
  implicit: string[];
  /** The task's deadline as written after a deadline label (完成时限：2025年底). */
  deadline?: string;
  rule: string;
}

export interface RoleAnnotation extends ParsedRoles {
  /** Offsets of the whole parenthetical, brackets included. */
  start: number;
  end: number;
}

const OPEN = '（(<〈';
const CLOSE = '）)>〉';

/** <…>, (…) and 〈…〉 written （…）, as FORMAT.md writes unit names; stray spaces and a trailing 等 go. */
export function normaliseUnitName(name: string): string {
  return name
    .replace(/[<〈(]/g, '（')
    .replace(/[>〉)]/g, '）')
    .replace(/\s+/g, '')
    .replace(/(等(单位|部门)?|分别)$/u, '')
    .trim();
}

/** Splits a unit list on the list separators that are not inside a nested bracket. */
export function splitUnitList(list: string, separators: readonly string[]): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    const sep = depth === 0 ? separators.find((s) => list.startsWith(s, i)) : undefined;
    if (sep) {
      out.push(current);
      current = '';
      i += sep.length - 1;
    } else current += ch;
  }
  out.push(current);
  return out.map(normaliseUnitName).filter((s) => s.length > 0);
}

/**
 * A list written in running words (（A、B和C负责）, 由A会同B牵头): split on 、, and
 * on a conjunction only where the piece is not a unit as a whole — 和 and 及
 * stand inside unit names too (文化和旅游局, 经济和信息化厅, 住房和城乡建设局).
 */
export function splitInlineUnits(
  list: string,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  isNamedUnit: (name: string) => boolean = isUnit,
): string[] {
  const out: string[] = [];
  for (const piece of joinSharedHeads(splitUnitList(list, ['、']), rules)) {
    const joined = splitAtJoiners(piece, rules.raw.listConjunctions, isNamedUnit);
    if (joined) {
      out.push(...joined);
      continue;
    }
    const parts = splitUnitList(piece, rules.raw.listConjunctions);
    // 各县（市、区）党委和政府: a part too short to name an actor (政府, 党委) shares the words before it — one actor as written.
    const sharesPrefix = parts.length > 1 && parts.slice(1).some(bareHead);
    out.push(...(parts.length > 1 && ((!parts.every(isUnit) && underTwoNames(piece, isUnit)) || sharesPrefix) ? [piece] : parts));
  }
  // 领导小组及其办公室: 其 stands for the unit before it.
  return out.map((name, k) => (k > 0 && name.startsWith('其') && name.length > 2 ? out[k - 1]! + name.slice(1) : name));
}

/** 政府, 党委: an organ without the level that makes it an actor (市委, 区政府 have one). */
function bareHead(name: string): boolean {
  return name.length < 3 && !/^[省市州盟区县旗乡镇]/u.test(name);
}

/**
 * The piece as whole units joined by conjunctions (区自然资源和规划分局会同区住房和城乡建设局
 * → two units; 区文化和旅游局 → one), or null when no such reading exists.
 */
function splitAtJoiners(piece: string, joiners: readonly string[], isNamedUnit: (name: string) => boolean, depth = 0): string[] | null {
  if (isNamedUnit(piece)) return [piece];
  if (depth > 4) return null;
  for (let i = 2; i < piece.length - 2; i++) {
    const joiner = joiners.find((j) => piece.startsWith(j, i));
    if (!joiner) continue;
    const left = piece.slice(0, i).replace(/等$/u, '');
    if (!isNamedUnit(left)) continue;
    // 党委和政府: a part too short to name an actor on its own shares the words before it.
    if (bareHead(piece.slice(i + joiner.length))) continue;
    const rest = splitAtJoiners(piece.slice(i + joiner.length), joiners, isNamedUnit, depth + 1);
    if (rest) return [left, ...rest];
  }
  return null;
}

/**
 * Levels listed before the head they share are one unit: 各区、市政府 is each district's
 * and county-level city's government, not 各区 + 市政府.
 */
export function joinSharedHeads(names: readonly string[], rules: CompiledResponsibilityRules): string[] {
  if (!rules.sharedHeadLevel) return [...names];
  const out: string[] = [];
  let pending = '';
  for (const name of names) {
    if (rules.sharedHeadLevel.test(name)) pending += name + '、';
    else {
      out.push(pending + name);
      pending = '';
    }
  }
  if (pending) out.push(pending.slice(0, -1));
  return out;
}

/**
 * A unit joined to another actor by a conjunction names two actors (市科技局及相关行业主管部门):
 * split where the part before is a recognised unit and the part after a unit or a group.
 */
function splitJoined(names: readonly string[], rules: CompiledResponsibilityRules, isNamedUnit: (name: string) => boolean): string[] {
  return names.flatMap((name) => {
    if (isNamedUnit(name)) return [name];
    for (const joiner of rules.raw.listConjunctions) {
      const at = name.indexOf(joiner);
      if (at < 2) continue;
      const left = name.slice(0, at);
      const right = name.slice(at + joiner.length);
      if (isNamedUnit(left) && (isNamedUnit(right) || (rules.listGroup?.test(right) ?? false) || rules.raw.listedNameEndings.some((e) => right.endsWith(e))))
        return [left, right];
    }
    return [name];
  });
}

/** 由A会同B负责 / （A会同B负责）: A leads, B supports. */
export function leadJoinedSplit(list: string, rules: CompiledResponsibilityRules): { lead: string; support: string } | null {
  for (const joiner of rules.raw.leadJoiners) {
    const at = list.indexOf(joiner);
    if (at > 0) return { lead: list.slice(0, at), support: list.slice(at + joiner.length) };
  }
  return null;
}

/** Parses the inside of a parenthetical; null when it assigns no units. */
export function parseRoleContent(
  content: string,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  isNamedUnit: (name: string) => boolean = isUnit,
): ParsedRoles | null {
  let body = content;
  const implicit: string[] = [];
  for (const note of rules.implicitNotes) {
    if (note.requires && !note.requires.test(body)) continue;
    const m = note.re.exec(body);
    if (!m) continue;
    implicit.push(...splitUnitList(m.groups!.units!, rules.raw.listSeparators));
    body = body.slice(0, m.index) + body.slice(m.index + m[0].length);
  }
  const { rest, deadline } = takeDeadline(body, rules);
  body = rest;
  const labelled = parseLabelled(body, rules, isNamedUnit);
  const parsed = labelled ?? parseInline(body, rules, isUnit, isNamedUnit, true);
  if (!parsed) return implicit.length > 0 ? { lead: [], support: [], roles: 'split', implicit, rule: 'responsibility.implicit-note' } : null;
  const notImplicit = (u: string) => !implicit.includes(u);
  const out: ParsedRoles = { ...parsed, lead: parsed.lead.filter(notImplicit), support: parsed.support.filter(notImplicit), implicit };
  if (deadline) out.deadline = deadline;
  return out;
}

/** 完成时限：2025年底 — cut out of the unit lists and kept as the task's deadline. */
function takeDeadline(body: string, rules: CompiledResponsibilityRules): { rest: string; deadline?: string } {
  for (const label of rules.raw.deadlineLabels) {
    const at = body.indexOf(label);
    if (at < 0) continue;
    let j = at + label.length;
    while (body[j] === ' ') j++;
    const sep = rules.raw.labelSeparators.find((x) => body.startsWith(x, j));
    if (!sep) continue;
    const valueStart = j + sep.length;
    const stop = body.slice(valueStart).search(/[；;，,。]/);
    const valueEnd = stop < 0 ? body.length : valueStart + stop;
    return { rest: body.slice(0, at) + body.slice(valueEnd), deadline: body.slice(valueStart, valueEnd).trim() };
  }
  return { rest: body };
}

function parseLabelled(
  body: string,
  rules: CompiledResponsibilityRules,
  isNamedUnit: (name: string) => boolean = () => false,
): Omit<ParsedRoles, 'implicit'> | null {
  const found: Array<{ role: Role; labelStart: number; listStart: number }> = [];
  for (let i = 0; i < body.length; i++) {
    const label = rules.labels.find((l) => body.startsWith(l.label, i));
    if (!label) continue;
    let j = i + label.label.length;
    while (body[j] === ' ') j++;
    const sep = rules.raw.labelSeparators.find((s) => body.startsWith(s, j));
    if (!sep) continue;
    found.push({ role: label.role, labelStart: i, listStart: j + sep.length });
    i = j + sep.length - 1;
  }
  if (found.length === 0) return null;
  const lists: Record<Role, string[]> = { lead: [], support: [], unsplit: [] };
  found.forEach((f, k) => {
    const end = k + 1 < found.length ? found[k + 1]!.labelStart : body.length;
    for (const clause of body.slice(f.listStart, end).split(/[，,；;]/u)) {
      // 责任单位：A，B、C配合 — a clause closed by its own role marker says its units' role.
      const marked = markedClause(clause.trim(), rules);
      // 责任单位：A、B等，按职责分工负责 — a clause of only filler and marker says how the units listed share the task, and names none.
      if (isRoleNote(clause.trim(), rules)) continue;
      if (marked) lists[marked.role].push(...splitUnitList(marked.names, ['、', ...rules.raw.listConjunctions]));
      else
        lists[f.role].push(
          ...splitJoined(joinSharedHeads(splitUnitList(withoutRoleNote(clause.trim(), rules), rules.raw.listSeparators), rules), rules, isNamedUnit),
        );
    }
  });
  if (lists.unsplit.length > 0 && lists.lead.length === 0 && lists.support.length === 0) {
    return { lead: lists.unsplit.slice(0, 1), support: lists.unsplit.slice(1), roles: 'unsplit', rule: 'responsibility.labelled-unsplit' };
  }
  // Beside a lead, 责任单位 names the others who share the task: they support it.
  if (lists.lead.length === 0) return { lead: lists.unsplit, support: lists.support, roles: 'split', rule: 'responsibility.labelled-roles' };
  return { lead: lists.lead, support: [...lists.unsplit, ...lists.support], roles: 'split', rule: 'responsibility.labelled-roles' };
}

/** 按职责分工负责, 分别负责: a role marker with only filler words before it. */
function isRoleNote(clause: string, rules: CompiledResponsibilityRules): boolean {
  return withoutRoleNote(clause, rules) === '';
}

/** A list clause without the marker that does not separate roles and its fillers (市教育局按职责分工负责 → 市教育局). */
function withoutRoleNote(clause: string, rules: CompiledResponsibilityRules): string {
  const marker = closingMarker(clause, rules, (role) => role === 'unsplit');
  return marker ? withoutFillers(clause.slice(0, -marker.marker.length), rules) : clause;
}

/** A clause of a label's list that ends in a lead or support marker (B、C配合): its names and that role. */
function markedClause(clause: string, rules: CompiledResponsibilityRules): { role: Role; names: string } | null {
  const marker = closingMarker(clause, rules, (role) => role !== 'unsplit');
  if (!marker) return null;
  const names = withoutFillers(clause.slice(0, -marker.marker.length), rules);
  return names ? { role: marker.role, names } : null;
}

/** The longest role marker `text` ends with, among the roles `accept` takes. */
function closingMarker(text: string, rules: CompiledResponsibilityRules, accept: (role: Role) => boolean) {
  return [...rules.raw.inlineRoles].sort((a, b) => b.marker.length - a.marker.length).find((m) => accept(m.role) && text.endsWith(m.marker));
}

/** 由A和B共同负责, A、B按职责分工负责: the words between the units and the marker go. */
export function withoutFillers(units: string, rules: CompiledResponsibilityRules): string {
  let out = units;
  for (const filler of rules.raw.inlineFillers) if (out.endsWith(filler)) out = out.slice(0, -filler.length);
  return out;
}

/** （A牵头，B配合） / （A、B负责）: every part must end in a role marker and name only units. */
function parseInline(
  body: string,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  isNamedUnit: (name: string) => boolean = isUnit,
  /** In brackets the list may hold names no pattern knows (…机制牵头部门) beside units; in a bare sentence it may not. */
  lenient = false,
): Omit<ParsedRoles, 'implicit'> | null {
  const markers = [...rules.raw.inlineRoles].sort((a, b) => b.marker.length - a.marker.length);
  const parts = body
    .split(/[，,；;。]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const lists: Record<Role, string[]> = { lead: [], support: [], unsplit: [] };
  // （A、B，C按职责分工负责）: a part without a marker continues the list of the next part (the comma lists).
  let pending = '';
  for (const part of parts) {
    const marker = markers.find((m) => part.endsWith(m.marker));
    if (!marker) {
      pending += `${part}、`;
      continue;
    }
    let names = pending + part.slice(0, -marker.marker.length);
    pending = '';
    // 按职责分工负责, 分别牵头: words between the units and the marker.
    names = withoutFillers(names, rules);
    const joined = marker.role !== 'support' ? leadJoinedSplit(names, rules) : null;
    if (joined) {
      // （A会同B负责）: A leads, B supports, whatever the closing marker.
      const lead = splitInlineUnits(joined.lead, rules, isUnit, isNamedUnit);
      const support = splitInlineUnits(joined.support, rules, isUnit, isNamedUnit);
      if (lead.length === 0 || ![...lead, ...support].every(isUnit)) return null;
      lists.lead.push(...lead);
      lists.support.push(...support);
      continue;
    }
    const units = splitInlineUnits(names, rules, isUnit, isNamedUnit);
    if (!unitList(units, rules, isUnit, lenient)) return null;
    lists[marker.role].push(...units);
  }
  if (pending) return null;
  // Groups alone (各乡镇人民政府负责) name no unit: some part must.
  if (
    ![...lists.lead, ...lists.support, ...lists.unsplit].some((n) => underTwoNames(n, isUnit) || (n.includes('、') && isUnit(n.slice(n.lastIndexOf('、') + 1))))
  )
    return null;
  if (lists.lead.length === 0 && lists.support.length === 0) {
    return { lead: lists.unsplit.slice(0, 1), support: lists.unsplit.slice(1), roles: 'unsplit', rule: 'responsibility.inline-unsplit' };
  }
  return { lead: [...lists.lead, ...lists.unsplit], support: lists.support, roles: 'split', rule: 'responsibility.inline-roles' };
}

/** A unit's second name in brackets after its first: 市应急管理局（市地震局）, 市委宣传部（市政府新闻办公室）. */
const SECOND_NAME = /（[^（）]{2,20}）$/u;

/** A unit, or one body under two names (一个机构两块牌子) whose first name is a unit. */
function underTwoNames(name: string, isUnit: (name: string) => boolean): boolean {
  return isUnit(name) || (SECOND_NAME.test(name) && isUnit(name.replace(SECOND_NAME, '')));
}

/**
 * Whether names make a role list: all units; or, where `lenient`, at least one
 * unit and the rest names a role list may hold (…牵头部门, …管理公司, 相关区).
 */
export function unitList(names: readonly string[], rules: CompiledResponsibilityRules, isUnit: (name: string) => boolean, lenient: boolean): boolean {
  if (names.length === 0) return false;
  // 各区、市政府: levels sharing a head are a unit when the head with its last level is.
  // 市应急管理局（市地震局）: one body under two names (一个机构两块牌子) is a unit when its first name is.
  const unit = (n: string) => underTwoNames(n, isUnit) || (n.includes('、') && isUnit(n.slice(n.lastIndexOf('、') + 1)));
  return unitListOf(names, rules, unit, lenient);
}

function unitListOf(names: readonly string[], rules: CompiledResponsibilityRules, isUnit: (name: string) => boolean, lenient: boolean): boolean {
  if (names.every(isUnit)) return true;
  if (!lenient) return false;
  // 各乡镇人民政府负责，…: a part may name only a group where another part names a unit (checked by the caller).
  if (names.every((n) => rules.listGroup?.test(n) ?? false)) return true;
  if (!names.some(isUnit)) return false;
  return names.every(
    (n) => isUnit(n) || rules.raw.listedNameEndings.some((e) => n.endsWith(e) && n.length > e.length + 1) || (rules.listGroup?.test(n) ?? false),
  );
}

/**
 * A bracket of unit names alone closing a task's paragraph — …提高活性保留率。（市科委） /
 * （市经济信息化委、市农业农村委、市科委）: the units responsible, roles not separated.
 * Only where the bracket follows a full sentence and ends the paragraph, so a name's
 * own bracket (市市场监管局（市知识产权局）) or an aside is not read as one.
 */
function bareUnitBracket(
  text: string,
  open: number,
  close: number,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  isNamedUnit: (name: string) => boolean,
): ParsedRoles | null {
  if (!/[。；;！!]/u.test(text[open - 1] ?? '')) return null;
  if (!/^[。；;]?[ \t\u3000]*(?:\n|$)/u.test(text.slice(close + 1, close + 4))) return null;
  const names = joinSharedHeads(splitUnitList(text.slice(open + 1, close).replace(/\n/g, ''), rules.raw.listSeparators), rules);
  if (!names.some(isNamedUnit) || !unitList(names, rules, isUnit, true)) return null;
  return { lead: names.slice(0, 1), support: names.slice(1), roles: 'unsplit', implicit: [], rule: 'responsibility.bare-unit-bracket' };
}

/**
 * Every stretch of `text` that parses as a role annotation: bracketed
 * （牵头单位：…）, or unbracketed where a role label opens a line or a sentence
 * (…加强执法。责任单位：市公安局、市司法局) and runs to the line's end.
 */
export function findRoleAnnotations(
  text: string,
  rules: CompiledResponsibilityRules,
  isUnit: (name: string) => boolean,
  /** Stricter test for a sentence without brackets or labels: the name as a whole is a recognised unit. */
  isNamedUnit: (name: string) => boolean = isUnit,
): RoleAnnotation[] {
  const out: RoleAnnotation[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    // （牵头单位：…） and, in some provinces' plans, 【责任单位：…】.
    if (ch === '（' || ch === '(' || ch === '【') {
      const close = matchingClose(text, i);
      if (close < 0) continue;
      const parsed =
        parseRoleContent(
          text
            .slice(i + 1, close)
            .replace(/\n/g, '')
            .replace(/\*\*/g, ''),
          rules,
          isUnit,
          isNamedUnit,
        ) ?? (ch === '【' ? null : bareUnitBracket(text, i, close, rules, isUnit, isNamedUnit));
      if (parsed) {
        out.push({ ...parsed, start: i, end: close + 1 });
        i = close;
      }
      continue;
    }
    const opensSentence = i === 0 || /[\n。；]/.test(text[i - 1]!);
    if (!opensSentence) continue;
    if (!startsWithLabel(text, i, rules)) {
      // …建立重点商标保护名录。区市场监管局牵头，区农业农村局配合。 — a sentence of units and role markers only.
      const inline = inlineSentenceAt(text, i, rules, isNamedUnit);
      if (inline) {
        out.push(inline);
        i = inline.end - 1;
      }
      continue;
    }
    let end = lineEnd(text, i);
    // 牵头单位：A / 配合单位：B / 完成时限：C on lines of their own: one annotation.
    while (end < text.length && startsWithLabel(text, end + 1, rules, true)) end = lineEnd(text, end + 1);
    const content = text.slice(i, end).replace(/[。；;\s]+$/u, '');
    const parsed = parseRoleContent(content.replace(/\n/g, '；').replace(/\*\*/g, ''), rules, isUnit, isNamedUnit);
    if (parsed) {
      out.push({ ...parsed, start: i, end: i + content.length });
      i = end;
    }
  }
  return out;
}

function inlineSentenceAt(text: string, at: number, rules: CompiledResponsibilityRules, isUnit: (name: string) => boolean): RoleAnnotation | null {
  const stop = text.slice(at, at + 200).search(/[。\n]/u);
  if (stop <= 0) return null;
  const sentence = text.slice(at, at + stop).replace(/[；;\s]+$/u, '');
  // Cheap test first: the sentence must end in a role marker.
  if (!rules.raw.inlineRoles.some((r) => sentence.endsWith(r.marker))) return null;
  // 各乡镇人民政府负责，县住房城乡建设局配合: beside a recognised unit the list may name a group of governments.
  const parsed = parseInline(sentence, rules, isUnit, isUnit, true);
  if (!parsed) return null;
  return { ...parsed, implicit: [], rule: `${parsed.rule}-sentence`, start: at, end: at + sentence.length };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** A role label (or, with `orDeadline`, a deadline label such as 完成时限) and its separator at `at`. */
function startsWithLabel(text: string, at: number, rules: CompiledResponsibilityRules, orDeadline = false): boolean {
  let i = at;
  // Full-width indents (legal-database exports) and **bold** labels (crawled markdown).
  while (text[i] === ' ' || text[i] === '\u3000' || text[i] === '*') i++;
  const label =
    rules.labels.find((l) => text.startsWith(l.label, i))?.label ?? (orDeadline ? rules.raw.deadlineLabels.find((d) => text.startsWith(d, i)) : undefined);
  if (!label) return false;
  let j = i + label.length;
  while (text[j] === ' ' || text[j] === '*') j++;
  return rules.raw.labelSeparators.some((sep) => text.startsWith(sep, j));
}

/** Line breaks a parenthetical may run over: text wrapped at a fixed width (PDF, hard-wrapped .txt). */
const MAX_WRAPPED_LINES = 2;

function matchingClose(text: string, open: number): number {
  const square = text[open] === '【';
  let depth = 0;
  let breaks = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    // A wrapped line ends mid-sentence; a line ending in 。；： ends the paragraph, and the parenthetical with it.
    if (ch === '\n' && (++breaks > MAX_WRAPPED_LINES || /[。；;！？!?：:]/u.test(text[i - 1] ?? '。'))) return -1;
    if (square ? ch === '【' : ch === '（' || ch === '(') depth++;
    else if (square ? ch === '】' : ch === '）' || ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
