/**
 * Where a reviewer's interactive session stopped, so the next session goes on
 * from there. Kept as the item's document and place in it, not its row id,
 * which changes when the document is re-ingested.
 */
import type { Db } from '../store/index.js';

export interface Place {
  documentId: number;
  /** Sentence index × 100000 + offset in the sentence: document order. */
  order: number;
}

export function loadProgress(db: Db, reviewer: string): Place | null {
  const row = db.prepare('SELECT item FROM review_progress WHERE reviewer = ?').get(reviewer) as { item: string } | undefined;
  return row ? (JSON.parse(row.item) as Place) : null;
}

export function saveProgress(db: Db, reviewer: string, place: Place): void {
  db.prepare(
    `INSERT INTO review_progress (reviewer, item, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(reviewer) DO UPDATE SET item = excluded.item, updated_at = excluded.updated_at`,
  ).run(reviewer, JSON.stringify(place), new Date().toISOString());
}

export function placeOf(item: { documentId: number; sentenceIndex: number | null; span: { start: number } | null }): Place {
  return { documentId: item.documentId, order: (item.sentenceIndex ?? -1) * 100000 + (item.span?.start ?? 0) };
}

/** Items from the one after `place` on, then the ones before it (a session goes round once). */
export function resumeOrder<T extends { documentId: number; sentenceIndex: number | null; span: { start: number } | null }>(
  items: T[],
  place: Place | null,
): T[] {
  if (!place) return items;
  const after = (p: Place) => p.documentId > place.documentId || (p.documentId === place.documentId && p.order > place.order);
  const i = items.findIndex((item) => after(placeOf(item)));
  return i < 0 ? items : [...items.slice(i), ...items.slice(0, i)];
}
