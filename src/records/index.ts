/**
 * The kinds of extraction record, each described once: the state key its
 * stage leaves it under, its table, id prefix and columns (how a record of the
 * state becomes a row), the fields a reviewer may set, the fields derived from
 * them, what the review page shows and offers to edit, and how a record is
 * named in lists (label) and on the document page (caption). The store writes
 * rows from these descriptions, review reads and corrects them, the CLI and
 * the server show them; a fifth kind is one more entry here and its table in
 * a migration (store/schema/).
 */
import type { DepartmentMention, Milestone, Provenance, QuantityRecord, Responsibility, StateKey } from '../core/state.js';

export type RecordType = 'quantity' | 'department' | 'responsibility' | 'milestone';
export const RECORD_TYPES: readonly RecordType[] = ['quantity', 'department', 'responsibility', 'milestone'];

/** Field values of one record, as JSON-able values (arrays for unit lists). */
export type Fields = Record<string, unknown>;

/** What every record carries in its state form. */
export interface StoredRecord {
  provenance: Provenance;
}

/** Lists of names a record holds in a table of its own, one row per name (responsibility_units). */
export interface NameLists {
  table: string;
  /** The column naming the record's row id. */
  key: string;
  /** The fields that are such lists; each name's row carries the field in `role`. */
  roles: readonly string[];
}

export interface RecordKindSpec {
  type: RecordType;
  /** Item ids are prefix + row id: q12, d3, r7, m4. */
  prefix: string;
  table: string;
  /** The document-state key the extraction stage leaves these records under. */
  stateKey: StateKey;
  /** Whether rows are numbered in the stage's order (an `idx` column). */
  indexed: boolean;
  /** A record of the state (its kind's type, e.g. QuantityRecord) as its own columns; provenance and name lists apart. */
  columns(record: StoredRecord): Fields;
  /** Name lists stored beside the row. */
  nameLists?: NameLists;
  /** Values a record a reviewer adds takes where the correction does not set them. */
  addedDefaults?(fields: Fields, sentence: string): Fields;
  /** Fields a reviewer may set; compared to tell agreement from conflict. */
  fields: readonly string[];
  /** Fields derived from others (value_base from value and unit): written, never compared. */
  derived: readonly string[];
  /** Column holding the span start, for document order (milestones' start/end are dates: theirs is span_start). */
  position: string;
  /** Column holding the span end. */
  spanEnd: string;
  /** Fields the review page shows, most telling first. */
  shown: readonly string[];
  /** Fields the review page's edit form offers. */
  editable: readonly string[];
  /** One line naming the record, for lists and prompts. */
  label(fields: Fields): string;
  /** The record's caption on the document page (beside the kind's name); absent: not marked on the page. */
  caption?(row: Fields): string;
}

export const QUANTITY_FIELDS = ['kind', 'indicator', 'indicator_id', 'value', 'value_max', 'unit', 'comparator', 'year', 'qualitative'] as const;
export const QUANTITY_DERIVED = ['value_base', 'unit_base'] as const;
export const DEPARTMENT_FIELDS = ['name', 'canonical_id', 'canonical_name'] as const;
export const MILESTONE_FIELDS = ['what', 'start', 'end', 'recurring'] as const;

const quantity: RecordKindSpec = {
  type: 'quantity',
  prefix: 'q',
  table: 'quantities',
  stateKey: 'quantities',
  indexed: true,
  columns: (q: QuantityRecord) => ({
    kind: q.kind,
    indicator: q.indicator,
    indicator_id: q.indicatorId,
    measure_verb: q.measureVerb ?? null,
    measure_kind: q.measureKind ?? null,
    scope: q.scope ?? null,
    value: q.value,
    value_max: q.valueMax ?? null,
    unit: q.unit,
    comparator: q.comparator,
    year: q.year,
    period_start: q.period?.[0] ?? null,
    period_end: q.period?.[1] ?? null,
    cumulative: bool(q.cumulative),
    per_year: bool(q.perYear),
    qualitative: q.qualitative ?? null,
    status: q.status ?? null,
    value_base: q.valueBase,
    unit_base: q.unitBase,
    is_fact: q.isFact ? 1 : 0,
    flags: JSON.stringify(q.flags ?? []),
  }),
  addedDefaults: (f) => ({ indicator: f.indicator ?? '', kind: f.kind ?? 'target', is_fact: 1, flags: '[]' }),
  fields: QUANTITY_FIELDS,
  derived: QUANTITY_DERIVED,
  position: 'start',
  spanEnd: 'end',
  shown: ['kind', 'indicator', 'indicator_id', 'comparator', 'value', 'value_max', 'unit', 'year', 'value_base', 'unit_base', 'status'],
  editable: ['indicator', 'value', 'unit', 'comparator', 'year', 'kind'],
  label: (f) =>
    `${f.kind} ${f.indicator}${f.indicator_id ? ` [${f.indicator_id}]` : ''} ${f.comparator ?? ''}${f.value ?? f.qualitative ?? '?'}${f.value_max != null ? `–${f.value_max}` : ''}${f.unit ?? ''}${f.year ? ` (${f.year})` : ''}`,
  caption: (q) => `${q.indicator} ${q.comparator ?? ''}${q.value ?? q.qualitative ?? ''}${q.unit ?? ''}${q.year ? ` (${q.year})` : ''}`,
};

const department: RecordKindSpec = {
  type: 'department',
  prefix: 'd',
  table: 'department_mentions',
  stateKey: 'departments',
  indexed: false,
  columns: (d: DepartmentMention) => ({ name: d.name, canonical_id: d.canonicalId, canonical_name: d.canonicalName }),
  fields: DEPARTMENT_FIELDS,
  derived: [],
  position: 'start',
  spanEnd: 'end',
  shown: ['name', 'canonical_name', 'canonical_id'],
  editable: ['name', 'canonical_id'],
  label: (f) => `department ${f.name}${f.canonical_id ? ` [${f.canonical_id}]` : ''}`,
  caption: (m) => `${m.name}${m.canonical_name && m.canonical_name !== m.name ? ` → ${m.canonical_name}` : ''}`,
};

const responsibility: RecordKindSpec = {
  type: 'responsibility',
  prefix: 'r',
  table: 'responsibilities',
  stateKey: 'responsibilities',
  indexed: true,
  columns: (r: Responsibility) => ({ task: r.task, roles: r.roles }),
  nameLists: { table: 'responsibility_units', key: 'responsibility_id', roles: ['lead', 'support'] },
  addedDefaults: (f, sentence) => ({ task: f.task ?? sentence, roles: f.roles ?? 'split' }),
  fields: ['task', 'roles', 'lead', 'support'],
  derived: [],
  position: 'start',
  spanEnd: 'end',
  shown: ['task', 'lead', 'support', 'roles'],
  editable: ['task', 'lead', 'support'],
  // An unsplit list (责任单位：A、B) is stored as lead = first unit, but the text names no lead: no role is shown.
  label: (f) =>
    f.roles === 'unsplit'
      ? `task ${f.task} — 责任单位 ${[...((f.lead as string[]) ?? []), ...((f.support as string[]) ?? [])].join('、') || '?'}`
      : `task ${f.task} — lead ${((f.lead as string[]) ?? []).join('、') || '?'}${(f.support as string[])?.length ? `; support ${(f.support as string[]).join('、')}` : ''}`,
};

const milestone: RecordKindSpec = {
  type: 'milestone',
  prefix: 'm',
  table: 'milestones',
  stateKey: 'milestones',
  indexed: false,
  columns: (m: Milestone) => ({ what: m.what, start: m.start, end: m.end, recurring: m.recurring ?? null }),
  addedDefaults: (f, sentence) => ({ what: f.what ?? sentence }),
  fields: MILESTONE_FIELDS,
  derived: [],
  position: 'span_start',
  spanEnd: 'span_end',
  shown: ['what', 'start', 'end', 'recurring'],
  editable: ['what', 'start', 'end'],
  label: (f) => `milestone ${f.what} ${f.start ?? '?'}–${f.end ?? '?'}`,
  caption: (m) => `${m.what}${m.end ? ` (${m.start ? `${m.start}–` : '至'}${m.end})` : ''}`,
};

function bool(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}

export const RECORD_SPECS: ReadonlyMap<RecordType, RecordKindSpec> = new Map([quantity, department, responsibility, milestone].map((k) => [k.type, k]));

/** The tables holding extraction records (the ones review columns are added to). */
export const RECORD_TABLES: readonly string[] = [...RECORD_SPECS.values()].map((k) => k.table);

/**
 * Every field a correction may set, with the help the CLI gives for its
 * --flag (the column name with - for _), in the order `review edit --help`
 * lists them. `recurring` is set by the extraction only.
 */
export const FIELD_HELP: ReadonlyArray<readonly [field: string, help: string]> = [
  ['kind', 'target or actual'],
  ['indicator', 'indicator as the document names it (links to a canonical indicator when it is a known name)'],
  ['indicator_id', 'canonical indicator id (see `planlens indicators`); empty to unlink'],
  ['value', 'number'],
  ['value_max', 'upper end of a range'],
  ['unit', 'unit as written (件, 万件, %)'],
  ['comparator', '>= > = ~ <= <'],
  ['year', 'due year (target) or year described (actual)'],
  ['qualitative', 'words of a qualitative target (全覆盖)'],
  ['name', 'department as written'],
  ['canonical_id', 'canonical department id'],
  ['canonical_name', 'canonical department name'],
  ['task', 'task of a responsibility'],
  ['lead', 'lead units, separated by 、 or ,'],
  ['support', 'supporting units, separated by 、 or ,'],
  ['roles', 'split or unsplit'],
  ['what', 'what a milestone is'],
  ['start', 'milestone start, YYYY or YYYY-MM'],
  ['end', 'milestone end, YYYY or YYYY-MM'],
];

/** How the document page names the kinds it marks (quantities as target or actual). */
export const PAGE_KIND_NAMES: Readonly<Record<string, string>> = {
  target: '目标 target',
  actual: '实际 actual',
  department: '部门 department',
  milestone: '时间节点 milestone',
};
