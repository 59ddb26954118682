/**
 * The batch's persist step: store one processed document and re-apply the
 * reviewers' corrections (kept by content hash and anchor) to its fresh rows,
 * in ONE transaction, so a document is never visible without its corrections
 * and a failure half-way leaves the database as it was. Store and review stay
 * independent of each other; this step is where they meet.
 */
import type { DocumentState } from '../core/state.js';
import { applyCorrections } from '../review/index.js';
import { documentFingerprint, storeDocument, type Db, type StoreContext, type StoredDocument } from '../store/index.js';

export function persistDocument(db: Db, state: DocumentState, context: StoreContext): StoredDocument {
  // Hashing is pure computation: do it before the write lock is taken.
  const fingerprint = documentFingerprint(state);
  return db
    .transaction(() => {
      const stored = storeDocument(db, state, context, fingerprint);
      applyCorrections(db, stored.documentId);
      return stored;
    })
    .immediate();
}
