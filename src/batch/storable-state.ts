/**
 * What the persist step reads of a processed document, and nothing more.
 *
 * A worker thread sends its result to the main thread by structured clone:
 * every byte is copied, on the thread that also writes the database, and a
 * class instance arrives without its methods. The reader's blocks and source
 * text, the normalised blocks, page starts and offset map (an OffsetMap
 * instance) serve the stages, not the store, so they stay behind; each
 * sentence's words travel as its full-text column, one string (the writer
 * then needs no jieba of its own). StorableDocument (the store's own type)
 * keeps this list and the writer in step. A batch in one thread stores the
 * same, so both paths write the same rows and let the rest go as early.
 */
import type { DocumentState } from '../core/state.js';
import { storableSegments, type StorableDocument } from '../store/index.js';

export function storableState(state: DocumentState): StorableDocument {
  const { source, messages, raw, normalised, structure, segments, quantities, responsibilities, implicitSupport, listedUnits, departments, milestones } = state;
  return {
    source,
    messages,
    ...(raw && { raw: { pages: raw.pages, encoding: raw.encoding } }),
    ...(normalised && { normalised: { text: normalised.text } }),
    ...(structure && { structure }),
    ...(segments && { segments: storableSegments(segments) }),
    // Each extraction stage's records (records/ lists the kinds the store writes).
    ...(quantities && { quantities }),
    ...(responsibilities && { responsibilities }),
    ...(implicitSupport && { implicitSupport }),
    ...(listedUnits && { listedUnits }),
    ...(departments && { departments }),
    ...(milestones && { milestones }),
  };
}
