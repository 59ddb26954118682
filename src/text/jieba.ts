/**
 * The only door to jieba (@node-rs/jieba, jieba-rs compiled for Node). Its
 * dictionary loads once per process (loading takes far longer than cutting a
 * whole plan), and domain terms (高价值发明专利, 知识产权质押融资 …) must not be
 * split: so every cut and tag in the project goes through here, and the first
 * of them, whichever it is, loads jieba's dictionary with the project's user
 * dictionary on top.
 *
 * Chosen over nodejieba (issue 13): nodejieba builds its 349,000-word
 * dictionary into a trie twice (once more for a keyword extractor it always
 * constructs) — 0.85 s CPU and 223 MB per process, per worker thread — where
 * jieba-rs loads it once in 0.4 s and 130 MB, and cuts the segmentation golden
 * sentences word for word the same.
 *
 * The library is required at the first cut, so a command that imports a
 * module which can search or segment (the store, for `docs`) but never does
 * loads none of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DEFAULT_RULES_DIR } from '../rules/location.js';

type JiebaLibrary = typeof import('@node-rs/jieba');
type Jieba = InstanceType<JiebaLibrary['Jieba']>;

/** The user dictionary of the default rules directory: what any cut uses unless a stage loaded another one. */
export const DEFAULT_USER_DICT = resolve(DEFAULT_RULES_DIR, 'userdict.utf8');

/**
 * Frequency given to a user-dictionary word that states none: cppjieba's
 * default for user words is the median weight of its dictionary, and a word at
 * the median still outweighs the split into its parts.
 */
const USER_WORD_FREQUENCY = 3;

/** jieba's tag for a word it knows no part of speech for (nodejieba's and Python jieba's `x`; jieba-rs leaves it empty). */
const UNKNOWN_TAG = 'x';

let segmenter: Jieba | null = null;
let loadedUserDict: string | null = null;

/** User-dictionary lines as jieba-rs reads them: `word freq [tag]`, a frequency added where the line has none. */
function userDictionaryLines(path: string): string {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [word, second, third] = line.split(/\s+/);
      if (second !== undefined && /^\d+$/.test(second)) return line;
      return [word, USER_WORD_FREQUENCY, second ?? third].filter((part) => part !== undefined).join(' ');
    })
    .join('\n');
}

/**
 * Loads jieba's dictionary with `userDict` unless already loaded. A stage
 * given another rules directory loads its dictionary here before cutting;
 * every later cut, tag and cutAll uses it.
 */
export function loadDictionaries(userDict: string): void {
  if (loadedUserDict === userDict) return;
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as JiebaLibrary;
  // Read here, not through the package's dict module: that module also reads the keyword extractor's IDF table,
  // and the require cache would hold both files (11 MB) for the life of the process — per worker thread — after
  // jieba-rs has built its own copy of the dictionary.
  const next = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  next.loadDict(Buffer.from(userDictionaryLines(userDict), 'utf8'));
  segmenter = next;
  loadedUserDict = userDict;
}

/** The user dictionary loaded now (null before the first cut). */
export function loadedDictionary(): string | null {
  return loadedUserDict;
}

function ensureLoaded(): Jieba {
  if (segmenter === null) loadDictionaries(DEFAULT_USER_DICT);
  return segmenter!;
}

/** Cuts text into words; the first call loads the dictionaries with `userDict`. */
export function cutWords(text: string, userDict: string): string[] {
  loadDictionaries(userDict);
  return mergeLatinRuns(segmenter!.cut(text, false));
}

/** jieba's words of `text` as it cuts them (blanks and digit runs as jieba leaves them). */
export function cut(text: string): string[] {
  return ensureLoaded().cut(text, false);
}

/** Every dictionary word inside `text` (jieba's full mode), for indexing compounds by their parts. */
export function cutAll(text: string): string[] {
  return ensureLoaded().cutAll(text);
}

/** jieba's words with their part-of-speech tags (HMM on, as nodejieba tagged: unknown runs become words). */
export function tag(text: string): Array<{ word: string; tag: string }> {
  return ensureLoaded()
    .tag(text, true)
    .map(({ word, tag }) => ({ word, tag: tag === '' ? UNKNOWN_TAG : tag }));
}

const LATIN = /^[0-9A-Za-z.%]+$/;

/**
 * Drops blank words, and joins what jieba cuts digit by digit (2/0/2/5): a
 * figure or a Latin word is one word; a figure ends at its %. One pass, each
 * word tested once (this runs on every word of every document).
 */
function mergeLatinRuns(words: string[]): string[] {
  const merged: string[] = [];
  // The last merged word is Latin and does not end with %: a following Latin word joins it.
  let open = false;
  for (const word of words) {
    if (word.trim() === '') continue;
    const latin = LATIN.test(word);
    if (open && latin) merged[merged.length - 1] += word;
    else merged.push(word);
    open = latin && !word.endsWith('%');
  }
  return merged;
}
