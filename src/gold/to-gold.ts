/**
 * DocumentState → gold annotation format (test/fixtures/gold/FORMAT.md).
 * The evaluator scores this conversion and `planlens export --format gold`
 * writes it, so what is scored is exactly what a reviewer can read and edit
 * into a new gold file.
 */
import type { DocumentMetadata, Extractions, Milestone, QuantityRecord, Responsibility } from '../core/state.js';
import type { GoldDocumentFields, GoldFile, GoldMilestone, GoldQuantity, GoldResponsibility } from './schema.js';

/**
 * The part of a DocumentState the gold format is made of. A full pipeline
 * state is one; so is what src/export/read-store.ts reads back from the
 * database, which is how export and eval share this one conversion.
 */
export interface GoldSource extends Extractions {
  structure?: { metadata: DocumentMetadata };
}

export function toGold(state: GoldSource, fileName: string): GoldFile {
  // Only the fact record of each (indicator, year, kind): the others repeat a
  // figure the document states again in a table or a 专栏 box.
  const facts = (state.quantities ?? []).filter((q) => q.isFact);
  return {
    file: fileName,
    document: documentFields(state.structure?.metadata),
    targets: facts.filter((q) => q.kind === 'target').map(quantity),
    actuals: facts.filter((q) => q.kind === 'actual').map(quantity),
    responsibilities: (state.responsibilities ?? []).map(responsibility),
    implicit_support: uniqueNames(state.implicitSupport ?? []),
    milestones: (state.milestones ?? []).map(milestone),
    departments: uniqueNames((state.departments ?? []).map((d) => d.name)),
  };
}

/**
 * The gold format's level: a county is `district` there. The store and the
 * analyst views tell a county (县, 旗, county-level city) from a city's
 * district, but gold written to the shared FORMAT.md — ours and anyone
 * else's — has no `county`, and the two must stay comparable.
 */
export function goldLevel(level: DocumentMetadata['level'] | null): GoldDocumentFields['level'] {
  return level === 'county' ? 'district' : level;
}

function documentFields(meta: DocumentMetadata | undefined): GoldDocumentFields {
  return {
    title: meta?.title ?? null,
    region: meta?.region ?? null,
    level: goldLevel(meta?.level ?? null),
    issuer: meta?.issuer ?? null,
    doc_number: meta?.docNumber ?? null,
    issued: meta?.issued ?? null,
    period: meta?.period ?? null,
    type: meta?.type ?? null,
  };
}

function quantity(q: QuantityRecord): GoldQuantity {
  const out: GoldQuantity = {
    indicator: q.indicator,
    ...(q.indicatorId ? { canonical: q.indicatorId } : {}),
    value: q.value,
    unit: q.unit,
    comparator: q.comparator,
    year: q.year,
  };
  if (q.valueMax !== undefined) out.value_max = q.valueMax;
  if (q.period) out.period = q.period;
  if (q.cumulative) out.cumulative = true;
  if (q.perYear) out.per_year = true;
  if (q.qualitative) out.qualitative = q.qualitative;
  if (q.status) out.status = q.status;
  // The whole sentence: it contains the figure and shows a reviewer the context.
  out.quote = q.provenance.sentence;
  return out;
}

function responsibility(r: Responsibility): GoldResponsibility {
  const out: GoldResponsibility = { task: r.task, lead: [...r.lead], support: [...r.support] };
  if (r.roles === 'unsplit') out.roles = 'unsplit';
  return out;
}

function milestone(m: Milestone): GoldMilestone {
  return { what: m.what, start: m.start, end: m.end };
}

function uniqueNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
}
