/**
 * Turns what an analyst types after --indicator (an id, a name, an alias, an
 * object such as 5G基站, a part of a name, or a near miss) into the indicator
 * keys the views join on, and says how it matched so a loose match is never
 * silent. It never answers with a fragment: a stored name that covers only
 * part of what was asked (业 for 高新技术企业) is refused with the closest
 * names listed, because a confident answer about another thing is worse than
 * none.
 */
import type { Db } from '../store/index.js';
import { normaliseName } from '../text/names.js';
import { dice } from '../text/similarity.js';
import { asWritten, type NameAnalyser, type NameParts } from '../text/indicator-names/compare.js';

export interface IndicatorMatch {
  /** indicator_key in the views of the first match: the canonical id, or 'name:<name as written>'. */
  key: string;
  /** Every indicator_key the answer covers: a canonical indicator and the names as written with the same object. */
  keys: string[];
  id: string | null;
  name: string;
  /** How the text matched, for the user: "alias 知识产权质押融资". */
  how: string;
  /** Whether the text matched exactly (id, name or alias) rather than loosely. */
  exact: boolean;
  /** Other indicators nearly as close, worth mentioning. */
  alternatives: string[];
}

/** Why no answer is given although something resembles the query, and what does. */
export interface IndicatorRefusal {
  reason: string;
  /** The closest names, best first, each with how many plans use it. */
  candidates: string[];
}

export type IndicatorResolution = { match: IndicatorMatch; refusal?: undefined } | { match: null; refusal: IndicatorRefusal | null };

export interface IndicatorCandidate {
  key: string;
  id: string | null;
  name: string;
  /** Names the candidate answers to: canonical name first, then aliases. */
  names: string[];
  /** Plans that state a figure for it (orders candidates: the more widely used first). */
  plans: number;
}

/** Loose matches must be at least this close (the gold matching's threshold). */
const MIN_SIMILARITY = 0.5;
/** Below this a name is not worth listing as a candidate. */
const CANDIDATE_SIMILARITY = 0.3;
const MAX_CANDIDATES = 5;

/** The match, or null when nothing matches or the only matches are fragments (see resolveIndicator). */
export function matchIndicator(db: Db, text: string, analyser: NameAnalyser): IndicatorMatch | null {
  return resolveIndicator(db, text, analyser).match;
}

/** `analyser`: loadNameAnalyser() of text/indicator-names/rules.ts (imported where it is needed, see there). */
export function resolveIndicator(db: Db, text: string, analyser: NameAnalyser): IndicatorResolution {
  return resolveAgainst(loadCandidates(db), text, analyser);
}

/** The look-up itself, over any candidate list (the database's, or a test's). */
export function resolveAgainst(candidates: IndicatorCandidate[], text: string, analyser: NameAnalyser): IndicatorResolution {
  const query = normaliseName(text);
  if (!query) return { match: null, refusal: null };
  const norm = (n: string) => normaliseName(n);

  for (const c of candidates) {
    if (c.id !== null && c.id.toLowerCase() === query) return answer(c, `id ${c.id}`, true, candidates, analyser);
  }
  const q = analyser.parts(text);
  if ([...q.object].length < 2) {
    return refuse(`'${text}' names no object of two characters or more, so any indicator it matched would be a guess`, q, candidates, analyser);
  }
  for (const c of [...candidates].sort(canonicalFirst)) {
    const hit = c.names.find((n) => norm(n) === query);
    if (hit === undefined) continue;
    const how = c.id === null ? 'name as written (not linked to a canonical indicator)' : hit === c.name ? 'name' : `alias ${hit}`;
    return answer(c, how, true, candidates, analyser, q.qualifiers);
  }

  const objectsOf = (c: IndicatorCandidate) => c.names.map((n) => analyser.parts(n));

  // The same object under other verbs, scopes and qualifiers: 5G基站 is 新增5G基站 and 累计建成开通5G基站.
  let same = candidates.filter((c) => objectsOf(c).some((p) => p.object === q.object)).sort(byUse);
  // A query that states a level (国家级专精特新企业) asks for that level where plans state it.
  const sameLevel = same.filter((c) => objectsOf(c).some((p) => p.object === q.object && sameQualifiers(p.qualifiers, q.qualifiers)));
  const levelStated = q.qualifiers.length > 0 && sameLevel.length > 0;
  if (levelStated) same = sameLevel;
  if (same.length) {
    const written = same.map((c) => c.name);
    // A level no plan states (市级 where plans say 省级): every level, said so; each row shows its qualifiers.
    const unstated = q.qualifiers.length && !levelStated ? ` (no plan states it as ${q.qualifiers.join('、')}: every level shown)` : '';
    const how = `the object ${asWritten(text, q.object)} of ${list(written)}${unstated}`;
    return answer(same[0]!, how, false, candidates, analyser, levelStated ? q.qualifiers : []);
  }

  // A part of a name that still names what is counted (质押融资 in 知识产权质押融资额:
  // the name ends with the query's head word). 高新技术 inside 高新技术企业 does not.
  const namesHead = (p: NameParts) => p.object.endsWith(q.head) || q.object.includes(p.head);
  const wider = candidates
    .map((c) => ({ c, p: objectsOf(c).find((p) => p.object.includes(q.object) && namesHead(p)) }))
    .filter((s): s is { c: IndicatorCandidate; p: NameParts } => s.p !== undefined)
    .sort((a, b) => byUse(a.c, b.c) || dice(b.p.name, text) - dice(a.p.name, text));
  const widerObjects = distinct(wider.map((s) => s.p.object));
  // A bare head word (企业) inside names of several different objects: which one is meant is a guess.
  if (widerObjects.length > 1 && q.object === q.head) {
    return refuse(`'${text}' is part of ${widerObjects.length} different indicator names; name the one meant`, q, candidates, analyser);
  }
  if (wider.length) {
    const best = wider[0]!;
    const alternatives = distinct(
      wider
        .slice(1)
        .filter((s) => s.p.object !== best.p.object)
        .map((s) => label(s.c)),
    ).slice(0, 3);
    const match = answer(best.c, `part of the name ${best.p.name === norm(best.c.name) ? best.c.name : best.p.name}`, false, candidates, analyser);
    return { match: { ...match.match, alternatives } };
  }

  // A near miss with the same head noun (a typo, a word left out): canonical names first.
  const near = candidates
    .map((c) => ({
      c,
      score: Math.max(...c.names.map((n) => dice(n, text))),
      heads: objectsOf(c).some((p) => p.object.endsWith(q.head) || q.object.endsWith(p.head)),
    }))
    .filter((s) => s.heads && s.score >= MIN_SIMILARITY)
    .sort((a, b) => canonicalFirst(a.c, b.c) || b.score - a.score);
  if (near.length) {
    const best = near[0]!;
    const match = answer(best.c, `closest name ${best.c.name} (similarity ${best.score.toFixed(2)})`, false, candidates, analyser);
    return { match: { ...match.match, alternatives: distinct(near.slice(1, 4).map((s) => label(s.c))) } };
  }

  const fragments = candidates.filter((c) => objectsOf(c).some((p) => q.object.includes(p.object)));
  if (fragments.length) {
    return refuse(
      `the stored names that match are only fragments of '${text}' (${list(fragments.map((c) => c.name))}), not answering with a fragment`,
      q,
      candidates,
      analyser,
    );
  }
  const refusal = refuse(`no stored indicator names ${asWritten(text, q.object)}`, q, candidates, analyser);
  return refusal.refusal?.candidates.length ? refusal : { match: null, refusal: null };
}

/**
 * A match on `c`, widened to every candidate naming the same object: a
 * canonical indicator and the names as written that the linking left out
 * (新增高新技术企业 beside 高新技术企业数), so no plan is missed. Where the
 * query states qualifiers (国家级), only names with the same qualifiers join.
 */
function answer(
  c: IndicatorCandidate,
  how: string,
  exact: boolean,
  candidates: IndicatorCandidate[],
  analyser: NameAnalyser,
  qualifiers: string[] = [],
): { match: IndicatorMatch } {
  const objects = new Set(c.names.map((n) => analyser.parts(n).object).filter((o) => [...o].length >= 2));
  const joins = (n: string) => {
    const p = analyser.parts(n);
    return objects.has(p.object) && (qualifiers.length === 0 || sameQualifiers(p.qualifiers, qualifiers));
  };
  const keys = [c.key];
  for (const other of candidates) {
    if (other.key === c.key || other.id !== null) continue;
    if (other.names.some(joins)) keys.push(other.key);
  }
  return { match: { key: c.key, keys, id: c.id, name: c.name, how, exact, alternatives: [] } };
}

function refuse(reason: string, q: NameParts, candidates: IndicatorCandidate[], analyser: NameAnalyser): { match: null; refusal: IndicatorRefusal } {
  const scored = candidates
    .map((c) => {
      const parts = c.names.map((n) => analyser.parts(n));
      const sharesHead = parts.some((p) => p.object.endsWith(q.head) && [...q.head].length >= 2);
      // Names the query is part of come first (5G → 建成开通5G基站), whatever their length does to the similarity.
      const widens = parts.some((p) => p.object.includes(q.object) && [...q.object].length >= 2);
      const score = Math.max(...c.names.map((n) => dice(n, q.name)));
      return { c, score: widens ? 1 + score : sharesHead ? Math.max(score, CANDIDATE_SIMILARITY) : score };
    })
    .filter((s) => s.score >= CANDIDATE_SIMILARITY && [...analyser.parts(s.c.name).object].length >= 2)
    // A name some plan states comes before a catalogue entry no stored plan uses.
    .sort((a, b) => Number(b.c.plans > 0) - Number(a.c.plans > 0) || b.score - a.score || byUse(a.c, b.c));
  const candidatesText = distinct(scored.map((s) => `${label(s.c)} (${s.c.plans} plan${s.c.plans === 1 ? '' : 's'})`)).slice(0, MAX_CANDIDATES);
  return { match: null, refusal: { reason, candidates: candidatesText } };
}

const sameQualifiers = (a: string[], b: string[]) => a.length === b.length && a.every((w) => b.includes(w));
const canonicalFirst = (a: IndicatorCandidate, b: IndicatorCandidate) => Number(b.id !== null) - Number(a.id !== null);
const byUse = (a: IndicatorCandidate, b: IndicatorCandidate) => canonicalFirst(a, b) || b.plans - a.plans;
const label = (c: IndicatorCandidate) => (c.id ? `${c.name} (${c.id})` : c.name);
const distinct = (items: string[]) => [...new Set(items)];

function list(names: string[]): string {
  const unique = distinct(names);
  return unique.length > 4 ? `${unique.slice(0, 4).join(', ')} and ${unique.length - 4} more` : unique.join(', ');
}

/** Canonical indicators, then the names plans use that are linked to none. */
function loadCandidates(db: Db): IndicatorCandidate[] {
  const canonical = (
    db
      .prepare(
        `SELECT i.id, i.name, i.aliases, (SELECT count(DISTINCT plan_id) FROM plan_quantities q WHERE q.indicator_id = i.id) AS plans
         FROM indicators i ORDER BY i.id`,
      )
      .all() as Array<{ id: string; name: string; aliases: string; plans: number }>
  ).map((r) => ({ key: r.id, id: r.id, name: r.name, names: [r.name, ...parseAliases(r.aliases)], plans: r.plans }));
  const unlinked = (
    db
      .prepare(
        `SELECT indicator_key, min(indicator_as_written) AS name, count(DISTINCT plan_id) AS plans FROM plan_quantities
         WHERE indicator_id IS NULL GROUP BY indicator_key ORDER BY count(*) DESC`,
      )
      .all() as Array<{ indicator_key: string; name: string; plans: number }>
  ).map((r) => ({ key: r.indicator_key, id: null, name: r.name, names: [r.name], plans: r.plans }));
  return [...canonical, ...unlinked];
}

function parseAliases(json: string): string[] {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/** The one line the CLI prints on stderr for a match. */
export function describeMatch(text: string, match: IndicatorMatch): string {
  const target = match.id ? `${match.name} (${match.id})` : `${match.name} (unlinked name)`;
  // "by the object 5G基站 of A, B, C" names them already.
  const more = match.keys.length > 1 && !match.how.startsWith('the object') ? ` and ${match.keys.length - 1} other name(s) with the same object` : '';
  const also = match.alternatives.length ? `; also close: ${match.alternatives.join(', ')}` : '';
  return `--indicator '${text}' matched ${target}${more} by ${match.how}${also}`;
}

/** The refusal as the CLI prints it: one line, then the candidates one per line. */
export function describeRefusal(text: string, refusal: IndicatorRefusal): { line: string; candidates: string[] } {
  return {
    line: `--indicator '${text}': ${refusal.reason}${refusal.candidates.length ? '; closest names:' : ''}`,
    candidates: refusal.candidates,
  };
}
