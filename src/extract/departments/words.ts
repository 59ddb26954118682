/**
 * Word boundaries and part-of-speech tags from jieba, as offsets into the
 * tagged text. Unit names are recognised on character patterns, but a name
 * must begin and end on a word boundary: that is what keeps 市 in 全市/强市 and
 * 局 in 格局 from starting or ending a name.
 */
import * as jieba from '../../text/jieba.js';

/**
 * Loads the project's jieba user dictionary (once; shared with the segment
 * stage) so names are cut here exactly as the segmenter cuts them.
 */
export function useDictionary(userDictPath: string): void {
  jieba.loadDictionaries(userDictPath);
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
  pushTagged(text, 0, words);
  return indexWords(words);
}

function pushTagged(text: string, offset: number, words: TaggedWord[]): void {
  let cursor = 0;
  for (const { word, tag } of jieba.tag(text)) {
    const at = text.indexOf(word, cursor);
    // jieba drops nothing but may normalise whitespace; resynchronise on the text.
    if (at < 0) continue;
    words.push({ word, tag, start: offset + at, end: offset + at + word.length });
    cursor = at + word.length;
  }
}

/**
 * jieba (cppjieba) cuts its input into blocks at these characters and segments
 * each block on its own (SegmentBase.hpp, SPECIAL_SEPARATORS), so a block tags
 * the same alone as inside its line.
 */
const BLOCK = /[^ \t\n，。]+/gu;

/**
 * Tags only the blocks `wanted` keeps (those that could hold a unit name):
 * the words of those blocks are exactly the words tagWords(text) gives there.
 */
export function tagBlocks(text: string, wanted: (block: string) => boolean): WordIndex {
  const words: TaggedWord[] = [];
  for (const m of text.matchAll(BLOCK)) if (wanted(m[0])) pushTagged(m[0], m.index!, words);
  return indexWords(words);
}

function indexWords(words: TaggedWord[]): WordIndex {
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
