/**
 * Reads a stored document's metadata and extractions back into the shape
 * the pipeline produced (a GoldSource), so exports convert stored documents
 * with the same code that converts a fresh pipeline run.
 */
import type { DocumentMetadata, DocumentType, Extractions, Provenance, QuantityRecord, RegionLevel } from '../core/state.js';
import { VOUCHED_STATUSES } from '../review/reviewed.js';
import type { Db } from '../store/index.js';
import type { GoldSource } from '../gold/index.js';

export interface StoredDocumentRef {
  id: number;
  path: string;
  format: string;
  planId: number | null;
}

/**
 * One rendering per plan (its primary), plus documents not grouped into a
 * plan: a gold file describes a document, not each of its renderings.
 */
export function exportableDocuments(db: Db): StoredDocumentRef[] {
  return db
    .prepare(
      `SELECT d.id, d.path, d.format, d.plan_id AS planId FROM documents d LEFT JOIN plans p ON p.id = d.plan_id
       WHERE d.plan_id IS NULL OR p.primary_document_id = d.id OR p.primary_document_id IS NULL
       ORDER BY d.path, d.id`,
    )
    .all() as StoredDocumentRef[];
}

interface ProvenanceRow {
  section_path: string;
  page: number | null;
  start: number;
  end: number;
  sentence: string;
  sentence_idx: number;
  cell_table: number | null;
  cell_row: number | null;
  cell_col: number | null;
  rule: string;
}

function provenance(row: ProvenanceRow): Provenance {
  return {
    sectionPath: row.section_path,
    page: row.page,
    start: row.start,
    end: row.end,
    sentence: row.sentence,
    sentenceIndex: row.sentence_idx,
    ...(row.cell_table !== null && row.cell_row !== null && row.cell_col !== null
      ? { cell: { table: row.cell_table, row: row.cell_row, col: row.cell_col } }
      : {}),
    rule: row.rule,
  };
}

const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export interface ReadOptions {
  /** Only records a reviewer accepted, corrected or added (\`export --format gold --reviewed\`). */
  reviewedOnly?: boolean;
}

/** Row filter: rejected records are never exported; with reviewedOnly, only vouched-for ones (src/review/reviewed.ts). */
function reviewFilter(options: ReadOptions): string {
  return options.reviewedOnly ? ` AND review_status IN (${VOUCHED_STATUSES.map((s) => `'${s}'`).join(', ')})` : ` AND review_status IS NOT 'rejected'`;
}

export function readStoredDocument(db: Db, documentId: number, options: ReadOptions = {}): GoldSource {
  const doc = db
    .prepare('SELECT title, region, region_code, level, issuer, doc_number, issued, period_start, period_end, type FROM documents WHERE id = ?')
    .get(documentId) as Record<string, string | number | null> | undefined;
  if (!doc) throw new Error(`document ${documentId} not found in the database`);
  const metadata: DocumentMetadata = {
    title: doc.title as string | null,
    region: doc.region as string | null,
    regionCode: doc.region_code as string | null,
    level: doc.level as RegionLevel | null,
    regionParents: [],
    issuer: doc.issuer as string | null,
    docNumber: doc.doc_number as string | null,
    issued: doc.issued as string | null,
    period: doc.period_start !== null && doc.period_end !== null ? [doc.period_start as number, doc.period_end as number] : null,
    type: doc.type as DocumentType | null,
  };
  return { structure: { metadata }, ...readExtractions(db, documentId, reviewFilter(options)) };
}

function readExtractions(db: Db, documentId: number, only: string): Extractions {
  const quantities = (
    db.prepare(`SELECT * FROM quantities WHERE document_id = ?${only} ORDER BY idx`).all(documentId) as Array<Record<string, unknown> & ProvenanceRow>
  ).map((q): QuantityRecord => ({
    kind: q.kind as 'target' | 'actual',
    indicator: q.indicator as string,
    indicatorId: q.indicator_id as string | null,
    measureVerb: optional(q.measure_verb as string | null),
    measureKind: optional(q.measure_kind as QuantityRecord['measureKind'] | null),
    scope: optional(q.scope as string | null),
    value: q.value as number | null,
    valueMax: optional(q.value_max as number | null),
    unit: q.unit as string | null,
    comparator: q.comparator as QuantityRecord['comparator'],
    year: q.year as number | null,
    period: q.period_start !== null && q.period_end !== null ? [q.period_start as number, q.period_end as number] : undefined,
    cumulative: q.cumulative === 1 ? true : undefined,
    perYear: q.per_year === 1 ? true : undefined,
    qualitative: optional(q.qualitative as string | null),
    status: optional(q.status as string | null),
    valueBase: q.value_base as number | null,
    unitBase: q.unit_base as string | null,
    isFact: q.is_fact === 1,
    flags: JSON.parse(q.flags as string),
    provenance: provenance(q),
  }));

  const departments = (
    db.prepare(`SELECT * FROM department_mentions WHERE document_id = ?${only} ORDER BY id`).all(documentId) as Array<
      ProvenanceRow & { name: string; canonical_id: string | null; canonical_name: string | null }
    >
  ).map((d) => ({ name: d.name, canonicalId: d.canonical_id, canonicalName: d.canonical_name, provenance: provenance(d) }));

  const units = db.prepare('SELECT role, name FROM responsibility_units WHERE responsibility_id = ? ORDER BY role, position');
  const responsibilities = (
    db.prepare(`SELECT * FROM responsibilities WHERE document_id = ?${only} ORDER BY idx`).all(documentId) as Array<
      ProvenanceRow & { id: number; task: string; roles: 'split' | 'unsplit' }
    >
  ).map((r) => {
    const rows = units.all(r.id) as Array<{ role: 'lead' | 'support'; name: string }>;
    return {
      task: r.task,
      sectionPath: r.section_path,
      lead: rows.filter((u) => u.role === 'lead').map((u) => u.name),
      support: rows.filter((u) => u.role === 'support').map((u) => u.name),
      roles: r.roles,
      provenance: provenance(r),
    };
  });

  const implicitSupport = (
    db.prepare('SELECT name FROM implicit_support WHERE document_id = ? ORDER BY position').all(documentId) as Array<{ name: string }>
  ).map((r) => r.name);

  // Milestones keep their span in span_start/span_end ("start"/"end" are the dates).
  const milestones = (
    db.prepare(`SELECT * FROM milestones WHERE document_id = ?${only} ORDER BY id`).all(documentId) as Array<
      Omit<ProvenanceRow, 'start' | 'end'> & {
        what: string;
        start: string | null;
        end: string | null;
        recurring: string | null;
        span_start: number;
        span_end: number;
      }
    >
  ).map((m) => ({
    what: m.what,
    start: m.start,
    end: m.end,
    recurring: optional(m.recurring),
    provenance: provenance({ ...m, start: m.span_start, end: m.span_end }),
  }));

  return { quantities, departments, responsibilities, implicitSupport, milestones };
}
