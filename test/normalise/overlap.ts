/** How far two normalisations of one document agree: shared paragraphs and shared sentences. */
import type { DocumentState } from '../../src/core/state.js';
import { paragraphs } from './run-document.js';

const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** Share of `original`'s items that `other` also has (whitespace aside). */
function covered(original: string[], other: string[]): number {
  const have = new Set(other.map(squeeze));
  const wanted = [...new Set(original.map(squeeze))].filter((s) => s.length > 0);
  return wanted.length === 0 ? 1 : wanted.filter((s) => have.has(s)).length / wanted.length;
}

/** Sentences: runs ending in 。！？； or at a paragraph end. */
export function sentences(state: DocumentState): string[] {
  return paragraphs(state).flatMap((p) => p.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? []);
}

export interface Overlap {
  paragraphs: number;
  sentences: number;
}

export function overlap(original: DocumentState, other: DocumentState): Overlap {
  return {
    paragraphs: covered(paragraphs(original), paragraphs(other)),
    sentences: covered(sentences(original), sentences(other)),
  };
}
