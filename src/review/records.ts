/**
 * How review reads, writes and inserts each kind of extraction record. What
 * the kinds are (table, prefix, fields, labels) is described once in
 * src/records; this module adds the database side, and everything else in
 * src/review works on these descriptions, so a fifth kind is one more entry
 * there and here.
 */
import {
  DEPARTMENT_FIELDS,
  MILESTONE_FIELDS,
  QUANTITY_DERIVED,
  QUANTITY_FIELDS,
  RECORD_SPECS,
  type Fields,
  type RecordKindSpec,
  type RecordType,
} from '../records/index.js';
import type { Db } from '../store/index.js';

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

export interface RecordKind extends RecordKindSpec {
  read(db: Db, row: Record<string, unknown>): Fields;
  write(db: Db, id: number, fields: Fields): void;
  insert(db: Db, documentId: number, sentence: SentenceRow, span: { start: number; end: number }, anchor: string, fields: Fields): number;
}

const spec = (type: RecordType): RecordKindSpec => RECORD_SPECS.get(type)!;

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
    db
      .prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...names.map((n) => sqlValue(values[n]))).lastInsertRowid,
  );
}

function rulesVersionOf(db: Db, documentId: number): string {
  return (db.prepare('SELECT rules_version FROM documents WHERE id = ?').get(documentId) as { rules_version: string }).rules_version;
}

function nextIdx(db: Db, table: string, documentId: number): number {
  return (db.prepare(`SELECT coalesce(max(idx), -1) + 1 AS n FROM ${table} WHERE document_id = ?`).get(documentId) as { n: number }).n;
}

const quantity: RecordKind = {
  ...spec('quantity'),
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
};

const department: RecordKind = {
  ...spec('department'),
  read: (_db, row) => pick(row, DEPARTMENT_FIELDS),
  write: (db, id, fields) => update(db, 'department_mentions', id, fields, DEPARTMENT_FIELDS),
  insert: (db, documentId, sentence, span, anchor, fields) =>
    insertRow(db, 'department_mentions', {
      document_id: documentId,
      ...pick(fields, DEPARTMENT_FIELDS),
      ...provenanceOf(sentence, span, rulesVersionOf(db, documentId), anchor),
    }),
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
  ...spec('responsibility'),
  read(db, row) {
    const units = db.prepare('SELECT role, name FROM responsibility_units WHERE responsibility_id = ? ORDER BY role, position').all(row.id) as Array<{
      role: string;
      name: string;
    }>;
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
};

const milestone: RecordKind = {
  ...spec('milestone'),
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
