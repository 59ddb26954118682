/**
 * The names plans use that link to no canonical indicator, clustered into
 * proposed indicators: 新增5G基站, 累计建成开通5G基站 and 全省5G基站 are one
 * object (5G基站) under different verbs and scopes, and 重大科技创新平台 is
 * 具有较强影响力的重大科技创新平台 said shorter. Each group suggests a
 * canonical name (the object most plans use) that a reviewer can accept as a
 * catalogue entry (`planlens review promote --group`).
 *
 * Names join when their objects are the same, or alike enough (character
 * bigrams and jieba words) while sharing the head word, the qualifiers
 * (国家级 stays apart from 省级) and the kind of figure (a share never joins a
 * count). Complete linkage: every two names of a group are alike, so a chain
 * of small steps never joins two different things.
 */
// The distance submodule only: natural's index loads its storage backends, and with them dotenv (which prints to stdout).
import { DiceCoefficient } from 'natural/lib/natural/distance/index.js';
import type { Db } from '../store/index.js';
import { multisetDice } from '../text/similarity.js';
import type { NameAnalyser, NameParts } from '../text/indicator-names/compare.js';
import { loadNameAnalyser } from '../text/indicator-names/rules.js';

export interface GroupMember {
  name: string;
  records: number;
  plans: number;
}

export interface IndicatorGroup {
  group: number;
  /** The suggested canonical name: the object as the most plans write it. */
  name: string;
  /** indicator_key of every member (what compare and the promotion use). */
  keys: string[];
  members: GroupMember[];
  plans: number;
  records: number;
  /** The base unit most records have (家, 个, 元, percent …), null when none. */
  unit: string | null;
  qualifiers: string[];
  plan_titles: string[];
}

/** One name as written, with its use (a row of the unlinked names). */
export interface NameRow {
  key: string;
  name: string;
  records: number;
  plans: number;
  planIds: number[];
  titles: string[];
  unit: string | null;
}

interface Node {
  rows: NameRow[];
  parts: NameParts;
  /** Grouping class: names in different classes never join. */
  cls: string;
}

export interface GroupOptions {
  /** Also list names no other name joined, when more than one plan uses them. */
  singles?: boolean;
  limit?: number;
  analyser?: NameAnalyser;
}

export function indicatorGroups(db: Db, options: GroupOptions = {}): IndicatorGroup[] {
  return groupNames(unlinkedRows(db), options);
}

/** The clustering itself, over any list of names (the database's, or a test's). */
export function groupNames(rows: NameRow[], options: GroupOptions = {}): IndicatorGroup[] {
  const analyser = options.analyser ?? loadNameAnalyser();
  const nodes = objectNodes(rows, analyser);
  const clusters = completeLinkage(nodes, analyser.groupingThreshold);
  const groups = clusters
    .map((members) => toGroup(members))
    .filter((g) => g.members.length > 1 || (options.singles !== false && g.plans > 1))
    .sort((a, b) => b.plans - a.plans || b.members.length - a.members.length || b.records - a.records || a.name.localeCompare(b.name))
    .map((g, i) => ({ ...g, group: i + 1 }));
  return options.limit === undefined ? groups : groups.slice(0, options.limit);
}

function unlinkedRows(db: Db): NameRow[] {
  const rows = db
    .prepare(
      `SELECT indicator_key AS key, min(indicator_as_written) AS name, count(*) AS records,
         json_group_array(DISTINCT plan_id) AS plan_ids, json_group_array(DISTINCT plan_title) AS titles,
         (SELECT unit_base FROM plan_quantities u WHERE u.indicator_key = q.indicator_key AND u.unit_base IS NOT NULL
          GROUP BY unit_base ORDER BY count(*) DESC LIMIT 1) AS unit
       FROM plan_quantities q WHERE indicator_id IS NULL GROUP BY indicator_key ORDER BY indicator_key`,
    )
    .all() as Array<{ key: string; name: string; records: number; plan_ids: string; titles: string; unit: string | null }>;
  return rows.map((r) => {
    const planIds = JSON.parse(r.plan_ids) as number[];
    return { key: r.key, name: r.name, records: r.records, plans: planIds.length, planIds, titles: JSON.parse(r.titles) as string[], unit: r.unit };
  });
}

/** Names with the same object and qualifiers are one node from the start. */
function objectNodes(rows: NameRow[], analyser: NameAnalyser): Node[] {
  const byObject = new Map<string, Node>();
  for (const row of rows) {
    const parts = analyser.parts(row.name);
    // One character, or nothing but a verb, is no object to propose (业, 形成).
    if ([...parts.object].length < 2 || analyser.isFrameWord(parts.object)) continue;
    const percent = row.unit === 'percent' || row.unit === 'percentage-point';
    // 新增 and 累计 counts of one object are one indicator in two kinds; a share, a rate or a growth figure is another.
    const figure = parts.measure === 'share' || parts.measure === 'rate' || parts.measure === 'growth' ? parts.measure : 'count';
    const cls = [parts.head, parts.qualifiers.join('、'), figure, percent ? '%' : ''].join('|');
    const id = `${cls}|${parts.object}`;
    const node = byObject.get(id);
    if (node) node.rows.push(row);
    else byObject.set(id, { rows: [row], parts, cls });
  }
  return [...byObject.values()];
}

/** Above this two objects are one name written two ways, whatever words differ. */
const NEAR_IDENTICAL = 0.85;

/**
 * How alike two objects are, 0 when they cannot be one indicator: where each
 * has a word the other lacks (化工行业…标准 / 建材行业…标准, 储能之都… /
 * 世界电影之都…) they name two things, unless nearly identical; where one
 * only adds words to the other (重大科技创新平台 / 具有较强影响力的重大科技创新平台),
 * a reviewer decides whether the longer is the same indicator said in full.
 */
function similarity(a: NameParts, b: NameParts): number {
  const score = (DiceCoefficient(a.object, b.object) + multisetDice(a.words, b.words)) / 2;
  if (score >= NEAR_IDENTICAL) return score;
  const wordsA = new Set(a.words);
  const wordsB = new Set(b.words);
  const aOnly = [...wordsA].some((w) => !wordsB.has(w));
  const bOnly = [...wordsB].some((w) => !wordsA.has(w));
  return aOnly && bOnly ? 0 : score;
}

function completeLinkage(nodes: Node[], threshold: number): Node[][] {
  const byClass = new Map<string, Node[]>();
  for (const n of nodes) byClass.set(n.cls, [...(byClass.get(n.cls) ?? []), n]);
  return [...byClass.values()].flatMap((members) => linkClass(members, threshold));
}

/**
 * Agglomerative clustering over one class's similarity matrix: the closest
 * two clusters merge while every pair across them is at least `threshold`
 * alike (a merged cluster's similarity to another is the least of its two
 * parts'). O(n³) in the class size, on numbers only.
 */
function linkClass(members: Node[], threshold: number): Node[][] {
  const n = members.length;
  const sim = members.map((a, i) => members.map((b, j) => (i === j ? 1 : similarity(a.parts, b.parts))));
  const clusters: Array<Node[] | null> = members.map((m) => [m]);
  for (;;) {
    let best: { i: number; j: number; score: number } | null = null;
    for (let i = 0; i < n; i++) {
      if (!clusters[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (!clusters[j]) continue;
        const score = sim[i]![j]!;
        if (score >= threshold && (!best || score > best.score)) best = { i, j, score };
      }
    }
    if (!best) break;
    const { i, j } = best;
    clusters[i] = [...clusters[i]!, ...clusters[j]!];
    clusters[j] = null;
    for (let k = 0; k < n; k++) {
      const least = Math.min(sim[i]![k]!, sim[j]![k]!);
      sim[i]![k] = least;
      sim[k]![i] = least;
    }
  }
  return clusters.filter((c): c is Node[] => c !== null);
}

function toGroup(nodes: Node[]): Omit<IndicatorGroup, 'group'> & { group: number } {
  const rows = nodes.flatMap((n) => n.rows);
  const plans = new Set(rows.flatMap((r) => r.planIds));
  // The object most plans state, then the most records, then the shortest: the plainest common name.
  const planCount = (n: Node) => new Set(n.rows.flatMap((r) => r.planIds)).size;
  const recordCount = (n: Node) => n.rows.reduce((s, r) => s + r.records, 0);
  const lead = [...nodes].sort((a, b) => planCount(b) - planCount(a) || recordCount(b) - recordCount(a) || a.parts.object.length - b.parts.object.length)[0]!;
  const units = new Map<string, number>();
  for (const r of rows) if (r.unit) units.set(r.unit, (units.get(r.unit) ?? 0) + r.records);
  const unit = [...units].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    group: 0,
    name: [...lead.parts.qualifiers, lead.parts.objectAsWritten].join(''),
    keys: rows.map((r) => r.key),
    members: rows
      .map((r) => ({ name: r.name, records: r.records, plans: r.plans }))
      .sort((a, b) => b.plans - a.plans || b.records - a.records || a.name.localeCompare(b.name)),
    plans: plans.size,
    records: rows.reduce((s, r) => s + r.records, 0),
    unit,
    qualifiers: lead.parts.qualifiers,
    plan_titles: [...new Set(rows.flatMap((r) => r.titles))].sort(),
  };
}
