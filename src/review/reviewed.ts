/**
 * Which stored records and documents a person has reviewed: what
 * `export --format gold --reviewed` writes.
 */
import type { Db } from '../store/index.js';
import { RECORD_KINDS } from './records.js';

/** Statuses a reviewer vouches for (rejected records are reviewed, but not facts). */
export const VOUCHED_STATUSES = ['accepted', 'corrected', 'added'] as const;

export function isReviewedRecord(status: string | null): boolean {
  return status !== null && (VOUCHED_STATUSES as readonly string[]).includes(status);
}

/** Documents with at least one record a reviewer accepted, corrected or added, by id. */
export function reviewedDocumentIds(db: Db): number[] {
  const statuses = VOUCHED_STATUSES.map((s) => `'${s}'`).join(', ');
  const union = [...RECORD_KINDS.values()].map((k) => `SELECT document_id FROM ${k.table} WHERE review_status IN (${statuses})`).join(' UNION ');
  return (db.prepare(`SELECT DISTINCT document_id FROM (${union}) ORDER BY document_id`).all() as Array<{ document_id: number }>).map((r) => r.document_id);
}
