/**
 * Turns what an analyst types after --indicator (an id, a name, an alias, a
 * part of a name, or a near miss) into the indicator key the views join on,
 * and says how it matched so a loose match is never silent.
 */
import type { Db } from '../store/index.js';
import { normaliseName } from '../text/names.js';
import { dice } from '../text/similarity.js';

export interface IndicatorMatch {
  /** indicator_key in the views: the canonical id, or 'name:<name as written>'. */
  key: string;
  id: string | null;
  name: string;
  /** How the text matched, for the user: "alias 知识产权质押融资". */
  how: string;
  /** Whether the text matched exactly (id, name or alias) rather than loosely. */
  exact: boolean;
  /** Other indicators nearly as close, worth mentioning. */
  alternatives: string[];
}

interface Candidate {
  key: string;
  id: string | null;
  name: string;
  /** Names the candidate answers to: canonical name first, then aliases. */
  names: string[];
}

/** Loose matches must be at least this close (the gold matching's threshold). */
const MIN_SIMILARITY = 0.5;

export function matchIndicator(db: Db, text: string): IndicatorMatch | null {
  const query = normaliseName(text);
  if (!query) return null;
  const candidates = loadCandidates(db);

  for (const c of candidates) {
    if (c.id !== null && c.id.toLowerCase() === query) return found(c, `id ${c.id}`, true);
  }
  for (const c of candidates) {
    const hit = c.names.find((n) => normaliseName(n) === query);
    if (hit === undefined) continue;
    if (c.id === null) return found(c, 'name as written (not linked to a canonical indicator)', true);
    return found(c, hit === c.name ? 'name' : `alias ${hit}`, true);
  }

  // Loose: a part of a name, or a near miss. Score every name of every
  // candidate; canonical indicators win ties over names as written.
  const scored = candidates
    .map((c) => {
      let best = { score: 0, name: c.name, contains: false, part: true };
      for (const n of c.names) {
        const norm = normaliseName(n);
        const part = norm.includes(query);
        const contains = part || query.includes(norm);
        const score = dice(n, text);
        if ((contains && !best.contains) || (contains === best.contains && score > best.score)) best = { score, name: n, contains, part };
      }
      return { c, ...best };
    })
    .filter((s) => s.contains || s.score >= MIN_SIMILARITY)
    .sort((a, b) => Number(b.contains) - Number(a.contains) || Number(b.c.id !== null) - Number(a.c.id !== null) || b.score - a.score);
  const best = scored[0];
  if (!best) return null;
  const how = best.contains
    ? best.part
      ? `part of the name ${best.name}`
      : `the name ${best.name} inside '${text}'`
    : `closest name ${best.name} (similarity ${best.score.toFixed(2)})`;
  const alternatives = scored
    .slice(1, 4)
    .filter((s) => s.contains === best.contains)
    .map((s) => (s.c.id ? `${s.c.name} (${s.c.id})` : s.c.name));
  return { ...found(best.c, how, false), alternatives };
}

function found(c: Candidate, how: string, exact: boolean): IndicatorMatch {
  return { key: c.key, id: c.id, name: c.name, how, exact, alternatives: [] };
}

/** Canonical indicators, then the names plans use that are linked to none. */
function loadCandidates(db: Db): Candidate[] {
  const canonical = (db.prepare('SELECT id, name, aliases FROM indicators ORDER BY id').all() as Array<{ id: string; name: string; aliases: string }>).map(
    (r) => ({ key: r.id, id: r.id, name: r.name, names: [r.name, ...parseAliases(r.aliases)] }),
  );
  const unlinked = (
    db
      .prepare(
        `SELECT indicator_key, min(indicator_as_written) AS name FROM plan_quantities
         WHERE indicator_id IS NULL GROUP BY indicator_key ORDER BY count(*) DESC`,
      )
      .all() as Array<{ indicator_key: string; name: string }>
  ).map((r) => ({ key: r.indicator_key, id: null, name: r.name, names: [r.name] }));
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
  const also = match.alternatives.length ? `; also close: ${match.alternatives.join(', ')}` : '';
  return `--indicator '${text}' matched ${target} by ${match.how}${also}`;
}
