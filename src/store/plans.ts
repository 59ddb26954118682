/**
 * Plans and renderings. One plan may arrive as .docx, .txt and .pdf: each is a
 * document (its own bytes, pages, offsets) and all of them point at one plan.
 * Which plan a new document belongs to is decided on its normalised text
 * (fingerprint.ts), never on file names or hashes.
 */
import { bands, fromBlob, SAME_PLAN_THRESHOLD, similarity } from './fingerprint.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

/**
 * Views count each plan once, through its primary rendering. docx first: it
 * carries real tables and heading styles, so structure and table extraction
 * are most reliable; txt next: exact characters but tables flattened; pdf
 * last: page furniture, broken lines and extraction artefacts.
 */
const FORMAT_PREFERENCE = "CASE format WHEN 'docx' THEN 0 WHEN 'txt' THEN 1 ELSE 2 END";

/**
 * A file edited in place (same path, new content) is a new version of that
 * rendering: the old one is kept for history but is never primary while the
 * newer version of its path is in the same plan.
 */
const SUPERSEDED = `EXISTS (SELECT 1 FROM documents newer
  WHERE newer.plan_id = documents.plan_id AND newer.path = documents.path AND newer.id > documents.id)`;

const MAX_CANDIDATES = 16;

export interface PlanMatch {
  planId: number;
  /** Similarity to the closest rendering already in the plan; null for a new plan. */
  similarity: number | null;
}

/** Indexes the document's fingerprint and attaches it to a plan (an existing one when near-identical). */
export function assignPlan(db: Db, documentId: number, fingerprint: Uint32Array): PlanMatch {
  const keys = bands(fingerprint);
  const insertBand = stmt(db, 'INSERT OR IGNORE INTO document_bands (document_id, band, hash) VALUES (?, ?, ?)');
  const findBand = stmt(db, 'SELECT document_id FROM document_bands WHERE band = ? AND hash = ? AND document_id != ?');
  // Candidates by number of shared bands: more shared bands, more similar.
  const sharedBands = new Map<number, number>();
  keys.forEach((hash, band) => {
    for (const row of findBand.all(band, hash, documentId) as Array<{ document_id: number }>) {
      sharedBands.set(row.document_id, (sharedBands.get(row.document_id) ?? 0) + 1);
    }
    insertBand.run(documentId, band, hash);
  });
  // Only the closest few are compared in full, so a plan with thousands of
  // copies costs no more per new document than a plan with three.
  const candidates = [...sharedBands]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([id]) => id);

  let best: { planId: number; similarity: number } | null = null;
  const candidate = stmt(db, 'SELECT plan_id, fingerprint FROM documents WHERE id = ?');
  for (const id of candidates) {
    const row = candidate.get(id) as { plan_id: number | null; fingerprint: Buffer } | undefined;
    if (!row || row.plan_id === null) continue;
    const score = similarity(fingerprint, fromBlob(row.fingerprint));
    if (score >= SAME_PLAN_THRESHOLD && (!best || score > best.similarity)) best = { planId: row.plan_id, similarity: score };
  }

  const planId = best ? best.planId : Number(stmt(db, 'INSERT INTO plans DEFAULT VALUES').run().lastInsertRowid);
  stmt(db, 'UPDATE documents SET plan_id = ?, plan_similarity = ? WHERE id = ?').run(planId, best?.similarity ?? null, documentId);
  choosePrimary(db, planId);
  return { planId, similarity: best?.similarity ?? null };
}

/** Picks the plan's primary rendering and copies its metadata onto the plan. */
export function choosePrimary(db: Db, planId: number): void {
  const primary = stmt(
    db,
    `SELECT id, title, region, region_code, level, type, period_start, period_end FROM documents
     WHERE plan_id = ? ORDER BY ${SUPERSEDED}, ${FORMAT_PREFERENCE}, id LIMIT 1`,
  ).get(planId) as Record<string, unknown> | undefined;
  if (!primary) {
    stmt(db, 'DELETE FROM plans WHERE id = ?').run(planId);
    return;
  }
  stmt(
    db,
    `UPDATE plans SET primary_document_id = @id, title = @title, region = @region, region_code = @region_code,
       level = @level, type = @type, period_start = @period_start, period_end = @period_end WHERE id = @plan_id`,
  ).run({ ...primary, plan_id: planId });
}
