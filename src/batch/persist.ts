/**
 * The batch's persist step: store one processed document and re-apply the
 * reviewers' corrections (kept by content hash and anchor) to its fresh rows,
 * in ONE transaction, so a document is never visible without its corrections
 * and a failure half-way leaves the database as it was. Store and review stay
 * independent of each other; this step is where they meet.
 */
// apply.js, not the review barrel: the barrel brings the rule-file editor (promote.ts) and its YAML parser into every ingest.
import { applyCorrections } from '../review/apply.js';
import { documentFingerprint, isStored, storeDocument, type Db, type StorableDocument, type StoreContext, type StoredDocument } from '../store/index.js';

/**
 * `unlessStored`: store nothing (null) if the content was stored meanwhile,
 * by another process writing to the same database — checked under the write
 * lock, so two writers never both count the same document as theirs.
 */
export function persistDocument(db: Db, state: StorableDocument, context: StoreContext, options: { unlessStored?: boolean } = {}): StoredDocument | null {
  // Hashing is pure computation: do it before the write lock is taken.
  const fingerprint = documentFingerprint(state);
  return db
    .transaction(() => {
      if (options.unlessStored && isStored(db, state.source.sha256)) return null;
      const stored = storeDocument(db, state, context, fingerprint);
      applyCorrections(db, stored.documentId);
      return stored;
    })
    .immediate();
}
