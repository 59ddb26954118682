/**
 * How review reads, writes and inserts each kind of extraction record. What
 * the kinds are (table, prefix, fields, labels) is described once in
 * src/records; this module reads, corrects and adds rows from those
 * descriptions, so a fifth kind needs nothing here.
 */
import { RECORD_SPECS, type Fields, type RecordKindSpec, type RecordType } from '../records/index.js';
import { provenanceRow } from '../records/provenance.js';
import type { Provenance } from '../core/state.js';
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
function provenanceOf(kind: RecordKindSpec, sentence: SentenceRow, span: { start: number; end: number }, rulesVersion: string, anchor: string) {
  const cell = sentence.cell_table === null ? undefined : { table: sentence.cell_table, row: sentence.cell_row!, col: sentence.cell_col! };
  const provenance: Provenance = {
    sectionPath: sentence.section_path,
    page: sentence.page,
    start: sentence.start + span.start,
    end: sentence.start + span.end,
    sentence: sentence.text,
    sentenceIndex: sentence.idx,
    cell,
    rule: RULE_ADDED,
  };
  return provenanceRow(kind, provenance, { rulesVersion, anchor });
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

/** Name lists (responsibility units) are rows of their own; the record's fields hold them as arrays of names. */
function readNameLists(db: Db, kind: RecordKindSpec, id: unknown): Fields {
  const lists = kind.nameLists;
  if (!lists) return {};
  const rows = db.prepare(`SELECT role, name FROM ${lists.table} WHERE ${lists.key} = ? ORDER BY role, position`).all(id) as Array<{
    role: string;
    name: string;
  }>;
  return Object.fromEntries(lists.roles.map((role) => [role, rows.filter((u) => u.role === role).map((u) => u.name)]));
}

function writeNameLists(db: Db, kind: RecordKindSpec, id: number, fields: Fields): void {
  const lists = kind.nameLists;
  if (!lists || !lists.roles.some((role) => role in fields)) return;
  const documentId = (db.prepare(`SELECT document_id FROM ${kind.table} WHERE id = ?`).get(id) as { document_id: number }).document_id;
  // A unit links to the canonical department its name was linked to elsewhere in the document.
  const canonical = db.prepare('SELECT canonical_id FROM department_mentions WHERE document_id = ? AND name = ? AND canonical_id IS NOT NULL LIMIT 1');
  const insert = db.prepare(`INSERT INTO ${lists.table} (${lists.key}, role, position, name, canonical_id) VALUES (?, ?, ?, ?, ?)`);
  for (const role of lists.roles) {
    if (!(role in fields)) continue;
    db.prepare(`DELETE FROM ${lists.table} WHERE ${lists.key} = ? AND role = ?`).run(id, role);
    ((fields[role] as string[] | null) ?? []).forEach((name, position) => {
      const link = canonical.get(documentId, name) as { canonical_id: string } | undefined;
      insert.run(id, role, position, name, link?.canonical_id ?? null);
    });
  }
}

/** The columns of the kind's own row: its fields and derived fields, less the name lists kept beside it. */
function ownColumns(kind: RecordKindSpec): string[] {
  return [...kind.fields, ...kind.derived].filter((n) => !kind.nameLists?.roles.includes(n));
}

/** Reading, correcting and adding records of one kind, from its description in src/records. */
function recordKind(spec: RecordKindSpec): RecordKind {
  return {
    ...spec,
    read: (db, row) => ({ ...pick(row, ownColumns(spec)), ...readNameLists(db, spec, row.id) }),
    write(db, id, fields) {
      update(db, spec.table, id, fields, ownColumns(spec));
      writeNameLists(db, spec, id, fields);
    },
    insert(db, documentId, sentence, span, anchor, fields) {
      const id = insertRow(db, spec.table, {
        document_id: documentId,
        ...(spec.indexed ? { idx: nextIdx(db, spec.table, documentId) } : {}),
        ...pick(fields, ownColumns(spec)),
        ...spec.addedDefaults?.(fields, sentence.text),
        ...provenanceOf(spec, sentence, span, rulesVersionOf(db, documentId), anchor),
      });
      if (spec.nameLists) writeNameLists(db, spec, id, Object.fromEntries(spec.nameLists.roles.map((role) => [role, fields[role] ?? []])));
      return id;
    },
  };
}

export const RECORD_KINDS: ReadonlyMap<RecordType, RecordKind> = new Map([...RECORD_SPECS.values()].map((spec) => [spec.type, recordKind(spec)]));

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
