/**
 * A stable key for an extracted span: hash of the sentence text plus where the
 * span sits inside the sentence. It survives re-runs, rule changes and the
 * same sentence moving within the document, so a reviewer's correction keyed
 * on (document sha256, anchor) still finds its record next time.
 */
import { createHash } from 'node:crypto';
import type { Provenance, Sentence } from '../core/state.js';

export function anchorOf(provenance: Provenance, sentences: readonly Sentence[] | undefined): string {
  const sentenceStart = sentences?.[provenance.sentenceIndex]?.start;
  const sentenceHash = createHash('sha1').update(provenance.sentence).digest('hex').slice(0, 16);
  // Fall back to the span's offset in the document when the sentence is unknown.
  const offset = sentenceStart === undefined ? provenance.start : provenance.start - sentenceStart;
  return `${sentenceHash}:${offset}:${provenance.end - provenance.start}`;
}
