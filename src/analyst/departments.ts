/**
 * Departments across plans: who leads, supports or is listed for how many
 * tasks (listed: a 责任单位 list where the text does not say who leads), and
 * the tasks of one unit with their deadlines and targets. Primary renderings
 * only. A unit is keyed by its canonical id where the extraction linked it
 * (市知识产权局 in a 连云港 plan = 连云港:ip-office), else by its name.
 */
import { planLabelSql } from '../records/plan-label.js';
import { formatRecordFigure } from '../records/plan-scale.js';
import type { Db } from '../store/index.js';
import { normaliseName } from '../text/names.js';

/** A plan's title, else its region, type and year. */
const PLAN_LABEL = planLabelSql('d');

/**
 * A unit's part in a task. The store keeps an unsplit list (责任单位：A、B)
 * as lead = first, support = the rest; the text does not say who leads, so
 * the analyst sees every unit of such a list as listed, without a role.
 */
export type TaskRole = 'lead' | 'support' | 'listed';
const ROLE_SQL = "CASE WHEN r.roles = 'unsplit' THEN 'listed' ELSE u.role END";

interface UnitRow {
  name: string;
  canonical_id: string | null;
  role: TaskRole;
  task_id: number;
  document_id: number;
  region: string | null;
}

interface MentionRow {
  name: string;
  canonical_id: string | null;
  canonical_name: string | null;
  document_id: number;
  region: string | null;
}

interface ImplicitRow {
  name: string;
  canonical_id: string | null;
  document_id: number;
  region: string | null;
}

/** Everything the department queries need, read once. */
class DepartmentIndex {
  readonly units: UnitRow[];
  readonly mentions: MentionRow[];
  readonly implicit: ImplicitRow[];
  private readonly canonicalNames = new Map<string, string>();
  private readonly mentionCanonical = new Map<string, string>();
  /** The id of an office's second name (市知识产权局 in 市市场监管局（市知识产权局）) → the id of its first. */
  private readonly firstNameOf = new Map<string, string>();
  /** An office's id → the ids of its second names. */
  private readonly secondNamesOf = new Map<string, Set<string>>();

  constructor(db: Db, regions?: string[]) {
    const regionSql = regions ? `WHERE d.region IN (${regions.map(() => '?').join(', ') || "''"})` : '';
    const params = regions ?? [];
    this.units = db
      .prepare(
        `SELECT u.name, u.canonical_id, ${ROLE_SQL} AS role, r.id AS task_id, r.document_id, d.region
         FROM responsibility_units u JOIN responsibilities r ON r.id = u.responsibility_id
         JOIN primary_documents d ON d.id = r.document_id ${regionSql} ORDER BY r.document_id, r.idx, u.role, u.position`,
      )
      .all(...params) as UnitRow[];
    this.mentions = db
      .prepare(
        `SELECT m.name, m.canonical_id, m.canonical_name, m.document_id, d.region
         FROM department_mentions m JOIN primary_documents d ON d.id = m.document_id ${regionSql} ORDER BY m.id`,
      )
      .all(...params) as MentionRow[];
    this.implicit = db
      .prepare(
        `SELECT s.name, s.canonical_id, s.document_id, d.region
         FROM implicit_support s JOIN primary_documents d ON d.id = s.document_id ${regionSql} ORDER BY s.document_id, s.position`,
      )
      .all(...params) as ImplicitRow[];
    // Canonical names come from the mentions of every document (not only the
    // filtered ones), so a unit reads the same however the list is cut.
    for (const m of db.prepare('SELECT name, canonical_id, canonical_name, document_id FROM department_mentions').all() as MentionRow[]) {
      if (m.canonical_id && m.canonical_name && !this.canonicalNames.has(m.canonical_id)) this.canonicalNames.set(m.canonical_id, m.canonical_name);
      if (m.canonical_id) this.mentionCanonical.set(`${m.document_id}\u0000${normaliseName(m.name)}`, m.canonical_id);
    }
    // A unit written with its other name in brackets is one office with two
    // names (the 挂牌 form): wherever either name is linked, it is that office.
    const written = db
      .prepare(
        `SELECT u.name, r.document_id FROM responsibility_units u JOIN responsibilities r ON r.id = u.responsibility_id
         UNION SELECT name, document_id FROM implicit_support`,
      )
      .all() as Array<{ name: string; document_id: number }>;
    for (const w of written) {
      const names = twoNames(w.name);
      if (!names) continue;
      const first = this.linkedName(w.document_id, names[0]);
      const second = this.linkedName(w.document_id, names[1]);
      if (!first || !second || first === second || this.firstNameOf.has(first)) continue;
      this.firstNameOf.set(second, first);
      const seconds = this.secondNamesOf.get(first) ?? new Set<string>();
      this.secondNamesOf.set(first, seconds.add(second));
    }
  }

  private linkedName(documentId: number, name: string): string | null {
    return this.mentionCanonical.get(`${documentId}\u0000${normaliseName(name)}`) ?? null;
  }

  /**
   * The canonical id of a unit as written in a document: its own link, or
   * the link the same name got as a mention in that document.
   */
  canonicalOf(documentId: number, name: string, canonicalId: string | null): string | null {
    const names = twoNames(name);
    const id = canonicalId ?? this.linkedName(documentId, name) ?? (names ? this.linkedName(documentId, names[0]) : null);
    return id === null ? null : this.officeOf(id);
  }

  /** The office a canonical id names: itself, or the office it is the second name of. */
  officeOf(id: string): string {
    return this.firstNameOf.get(id) ?? id;
  }

  key(documentId: number, name: string, canonicalId: string | null): string {
    return this.canonicalOf(documentId, name, canonicalId) ?? `name:${normaliseName(name)}`;
  }

  /** The canonical name; an office with two names shows both: 连云港市市场监督管理局（连云港市知识产权局）. */
  displayName(key: string, fallback: string): string {
    if (key.startsWith('name:')) return fallback;
    const name = this.canonicalNames.get(key) ?? fallback;
    const seconds = [...(this.secondNamesOf.get(key) ?? [])].map((id) => this.canonicalNames.get(id)).filter((n): n is string => Boolean(n));
    return seconds.length ? `${name}（${seconds.join('、')}）` : name;
  }
}

export interface DepartmentSummary {
  department: string;
  canonical_id: string | null;
  lead: number;
  support: number;
  /** Tasks in a list of 责任单位 that does not say who leads. */
  listed: number;
  /** Documents where the unit supports every task (以下均需…落实). */
  implicit_support: number;
  mentions: number;
  documents: number;
  regions: string;
  /** The names the documents write it as. */
  written_as: string;
}

export function departmentSummaries(db: Db, regions?: string[]): DepartmentSummary[] {
  const index = new DepartmentIndex(db, regions);
  interface Acc {
    key: string;
    firstName: string;
    lead: Set<number>;
    support: Set<number>;
    listed: Set<number>;
    implicit: Set<number>;
    mentions: number;
    documents: Set<number>;
    regions: Set<string>;
    names: Set<string>;
  }
  const accs = new Map<string, Acc>();
  const acc = (documentId: number, name: string, canonicalId: string | null, region: string | null): Acc => {
    const key = index.key(documentId, name, canonicalId);
    let a = accs.get(key);
    if (!a) {
      a = {
        key,
        firstName: name,
        lead: new Set(),
        support: new Set(),
        listed: new Set(),
        implicit: new Set(),
        mentions: 0,
        documents: new Set(),
        regions: new Set(),
        names: new Set(),
      };
      accs.set(key, a);
    }
    a.documents.add(documentId);
    if (region) a.regions.add(region);
    a.names.add(name);
    return a;
  };
  for (const u of index.units) acc(u.document_id, u.name, u.canonical_id, u.region)[u.role].add(u.task_id);
  for (const s of index.implicit) acc(s.document_id, s.name, s.canonical_id, s.region).implicit.add(s.document_id);
  for (const m of index.mentions) acc(m.document_id, m.name, m.canonical_id, m.region).mentions++;

  return [...accs.values()]
    .map((a) => ({
      department: index.displayName(a.key, a.firstName),
      canonical_id: a.key.startsWith('name:') ? null : a.key,
      lead: a.lead.size,
      support: a.support.size,
      listed: a.listed.size,
      implicit_support: a.implicit.size,
      mentions: a.mentions,
      documents: a.documents.size,
      regions: [...a.regions].join('、'),
      written_as: [...a.names].join('、'),
    }))
    .sort((x, y) => y.lead - x.lead || y.support - x.support || y.listed - x.listed || y.mentions - x.mentions || x.department.localeCompare(y.department));
}

export interface DepartmentTask {
  plan_id: number;
  document_id: number;
  responsibility_id: number;
  /** The task's span in the document's text, to point at it. */
  start: number;
  end: number;
  plan_title: string | null;
  /** Last year of the plan: the deadline of a task that names none. */
  plan_end: number | null;
  region: string | null;
  task: string;
  /** listed: one of a 责任单位 list that does not say who leads. */
  role: TaskRole | 'support (implicit)';
  unit_as_written: string;
  section_path: string;
  /** Milestones in the task's section or below it: "what (start–end)". */
  deadlines: string;
  /** Targets in the task's section or below it, in the plan's own figures: "indicator ≥600亿元 (year)". */
  targets: string;
  sentence: string;
}

export interface TaskResult {
  tasks: DepartmentTask[];
  /** The units (as written) that matched, for the user. */
  matched: string[];
  /** False when only a part-of-name match was found. */
  exact: boolean;
}

/**
 * Tasks a unit leads, supports or is listed for. It matches by canonical id, canonical
 * name, name as written, or a part of a compound name such as
 * 市市场监管局（市知识产权局）; only if none matches, by part of a name.
 */
export function departmentTasks(db: Db, department: string, regions?: string[]): TaskResult {
  const index = new DepartmentIndex(db, regions);
  const query = normaliseName(department);
  const ids = new Set<string>();
  for (const m of db.prepare('SELECT name, canonical_id, canonical_name FROM department_mentions WHERE canonical_id IS NOT NULL').all() as MentionRow[]) {
    if ([m.name, m.canonical_id!, m.canonical_name ?? ''].some((n) => normaliseName(n) === query)) ids.add(index.officeOf(m.canonical_id!));
  }
  const exactHit = (documentId: number, name: string, canonicalId: string | null): boolean => {
    const id = index.canonicalOf(documentId, name, canonicalId);
    if (id !== null && ids.has(id)) return true;
    return nameParts(name).some((part) => part === query || (ids.size > 0 && [...ids].includes(index.canonicalOf(documentId, part, null) ?? '')));
  };
  const looseHit = (_documentId: number, name: string): boolean => normaliseName(name).includes(query);

  let exact = true;
  let hits = collect(index, exactHit);
  if (hits.units.length === 0 && hits.implicit.length === 0) {
    exact = false;
    hits = collect(index, looseHit);
  }

  const tasks = taskRows(db, hits);
  const matched = [...new Set([...hits.units.map((u) => u.name), ...hits.implicit.map((s) => s.name)])];
  return { tasks, matched, exact };
}

/** 市市场监管局（市知识产权局） → [市市场监管局, 市知识产权局]; a name with no bracketed second name → null. */
function twoNames(name: string): [string, string] | null {
  const m = /^(.+?)[（(]([^（）()]+)[）)]$/.exec(name.trim());
  return m ? [m[1]!, m[2]!] : null;
}

/** A compound unit's names: 市市场监管局（市知识产权局） → itself, 市市场监管局, 市知识产权局. */
function nameParts(name: string): string[] {
  const norm = normaliseName(name);
  const parts = norm.split(/[()（）、]/).filter(Boolean);
  return [norm, ...parts];
}

function collect(index: DepartmentIndex, hit: (documentId: number, name: string, canonicalId: string | null) => boolean) {
  return {
    units: index.units.filter((u) => hit(u.document_id, u.name, u.canonical_id)),
    implicit: index.implicit.filter((s) => hit(s.document_id, s.name, s.canonical_id)),
  };
}

interface TaskInfo {
  id: number;
  idx: number;
  start: number;
  end: number;
  document_id: number;
  plan_id: number;
  plan_title: string | null;
  plan_end: number | null;
  region: string | null;
  task: string;
  section_path: string;
  sentence: string;
}

function taskRows(db: Db, hits: { units: UnitRow[]; implicit: ImplicitRow[] }): DepartmentTask[] {
  const taskById = db.prepare(
    `SELECT r.id, r.idx, r.start, r."end", r.document_id, d.plan_id, ${PLAN_LABEL} AS plan_title, d.period_end AS plan_end, d.region, r.task, r.section_path, r.sentence
     FROM responsibilities r JOIN primary_documents d ON d.id = r.document_id WHERE r.id = ?`,
  );
  const tasksOfDocument = db.prepare(
    `SELECT r.id, r.idx, r.start, r."end", r.document_id, d.plan_id, ${PLAN_LABEL} AS plan_title, d.period_end AS plan_end, d.region, r.task, r.section_path, r.sentence
     FROM responsibilities r JOIN primary_documents d ON d.id = r.document_id WHERE r.document_id = ? ORDER BY r.idx`,
  );
  const milestones = db.prepare(
    `SELECT what, start, "end" FROM milestones WHERE document_id = ? AND (section_path = ? OR section_path LIKE ? || '/%') ORDER BY span_start`,
  );
  const targets = db.prepare(
    `SELECT indicator_as_written, value, value_max, unit, comparator, year, qualitative, value_base, unit_base FROM targets
     WHERE document_id = ? AND (section_path = ? OR section_path LIKE ? || '/%') ORDER BY quantity_id`,
  );
  const out: Array<DepartmentTask & { idx: number }> = [];
  const seen = new Set<string>();
  const add = (t: TaskInfo, role: DepartmentTask['role'], unit: string) => {
    const key = `${t.id}\u0000${role}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ms = milestones.all(t.document_id, t.section_path, t.section_path) as Array<{ what: string; start: string | null; end: string | null }>;
    const ts = targets.all(t.document_id, t.section_path, t.section_path) as Array<{
      indicator_as_written: string;
      value: number | null;
      value_max: number | null;
      unit: string | null;
      comparator: string | null;
      year: number | null;
      qualitative: string | null;
      value_base: number | null;
      unit_base: string | null;
    }>;
    out.push({
      idx: t.idx,
      plan_id: t.plan_id,
      document_id: t.document_id,
      responsibility_id: t.id,
      start: t.start,
      end: t.end,
      plan_title: t.plan_title,
      plan_end: t.plan_end,
      region: t.region,
      task: t.task,
      role,
      unit_as_written: unit,
      section_path: t.section_path,
      deadlines: ms.map((m) => `${m.what} (${[m.start, m.end].filter(Boolean).join('–') || '?'})`).join('; '),
      targets: ts.map((q) => `${q.indicator_as_written} ${formatRecordFigure(q)}${q.year ? ` (${q.year})` : ''}`).join('; '),
      sentence: t.sentence,
    });
  };
  for (const u of hits.units) {
    const t = taskById.get(u.task_id) as TaskInfo | undefined;
    if (t) add(t, u.role, u.name);
  }
  for (const s of hits.implicit) {
    for (const t of tasksOfDocument.all(s.document_id) as TaskInfo[]) add(t, 'support (implicit)', s.name);
  }
  // Document order: section paths use Chinese numerals, which do not sort as text.
  out.sort((a, b) => a.plan_id - b.plan_id || a.idx - b.idx || a.role.localeCompare(b.role));
  return out.map(({ idx: _idx, ...task }) => task);
}
