/**
 * The review library: the queue of records to look at, corrections that are
 * kept as an append-only history and re-applied to every (re-)stored version
 * of a document, and promotion of corrections into rule data. The CLI
 * (`planlens review`) and the web app call these same functions.
 */
export { listQueue, getItem, ReviewInputError, ReviewNotFound, type ReviewItem, type QueueFilters, type ItemFlag } from './queue.js';
export { accept, reject, edit, addRecord, undo, history, type Reviewer, type HistoryEntry, type AddRequest } from './corrections.js';
export { applyCorrections, CONFLICT_FLAG, type ApplySummary, type ReviewStatus, type ReviewCheck } from './apply.js';
export { normalisePatch, linkIndicator, type FieldPatch, type PatchContext } from './fields.js';
export { reviewedDocumentIds, isReviewedRecord } from './reviewed.js';
export { planPromotion, planGroupPromotion, writePromotion, type Promotion, type PromotionChange, type NewIndicator } from './promote.js';
export { loadProgress, saveProgress } from './progress.js';
