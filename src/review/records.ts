/**
 * The four kinds of extraction record a reviewer can correct, each described
 * once: its table, the fields a reviewer may set, how to read those fields
 * from a stored row, write them back, and insert a record the extraction
 * missed. Everything else in src/review works on these descriptions, so a
 * fifth kind is one more entry here.
 */
import type { Db } from '../store/index.js';

export type RecordType = 'quantity' | 'department' | 'responsibility' | 'milestone';
export const RECORD_TYPES: readonly RecordType[] = ['quantity', 'department', 'responsibility', 'milestone'];

/** Field values of one record, as JSON-able values (arrays for unit lists). */
export type Fields = Record<string, unknown>;

/** The sentence an added record points at. */
export interface SentenceRow {
  idx: number;
  text: string;
  start: number;
  end: number;
  section_path: string;
  page: number | null;
  cell_table: number | null;
  cell_row: number | null;
  cell_col: number | null;
}

export interface RecordKind {
  type: RecordType;
  /** Item ids are prefix + row id: q12, d3, r7, m4. */
  prefix: string;
  table: string;
  /** Fields a reviewer may set; compared to tell agreement from conflict. */
  fields: readonly string[];
  /** Fields derived from others (value_base from value and unit): written, never compared. */
  derived: readonly string[];
  /** Column holding the span start, for document order. */
  position: string;
  read(db: Db, row: Record<string, unknown>): Fields;
  write(db: Db, id: number, fields: Fields): void;
  insert(db: Db, documentId: number, sentence: SentenceRow, span: { start: number; end: number }, anchor: string, fields: Fields): number;
  /** One line naming the record, for lists and prompts. */
  label(fields: Fields): string;
}

/** Rule id of records a reviewer added: they are rebuilt from the history, never taken for extractions. */
export const RULE_ADDED = 'review.add';

function pick(row: Record<string, unknown>, names: readonly string[]): Fields {
  return Object.fromEntries(names.map((n) => [n, row[n] ?? null]));
}

function update(db: Db, table: string, id: number, fields: Fields, names: readonly string[]): void {
  const present = names.filter((n) => n in fields);
  if (present.length === 0) return;
  db.prepare(`UPDATE ${table} SET ${present.map((n) => `"${n}" = ?`).join(', ')} WHERE id = ?`).run(...present.map((n) => sqlValue(fields[n])), id);
}

function sqlValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Provenance of an added record: the sentence it points at. */
function provenanceOf(sentence: SentenceRow, span: { start: number; end: number }, rulesVersion: string, anchor: string) {
  return {
    section_path: sentence.section_path,
    page: sentence.page,
    start: sentence.start + span.start,
    end: sentence.start + span.end,
    sentence: sentence.text,
    sentence_idx: sentence.idx,
    cell_table: sentence.cell_table,
    cell_row: sentence.cell_row,
    cell_col: sentence.cell_col,
    rule: RULE_ADDED,
    rules_version: rulesVersion,
    anchor,
  };
}

function insertRow(db: Db, table: string, values: Record<string, unknown>): number {
  const names = Object.keys(values);
  return Number(
    db.prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => sqlValue(values[n])))
      .lastInsertRowid,
  );
}

function rulesVersionOf(db: Db, documentId: number): string {
  return (db.prepare('SELECT rules_version FROM documents WHERE id = ?').get(documentId) as { rules_version: string }).rules_version;
}

function nextIdx(db: Db, table: string, documentId: number): number {
  return (db.prepare(`SELECT coalesce(max(idx), -1) + 1 AS n FROM ${table} WHERE document_id = ?`).get(documentId) as { n: number }).n;
}

const QUANTITY_FIELDS = ['kind', 'indicator', 'indicator_id', 'value', 'value_max', 'unit', 'comparator', 'year', 'qualitative'] as const;
const QUANTITY_DERIVED = ['value_base', 'unit_base'] as const;

const quantity: RecordKind = {
  type: 'quantity',
  prefix: 'q',
  table: 'quantities',
  fields: QUANTITY_FIELDS,
  derived: QUANTITY_DERIVED,
  position: 'start',
  read: (_db, row) => pick(row, [...QUANTITY_FIELDS, ...QUANTITY_DERIVED]),
  write: (db, id, fields) => update(db, 'quantities', id, fields, [...QUANTITY_FIELDS, ...QUANTITY_DERIVED]),
  insert(db, documentId, sentence, span, anchor, fields) {
    return insertRow(db, 'quantities', {
      document_id: documentId,
      idx: nextIdx(db, 'quantities', documentId),
      ...pick(fields, [...QUANTITY_FIELDS, ...QUANTITY_DERIVED]),
      indicator: fields.indicator ?? '',
      kind: fields.kind ?? 'target',
      is_fact: 1,
      flags: '[]',
      ...provenanceOf(sentence, span, rulesVersionOf(db, documentId), anchor),
    });
  },
  label: (f) =>
    `${f.kind} ${f.indicator}${f.indicator_id ? ` [${f.indicator_id}]` : ''} ${f.comparator ?? ''}${f.value ?? f.qualitative ?? '?'}${f.value_max != null ? `–${f.value_max}` : ''}${f.unit ?? ''}${f.year ? ` (${f.year})` : ''}`,
};

const DEPARTMENT_FIELDS = ['name', 'canonical_id', 'canonical_name'] as const;

const department: RecordKind = {
  type: 'department',
  prefix: 'd',
  table: 'department_mentions',
  fields: DEPARTMENT_FIELDS,
  derived: [],
  position: 'start',
  read: (_db, row) => pick(row, DEPARTMENT_FIELDS),
  write: (db, id, fields) => update(db, 'department_mentions', id, fields, DEPARTMENT_FIELDS),
  insert: (db, documentId, sentence, span, anchor, fields) =>
    insertRow(db, 'department_mentions', {
      document_id: documentId,
      ...pick(fields, DEPARTMENT_FIELDS),
      ...provenanceOf(sentence, span, rulesVersionOf(db, documentId), anchor),
    }),
  label: (f) => `department ${f.name}${f.canonical_id ? ` [${f.canonical_id}]` : ''}`,
};

/** Responsibility units are rows of their own; the record's fields hold them as name lists. */
function writeUnits(db: Db, responsibilityId: number, fields: Fields): void {
  if (!('lead' in fields) && !('support' in fields)) return;
  const documentId = (db.prepare('SELECT document_id FROM responsibilities WHERE id = ?').get(responsibilityId) as { document_id: number }).document_id;
  // A unit links to the canonical department its name was linked to elsewhere in the document.
  const canonical = db.prepare('SELECT canonical_id FROM department_mentions WHERE document_id = ? AND name = ? AND canonical_id IS NOT NULL LIMIT 1');
  const insert = db.prepare('INSERT INTO responsibility_units (responsibility_id, role, position, name, canonical_id) VALUES (?, ?, ?, ?, ?)');
  for (const role of ['lead', 'support'] as const) {
    if (!(role in fields)) continue;
    db.prepare('DELETE FROM responsibility_units WHERE responsibility_id = ? AND role = ?').run(responsibilityId, role);
    ((fields[role] as string[] | null) ?? []).forEach((name, position) => {
      const link = canonical.get(documentId, name) as { canonical_id: string } | undefined;
      insert.run(responsibilityId, role, position, name, link?.canonical_id ?? null);
    });
  }
}

const responsibility: RecordKind = {
  type: 'responsibility',
  prefix: 'r',
  table: 'responsibilities',
  fields: ['task', 'roles', 'lead', 'support'],
  derived: [],
  position: 'start',
  read(db, row) {
    const units = db.prepare('SELECT role, name FROM responsibility_units WHERE responsibility_id = ? ORDER BY role, position').all(row.id) as Array<{ role: string; name: string }>;
    return {
      task: row.task,
      roles: row.roles,
      lead: units.filter((u) => u.role === 'lead').map((u) => u.name),
      support: units.filter((u) => u.role === 'support').map((u) => u.name),
    };
  },
  write(db, id, fields) {
    update(db, 'responsibilities', id, fields, ['task', 'roles']);
    writeUnits(db, id, fields);
  },
  insert(db, documentId, sentence, span, anchor, fields) {
    const id = insertRow(db, 'responsibilities', {
      document_id: documentId,
      idx: nextIdx(db, 'responsibilities', documentId),
      task: fields.task ?? sentence.text,
      roles: fields.roles ?? 'split',
      ...provenanceOf(sentence, span, rulesVersionOf(db, documentId), anchor),
    });
    writeUnits(db, id, { lead: fields.lead ?? [], support: fields.support ?? [] });
    return id;
  },
  label: (f) => `task ${f.task} — lead ${((f.lead as string[]) ?? []).join('、') || '?'}${(f.support as string[])?.length ? `; support ${(f.support as string[]).join('、')}` : ''}`,
};

const MILESTONE_FIELDS = ['what', 'start', 'end', 'recurring'] as const;

const milestone: RecordKind = {
  type: 'milestone',
  prefix: 'm',
  table: 'milestones',
  fields: MILESTONE_FIELDS,
  derived: [],
  position: 'span_start',
  read: (_db, row) => pick(row, MILESTONE_FIELDS),
  write: (db, id, fields) => update(db, 'milestones', id, fields, MILESTONE_FIELDS),
  insert(db, documentId, sentence, span, anchor, fields) {
    const p = provenanceOf(sentence, span, rulesVersionOf(db, documentId), anchor);
    const { start, end, ...rest } = p;
    return insertRow(db, 'milestones', {
      document_id: documentId,
      what: fields.what ?? sentence.text,
      start: fields.start ?? null,
      end: fields.end ?? null,
      recurring: fields.recurring ?? null,
      span_start: start,
      span_end: end,
      ...rest,
    });
  },
  label: (f) => `milestone ${f.what} ${f.start ?? '?'}–${f.end ?? '?'}`,
};

export const RECORD_KINDS: ReadonlyMap<RecordType, RecordKind> = new Map([quantity, department, responsibility, milestone].map((k) => [k.type, k]));

export function kindOf(type: RecordType): RecordKind {
  return RECORD_KINDS.get(type)!;
}

export function kindByPrefix(prefix: string): RecordKind | undefined {
  return [...RECORD_KINDS.values()].find((k) => k.prefix === prefix);
}

/** The reviewer-settable fields only (what agreement and conflict are judged on). */
export function comparable(kind: RecordKind, fields: Fields): Fields {
  return Object.fromEntries(kind.fields.map((n) => [n, normalise(fields[n])]));
}

export function sameFields(kind: RecordKind, a: Fields, b: Fields): boolean {
  return JSON.stringify(comparable(kind, a)) === JSON.stringify(comparable(kind, b));
}

/** Fields where a and b differ, as "value 10 → 100". */
export function differences(kind: RecordKind, from: Fields, to: Fields): string[] {
  const a = comparable(kind, from);
  const b = comparable(kind, to);
  return kind.fields.filter((n) => JSON.stringify(a[n]) !== JSON.stringify(b[n])).map((n) => `${n} ${show(a[n])} → ${show(b[n])}`);
}

export function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (Array.isArray(value)) return value.join('、') || '∅';
  return String(value);
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
