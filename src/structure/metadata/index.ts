/**
 * Document metadata (title, issuer, number, date, region, period, type) from
 * the front matter — the lines before the first heading — and, for the
 * signature of documents signed at the end, the last lines.
 */
import type { DocumentMetadata, DocumentType, RegionLevel, Section, Table } from '../../core/state.js';
import type { RuleSet } from '../../rules/index.js';
import { isBlank, type Line } from '../lines.js';
import { asciiDigits } from '../../text/numerals.js';
import { loadMetadataRules, type MetadataRules } from '../rules.js';
import { isMonthOnlyDateLine, parseBracketedDateLine, parseDateLine, parseLooseDate } from './dates.js';
import { opensWithDivision, resolveAtLevel, resolveRegion, type ResolvedRegion } from './region.js';
import { scopeOf } from './scope.js';
import { findHandedOverTitle, findTitle, findTitleAboveNumber, withoutAlias } from './title.js';

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
  const siteSuffix = rules.title.siteSuffixPattern ? new RegExp(rules.title.siteSuffixPattern, 'u') : null;
  // A page title's site name (…_湖州市人民政府) is neither part of the title nor its issuer.
  const front = lines.filter((line) => line.end <= frontEnd).map((line) => (siteSuffix ? { ...line, text: line.text.replace(siteSuffix, '') } : line));
  const tail = lines.filter((line) => !isBlank(line.text)).slice(-TAIL_LINES);

  const docNumberPattern = new RegExp(rules.docNumber.pattern, 'u');
  const readDocNumber = (line: string): string | null => {
    const match = docNumberPattern.exec(asciiDigits(line));
    return match ? `${match[1]}〔${match[2]}〕${match[3]}号` : null;
  };
  const labelled = (field: keyof MetadataRules['labels']) => labelValue(front, rules.labels[field]);
  const isDocNumber = (line: string) => readDocNumber(line) !== null;
  const frontTitle = findTitle(front, rules, isDocNumber);
  // No title in the front matter: a title line over a number line further on is the document's head.
  const head = frontTitle ? null : findTitleAboveNumber(lines, rules, isDocNumber);
  const found = frontTitle ?? head?.found ?? findHandedOverTitle(front.map((line) => line.text).join('\n'), rules);
  const title = found?.title ?? null;
  const docNumber =
    firstOf([...front, ...tail], (line) => readDocNumber(line.text)) ??
    (head ? readDocNumber(head.numberLine.text) : null) ??
    readLabelledDocNumber(labelled('docNumber'), readDocNumber);
  // A signature in the body (a notice signed before its attachments) counts only with an issuer on it.
  const signature = findSignature(front, rules) ?? findSignature(tail, rules) ?? findSignature(lines, rules, true);
  const frontText = front.map((line) => line.text).join('\n');
  const issuer =
    signature?.issuer ??
    titleIssuer(found?.notice ?? title, rules) ??
    spokenIssuer(frontText, title, rules) ??
    labelled('issuer') ??
    headerIssuer(front, rules);
  const place = placeOf(title, issuer, text, rules);
  const hasBody = sections.length > 0 || input.tables.length > 0;
  const type = typeOf(found?.title ?? null, Boolean(found?.carrier), hasBody, text, sections, rules);

  return {
    title,
    region: place?.region ?? null,
    regionCode: place?.regionCode ?? null,
    level: place?.level ?? null,
    regionParents: place?.regionParents ?? [],
    issuer,
    docNumber,
    issued:
      signature?.issued ??
      firstOf(front, (line) => parseBracketedDateLine(line.text)) ??
      firstOf(front, (line) => deliveryDate(line.text, rules)) ??
      (labelled('issued') ? parseLooseDate(labelled('issued')!) : null) ??
      datelineDate(front, labelled('published'), rules),
    period: periodOf(title, text, sections, type, rules),
    type,
  };
}

interface Place {
  region: string | null;
  regionCode: string | null;
  level: RegionLevel;
  regionParents: string[];
}

/**
 * Where the document applies: the place its title or issuer names; the whole
 * country when a national organ issues it or its title is national; else the
 * scope its own words speak for (全省 → the province it names most); else the
 * place the text names most often.
 */
function placeOf(title: string | null, issuer: string | null, text: string, rules: MetadataRules): Place | null {
  const named = resolveRegion([title, issuer], text, rules, false);
  if (named) {
    // A title naming no place (智能制造行动方案) leaves the subject to its issuer (…经济技术开发区管理委员会).
    const level = levelOf(title, named, rules);
    const placeless = title !== null && issuer !== null && resolveRegion([title], text, rules, false) === null;
    return { ...named, level: level !== 'zone' && placeless ? levelOf(issuer, named, rules) : level };
  }
  const national: Place = { region: rules.nationalRegion, regionCode: null, level: 'national', regionParents: [] };
  const opening = titleOpening(title, rules)?.names.join('、') ?? null;
  if ((title !== null && isNational(title, rules)) || [issuer, opening].some((names) => names !== null && isNationalIssuer(names, rules))) return national;
  // A title naming a place the division list does not know (某某高新区…) is not national, whatever the text says.
  const localTitle = title !== null && new RegExp(rules.localTitlePattern, 'u').test(title);
  const scope = scopeOf(text, rules);
  if (scope && scope !== 'national') {
    const resolved = resolveAtLevel(scope, text, rules);
    return resolved ? { ...resolved, level: levelOf(title, resolved, rules) } : { region: null, regionCode: null, level: scope, regionParents: [] };
  }
  const mostNamed = localTitle || scope !== 'national' ? resolveRegion([], text, rules, true) : null;
  if (mostNamed) return { ...mostNamed, level: levelOf(title, mostNamed, rules) };
  if (scope === 'national' && !localTitle) return national;
  return speaksForNation(title, text, rules) ? national : null;
}

/** Every one of the joint issuers (、) is a central organ and none names a place. */
function isNationalIssuer(issuer: string, rules: MetadataRules): boolean {
  const central = new RegExp(rules.nationalIssuerPattern, 'u');
  return issuer.split(/[、\s]+/u).every((name) => central.test(name) && resolveRegion([name], '', rules, false) === null);
}

/**
 * A value a web page writes above the text as a labelled field
 * (发文字号：合市监〔2024〕22号  成文日期：2024-03-08): the first one found.
 */
function labelValue(front: Line[], labels: readonly string[]): string | null {
  if (labels.length === 0) return null;
  const re = new RegExp(`(?:${labels.join('|')})\\s*[：:]\\s*([^\\s\\u3000]+)`, 'u');
  for (const line of front) {
    const m = re.exec(line.text);
    if (m) return m[1]!;
  }
  return null;
}

function readLabelledDocNumber(value: string | null, read: (line: string) => string | null): string | null {
  return value ? read(value) : null;
}

function firstOf<T>(lines: Line[], read: (line: Line) => T | null): T | null {
  for (const line of lines) {
    const value = read(line);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The issuer heading the document (红头: 中牟县人民政府办公室 / 上海市知识产权局文件
 * on the first line, the title below): used when the signature gives a date only.
 */
function headerIssuer(front: Line[], rules: MetadataRules): string | null {
  const first = front.find((line) => !isBlank(line.text))?.text.trim();
  if (!first) return null;
  const name = first.replace(new RegExp(`(?:${rules.issuer.headerWords.join('|')})$`, 'u'), '');
  return issuerTest(rules)(name) ? name : null;
}

/**
 * The issuers a title opens with (中共中央 国务院关于…, 市场监管总局办公厅、
 * 工业和信息化部办公厅关于…), joined with 、; null when what precedes 关于 is
 * not a list of issuer names, or names one of several (工业和信息化部等七部门:
 * the rest only a signature can give).
 */
function titleIssuer(title: string | null, rules: MetadataRules): string | null {
  const opening = titleOpening(title, rules);
  return opening && !opening.partial ? opening.names.join('、') : null;
}

function titleOpening(title: string | null, rules: MetadataRules): { names: string[]; partial: boolean } | null {
  const match = title ? new RegExp(rules.issuer.titlePrefixPattern, 'u').exec(title) : null;
  if (!match?.[1]) return null;
  const isIssuer = issuerTest(rules);
  const names = match[1]
    .split(/[、\s]+/u)
    .filter(Boolean)
    .flatMap((name) => splitJointCentral(name, rules));
  if (names.length === 0 || !names.every(isIssuer)) return null;
  return { names, partial: /等[一二三四五六七八九十0-9]+个?部门/u.test(match[0]) };
}

/**
 * An issuer the opening sentences name: the body a report speaks for
 * (受国务院委托) or that a news release says issued the document
 * (中共中央、国务院印发了《…》).
 */
function spokenIssuer(frontText: string, title: string | null, rules: MetadataRules): string | null {
  const isIssuer = issuerTest(rules);
  // A release counts only for this document: a preamble also says 国务院印发了《…》 of the plans it follows.
  const ownRelease = title ? `${rules.issuer.releasePattern}${escapeRegex(title)}》` : null;
  for (const source of [rules.issuer.onBehalfPattern, ownRelease]) {
    const named = source ? new RegExp(source, 'u').exec(frontText)?.[1] : undefined;
    if (!named) continue;
    const names = named
      .split('、')
      .filter(Boolean)
      .flatMap((name) => splitJointCentral(name, rules));
    if (names.length > 0 && names.every(isIssuer)) return names.join('、');
  }
  return null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function deliveryDate(line: string, rules: MetadataRules): string | null {
  const date = new RegExp(rules.dates.deliveryLinePattern, 'u').exec(line.trim())?.[1];
  return date ? (parseDateLine(date)?.iso ?? null) : null;
}

/** 新华社北京12月14日电 under a page dated 2022年12月: 2022-12-14 (the month must agree where the page gives one). */
function datelineDate(front: Line[], published: string | null, rules: MetadataRules): string | null {
  const year = published ? /((?:19|20)\d{2})\s*(?:年|[-./])\s*(\d{1,2})?/u.exec(asciiDigits(published)) : null;
  if (!year) return null;
  const dateline = new RegExp(rules.dates.datelinePattern, 'u');
  for (const line of front) {
    const m = dateline.exec(asciiDigits(line.text.trim()));
    if (!m) continue;
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (year[2] && Number(year[2]) !== month) return null;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return `${year[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/** 中共中央国务院 (the space between them cleaned away) → 中共中央, 国务院; any other name stays whole. */
function splitJointCentral(name: string, rules: MetadataRules): string[] {
  const organs = [...rules.issuer.jointCentralIssuers].sort((a, b) => b.length - a.length);
  const parts: string[] = [];
  let rest = name;
  while (rest) {
    const organ = organs.find((o) => rest.startsWith(o));
    if (!organ) return [name];
    parts.push(organ);
    rest = rest.slice(organ.length);
  }
  return parts;
}

function issuerTest(rules: MetadataRules): (text: string) => boolean {
  const issuerPattern = new RegExp(`(?:${rules.issuer.suffixes.join('|')})$`, 'u');
  // 广州市市场监督管理局（广州市知识产权局）: a unit signing with its second name in brackets.
  return (text) => text.length > 0 && text.length <= rules.issuer.maxChars && issuerPattern.test(withoutAlias(text)) && !/[，。；：,;:、《》“”]/u.test(text);
}

/**
 * Two signatories on one line (上海市科学技术委员会　上海市教育委员会, the spaces
 * cleaned away): cut where one name ends in an organ suffix and the next opens
 * with a place (上海市…) or is a central organ (科学技术部, 国家…). 上海市人民政府办公厅
 * stays whole: 办公厅 opens with no place.
 */
function splitSignatureLine(line: string, rules: MetadataRules): string[] {
  const isIssuer = issuerTest(rules);
  const spaced = line.split(/[\s\u3000]+/u).filter(Boolean);
  if (spaced.length > 1 && spaced.every(isIssuer)) return spaced.flatMap((name) => splitSignatureLine(name, rules));
  const central = new RegExp(rules.nationalIssuerPattern, 'u');
  const suffixEnd = new RegExp(`(?:${rules.issuer.suffixes.join('|')})`, 'gu');
  for (const m of line.matchAll(suffixEnd)) {
    const cut = m.index + m[0].length;
    const [head, rest] = [line.slice(0, cut), line.slice(cut)];
    if (rest.length < 2 || !isIssuer(head) || !isIssuer(withoutAlias(rest))) continue;
    const opensWithPlace = opensWithDivision(rest, rules);
    const restNames = splitSignatureLine(rest, rules);
    if (opensWithPlace || restNames.every((name) => central.test(name)) || /^中共/u.test(rest)) return [head, ...restNames];
  }
  return [line];
}

/** A date line with the issuer's name on it or just above it. */
function findSignature(lines: Line[], rules: MetadataRules, requireIssuer = false): { issuer: string | null; issued: string | null } | null {
  const isIssuer = issuerTest(rules);
  const content = lines.filter((line) => !isBlank(line.text));
  for (let i = 0; i < content.length; i++) {
    // 2024年3月 under the issuer: the issuer signs, the day is not given.
    const monthOnly = isMonthOnlyDateLine(content[i]!.text);
    const date = parseDateLine(content[i]!.text) ?? (monthOnly ? { iso: null, before: '' } : null);
    if (!date) continue;
    let issuer: string | null = isIssuer(date.before) ? date.before : null;
    let top = i;
    for (let k = i - 1; issuer === null && k >= Math.max(0, i - rules.issuer.maxLinesAboveDate); k--) {
      const candidate = content[k]!.text.trim();
      if (isIssuer(candidate)) [issuer, top] = [candidate, k];
    }
    if ((date.before || monthOnly || requireIssuer) && !issuer) continue;
    // A joint document is signed by every issuer, one name a line, above the date.
    const signers = issuer ? [issuer] : [];
    for (let k = top - 1; issuer !== null && k >= 0 && isIssuer(content[k]!.text.trim()); k--) signers.unshift(content[k]!.text.trim());
    const names = signers.flatMap((line) => splitSignatureLine(line, rules));
    return { issuer: names.length > 0 ? names.join('、') : null, issued: date.iso };
  }
  return null;
}

/**
 * The period the document itself covers: a range, a single year or a plan
 * period word in its title; else a span it states for itself (规划期为2021—2025年).
 * Horizons (到2026年) and citations of other plans (《“十四五”…规划》) are not its
 * period. An untitled evaluation covers the plan it evaluates, the one it names
 * for short (《南京市“十四五”知识产权发展规划》（以下简称《规划》）).
 */
function periodOf(title: string | null, text: string, sections: Section[], type: DocumentType | null, rules: MetadataRules): [number, number] | null {
  if (title) {
    const own = periodInName(title, rules, true);
    if (own) return own;
  }
  const span = new RegExp(rules.period.ownSpanPattern, 'u').exec(asciiDigits(text));
  if (span) return [Number(span[1]), Number(span[2])];
  const framed = goalFramePeriod(text, sections, rules);
  if (framed) return framed;
  if (title || type !== 'evaluation') return null;
  const evaluated = new RegExp(rules.period.evaluatedPlanPattern, 'u').exec(text);
  return evaluated ? periodInName(evaluated[1]!, rules, false) : null;
}

/**
 * The goals framed by a plan period (一、工作目标 / “十四五”期间，打造…): the plan's
 * own span, where a bare horizon (到2025年) gives only its end.
 */
function goalFramePeriod(text: string, sections: Section[], rules: MetadataRules): [number, number] | null {
  const goalHeading = new RegExp(rules.period.goalHeadingPattern, 'u');
  const words = Object.keys(rules.periodWords).join('|');
  const frame = new RegExp(`(?:^|[。；\\n])\\s*[“"]?(${words})[”"]?(?:${rules.period.frameWords.join('|')})[，,]`, 'u');
  for (const section of sections) {
    if (!goalHeading.test(section.heading)) continue;
    const m = frame.exec(text.slice(section.headingEnd, section.end));
    if (m) return rules.periodWords[m[1]!] ?? null;
  }
  return null;
}

function periodInName(name: string, rules: MetadataRules, annual: boolean): [number, number] | null {
  const range = new RegExp(rules.periodRangePattern, 'u').exec(asciiDigits(name));
  if (range) return [Number(range[1]), Number(range[2])];
  // An annual plan (2023年…工作要点, 2024年…“十四五”规划实施推进计划) covers its one year;
  // a year in a closing parenthetical (（2021年修订）) dates the text, not its span.
  const single =
    annual && rules.periodYearPattern ? new RegExp(rules.periodYearPattern, 'u').exec(asciiDigits(name.replace(/(?:[（(][^（）()]*[）)])+$/u, ''))) : null;
  if (single) return [Number(single[1]), Number(single[1])];
  for (const [word, years] of Object.entries(rules.periodWords)) if (name.includes(word)) return years;
  return null;
}

function typeOf(title: string | null, carrier: boolean, hasBody: boolean, text: string, sections: Section[], rules: MetadataRules): DocumentType | null {
  if (title) {
    if (carrier && !hasBody) return 'notice';
    // (issuers)关于开展…工作的通知: a notice, whatever words it contains.
    if (!carrier && /关于[^《]*通知$/u.test(title)) return 'notice';
    const type = typeOfName(title, rules);
    if (type) return type;
  }
  const named = selfReferredType(text, rules);
  if (named) return named;
  const scores = new Map<DocumentType, number>();
  const searched = text + sections.map((section) => section.heading).join('\n');
  for (const cue of rules.typeCues) {
    const hits = cue.words.reduce((sum, word) => sum + searched.split(word).length - 1, 0);
    scores.set(cue.type, (scores.get(cue.type) ?? 0) + hits * cue.weight);
  }
  const [type, score] = [...scores.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return type && score >= rules.minCueScore ? type : null;
}

function typeOfName(name: string, rules: MetadataRules): DocumentType | null {
  // （征求意见稿）, （2024年版）: remarks on the text, not its kind.
  const kind = name.replace(/(?:[（(][^（）()]*[）)])+$/u, '');
  for (const { type, words } of rules.typeKeywords) if (words.some((word) => kind.includes(word))) return type;
  return null;
}

/** The kind a text names itself by most often (制定本行动计划, 本方案自印发之日起施行). */
function selfReferredType(text: string, rules: MetadataRules): DocumentType | null {
  const counts = new Map<DocumentType, number>();
  for (const match of text.matchAll(new RegExp(rules.selfReferencePattern, 'gu'))) {
    const type = typeOfName(match[1]!, rules);
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * A title that names no place (2024年知识产权强国建设…推进计划), in a text where no
 * division resolves, that names national organs (国务院, 国家…): a national document.
 */
function speaksForNation(title: string | null, text: string, rules: MetadataRules): boolean {
  if (!title || new RegExp(rules.localTitlePattern, 'u').test(title)) return false;
  const mentions = rules.nationalWords.reduce((n, word) => n + text.split(word).length - 1, 0);
  return mentions >= rules.minNationalMentions;
}

function isNational(title: string, rules: MetadataRules): boolean {
  return rules.nationalWords.some((word) => title.startsWith(word) || title.includes(`”${word}`));
}

/** The title's (or issuer's) subject is a park or zone (南京市江北新区…, 徐庄高新区…): level zone. */
function levelOf(title: string | null, resolved: ResolvedRegion, rules: MetadataRules): RegionLevel {
  const { region, level, divisionName } = resolved;
  if (!title || level === 'zone') return level;
  // 浦东新区 is a district whose name holds a zone word: read what follows the name.
  const named = [region, divisionName].find((name) => title.includes(name));
  const subject = named ? title.slice(title.indexOf(named) + named.length) : title;
  // A pun quoted inside the zone's name (杨“数”浦…创新区) is part of the name; a quoted phrase (“十四五”) ends the head.
  const head = subject
    .replace(/[“"]([^“”"]{1,2})[”"]/gu, '$1')
    .split(/[“"《]/u)[0]!
    .slice(0, 20);
  return rules.zoneWords.some((word) => head.includes(word)) ? 'zone' : level;
}
