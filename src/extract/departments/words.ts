/**
 * Word boundaries and part-of-speech tags from jieba, as offsets into the
 * tagged text. Unit names are recognised on character patterns, but a name
 * must begin and end on a word boundary: that is what keeps 市 in 全市/强市 and
 * 局 in 格局 from starting or ending a name.
 */
import jieba from 'nodejieba';
import { cutWords } from '../../segment/jieba.js';

/**
 * Loads the project's jieba user dictionary (once; shared with the segment
 * stage) so names are cut here exactly as the segmenter cuts them.
 */
export function useDictionary(userDictPath: string): void {
  cutWords('', userDictPath);
}

export interface TaggedWord {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export interface WordIndex {
  words: TaggedWord[];
  /** Word starting at this offset. */
  startingAt: Map<number, TaggedWord>;
  /** Word ending at this offset (exclusive end). */
  endingAt: Map<number, TaggedWord>;
}

export function tagWords(text: string): WordIndex {
  const words: TaggedWord[] = [];
  let cursor = 0;
  for (const { word, tag } of jieba.tag(text)) {
    const at = text.indexOf(word, cursor);
    // jieba drops nothing but may normalise whitespace; resynchronise on the text.
    if (at < 0) continue;
    words.push({ word, tag, start: at, end: at + word.length });
    cursor = at + word.length;
  }
  return {
    words,
    startingAt: new Map(words.map((w) => [w.start, w])),
    endingAt: new Map(words.map((w) => [w.end, w])),
  };
}

/** Proper-noun tags: place (ns), person-like names jieba gives old place names (nr), organisation (nt), other (nz). */
export function isProperNoun(tag: string): boolean {
  return tag === 'ns' || tag === 'nr' || tag === 'nt' || tag === 'nz';
}
