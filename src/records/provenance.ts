/**
 * The provenance columns every extraction table carries, defined once: where
 * the record was found (section, page, span, sentence, table cell), the rule
 * that found it, the rules version and the anchor corrections are keyed to.
 * The store writes them from a record's Provenance (store/write-document.ts),
 * review writes them for a record a reviewer adds (review/records.ts), and a
 * migration creating a new record table declares them with
 * `provenanceColumnsSql`. Migration 1 wrote the four first tables' columns by
 * hand (a released migration never changes); test/records/provenance.test.ts
 * checks those tables against this definition.
 */
import type { Provenance } from '../core/state.js';
import type { Fields, RecordKindSpec } from './index.js';

/** What the store adds to a record's own provenance when it writes the row. */
export interface ProvenanceContext {
  rulesVersion: string;
  /** store/anchor.ts anchorOf: the record's source span, as corrections key it. */
  anchor: string;
}

interface ProvenanceColumn {
  /** The column; `position` and `spanEnd` are the kind's own span columns (start/end, or span_start/span_end for milestones). */
  name: string | 'position' | 'spanEnd';
  sql: string;
  value(p: Provenance, context: ProvenanceContext): unknown;
}

/** In table order. */
const PROVENANCE: readonly ProvenanceColumn[] = [
  { name: 'section_path', sql: 'TEXT NOT NULL', value: (p) => p.sectionPath },
  { name: 'page', sql: 'INTEGER', value: (p) => p.page ?? null },
  { name: 'position', sql: 'INTEGER NOT NULL', value: (p) => p.start },
  { name: 'spanEnd', sql: 'INTEGER NOT NULL', value: (p) => p.end },
  { name: 'sentence', sql: 'TEXT NOT NULL', value: (p) => p.sentence },
  { name: 'sentence_idx', sql: 'INTEGER NOT NULL', value: (p) => p.sentenceIndex },
  { name: 'cell_table', sql: 'INTEGER', value: (p) => p.cell?.table ?? null },
  { name: 'cell_row', sql: 'INTEGER', value: (p) => p.cell?.row ?? null },
  { name: 'cell_col', sql: 'INTEGER', value: (p) => p.cell?.col ?? null },
  { name: 'rule', sql: 'TEXT NOT NULL', value: (p) => p.rule },
  { name: 'rules_version', sql: 'TEXT NOT NULL', value: (_p, c) => c.rulesVersion },
  { name: 'anchor', sql: 'TEXT NOT NULL', value: (_p, c) => c.anchor },
];

type SpanColumns = Pick<RecordKindSpec, 'position' | 'spanEnd'>;

function columnName(column: ProvenanceColumn, kind: SpanColumns): string {
  if (column.name === 'position') return kind.position;
  if (column.name === 'spanEnd') return kind.spanEnd;
  return column.name;
}

/** The provenance columns of a kind's table, with their SQL types, in table order. */
export function provenanceColumns(kind: SpanColumns): Array<{ name: string; sql: string }> {
  return PROVENANCE.map((c) => ({ name: columnName(c, kind), sql: c.sql }));
}

/** The column definitions for a new record table's CREATE TABLE: `"section_path" TEXT NOT NULL, …`. */
export function provenanceColumnsSql(kind: SpanColumns): string {
  return provenanceColumns(kind)
    .map((c) => `"${c.name}" ${c.sql}`)
    .join(', ');
}

/** A record's provenance as the columns of its row. */
export function provenanceRow(kind: SpanColumns, p: Provenance, context: ProvenanceContext): Fields {
  return Object.fromEntries(PROVENANCE.map((c) => [columnName(c, kind), c.value(p, context)]));
}
