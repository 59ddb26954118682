/**
 * What the extractor knows about a document besides a sentence: its period,
 * the year it reports on, whether it is a report or a plan, the names of its
 * region, and the kind of figure each section frames.
 */
import * as jieba from '../../text/jieba.js';
import { squeeze } from '../../text/names.js';
import type { DocumentState, Sentence, Structure } from '../../core/state.js';
import type { DocumentContext, Kind } from './classify.js';
import type { QuantityRules } from './rules.js';
import type { TimeExpression } from '../common/time-expressions.js';
import { DocumentHorizons } from './horizon.js';
import { maskTitles } from './names.js';

/** The document facts the extractor reasons with: period, reference year, default kind, region names. */
export function documentContext(state: DocumentState, rules: QuantityRules): DocumentContext & { horizons: DocumentHorizons } {
  const text = state.normalised!.text;
  const meta = state.structure!.metadata;
  const period = meta.period ?? inferPeriod(text, rules);
  const opening = text.slice(0, OPENING);
  const actualByDefault =
    meta.type !== null ? rules.times.file.actualDocumentTypes.includes(meta.type) : rules.times.file.reportOpenings.some((w) => opening.includes(w));
  const issued = meta.issued ? Number(meta.issued.slice(0, 4)) : null;
  const expressions = rules.times.find(maskTitles(text));
  const presentYear = yearSpokenIn(text, issued !== null && Number.isFinite(issued) ? issued : null, expressions);
  const horizons = new DocumentHorizons(text, expressions, state.structure!.sections, period, period?.[0] ?? presentYear);
  return {
    period,
    referenceYear: referenceYear(text, period, actualByDefault, presentYear, rules),
    actualByDefault,
    regionNames: regionNames(meta.region, meta.regionParents),
    presentYear,
    horizon: horizons.document,
    horizons,
  };
}

/** How far into the document its title, address and first paragraph reach. */
const OPENING = 300;

/**
 * The year the document speaks in: its issue date, else the latest of a
 * date line (2022年10月28日 opening a line: a delivery or signature line)
 * and its as-of expressions (截至2022年6月). Years before it are past.
 */
function yearSpokenIn(text: string, issued: number | null, expressions: readonly TimeExpression[]): number | null {
  if (issued !== null) return issued;
  let latest: number | null = null;
  for (const m of text.matchAll(/^[ \t\u3000]*(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/gmu)) latest = Math.max(latest ?? 0, Number(m[1]));
  for (const e of expressions) {
    if (e.kind === 'actual' && e.id.includes('as-of') && e.year !== undefined) latest = Math.max(latest ?? 0, e.year);
  }
  return latest !== null && latest > 0 ? latest : null;
}

/** Without metadata: the first plan name (十四五) or year range in the document's opening. */
function inferPeriod(text: string, rules: QuantityRules): [number, number] | null {
  // 《“十四五”数字经济发展规划》 is another plan: a cited title sets no period.
  const opening = maskTitles(text.slice(0, 600)).replace(/《[^》]*》/g, (m) => ' '.repeat(m.length));
  for (const e of rules.times.find(opening)) {
    if (e.period) return e.period;
  }
  const plan = /[“"]?(十[一二三四五六]五)[”"]?/.exec(opening);
  const found = plan ? rules.times.plan(plan[1]!) : undefined;
  return found ? [found.from, found.to] : null;
}

/**
 * The year undated achievements describe: an evaluation's first 截至YYYY年
 * (its reporting date), else the year it speaks in; for a plan the year
 * before its period (the base year).
 */
function referenceYear(text: string, period: [number, number] | null, actualByDefault: boolean, present: number | null, rules: QuantityRules): number | null {
  if (actualByDefault) {
    const asOf = rules.times.find(text).find((e) => e.kind === 'actual' && e.year !== undefined && !e.comparison && e.id.includes('as-of'));
    if (asOf?.year !== undefined) return asOf.year;
    if (present !== null) return present;
  }
  return period ? period[0] - 1 : null;
}

/** 南京市玄武区 → 南京市玄武区, 玄武区, 玄武, 南京市, 南京: all the ways a plan names its own region. */
function regionNames(region: string | null, parents: readonly string[]): string[] {
  const names = new Set<string>();
  for (const name of [region, ...parents]) {
    if (!name) continue;
    names.add(name);
    const parts = name.match(/[^省市区县州盟旗]+(?:自治州|自治县|新区|省|市|区|县|州|盟|旗)/g) ?? [name];
    for (const part of parts) {
      names.add(part);
      const short = part.replace(/(?:自治州|自治县|新区|省|市|区|县|州|盟|旗)$/, '');
      if (short.length >= 2) names.add(short);
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * The kind the enclosing box or the outermost cue-bearing heading implies:
 * 一、发展基础 frames achievements, 三、主要目标 and 专栏 boxes frame targets.
 * Actual cues are checked first in each heading (主要目标序时进展情况 reports).
 */
export function sectionKindOf(sentence: Sentence, structure: Structure, rules: QuantityRules): Kind | null {
  const cues = rules.patterns.sectionCues;
  const kindOf = (heading: string): Kind | null => {
    if (cues.actual.some((w) => heading.includes(w)) && !isTaskHeading(heading)) return 'actual';
    if (cues.target.some((w) => heading.includes(w))) return 'target';
    return null;
  };
  if (sentence.box !== undefined) {
    const box = structure.boxes[sentence.box];
    const kind = box ? kindOf(box.title) : null;
    if (kind) return kind;
  }
  const parts = sentence.sectionPath ? sentence.sectionPath.split('/') : [];
  for (let i = 1; i <= parts.length; i++) {
    const path = parts.slice(0, i).join('/');
    const section = structure.sections.find((s) => s.path === path);
    const kind = section ? kindOf(section.heading) : null;
    if (kind) return kind;
  }
  return null;
}

/**
 * 夯实内需发展基础, 加强基础研究: a heading that opens with a verb and
 * runs on is a task, whatever situation word it holds; 实施情况 and
 * 取得的成效 (short, or a 的 phrase) still describe what was done.
 */
function isTaskHeading(heading: string): boolean {
  const text = squeeze(heading);
  if (text.length < 6 || text.includes('的')) return false;
  return jieba.tag(text.slice(0, 6))[0]?.tag === 'v';
}
