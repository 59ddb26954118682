/**
 * The only door to nodejieba. Its dictionaries are process-wide and load once
 * (loading takes far longer than cutting a whole plan), and domain terms
 * (高价值发明专利, 知识产权质押融资 …) must not be split: so every cut and tag in
 * the project goes through here, and the first of them, whichever it is, loads
 * the project's user dictionary. Calling nodejieba directly would load jieba's
 * own dictionary instead, and the words would depend on which code ran first.
 *
 * nodejieba itself is required at the first cut, so a command that imports a
 * module which can search or segment (the store, for `docs`) but never does
 * loads none of it.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DEFAULT_RULES_DIR } from '../rules/location.js';

type NodeJieba = typeof import('nodejieba');

/** The user dictionary of the default rules directory: what any cut uses unless a stage loaded another one. */
export const DEFAULT_USER_DICT = resolve(DEFAULT_RULES_DIR, 'userdict.utf8');

/**
 * jieba's load also reads an IDF table (6 MB) and stop words for keyword
 * extraction, which planlens never calls; it insists on a non-empty file for
 * each, so these one-line stand-ins spare the parse and the memory. Cutting
 * and tagging use only the main dictionary, the HMM model and the user
 * dictionary, which stay jieba's own.
 */
const UNUSED_IDF = resolve(DEFAULT_RULES_DIR, 'jieba-idf-unused.utf8');
const UNUSED_STOP_WORDS = resolve(DEFAULT_RULES_DIR, 'jieba-stop-words-unused.utf8');

let library: NodeJieba | null = null;
let loadedUserDict: string | null = null;

function nodejieba(): NodeJieba {
  library ??= createRequire(import.meta.url)('nodejieba') as NodeJieba;
  return library;
}

/**
 * Loads jieba's dictionaries with `userDict` unless already loaded. A stage
 * given another rules directory loads its dictionary here before cutting;
 * every later cut, tag and cutAll uses it.
 */
export function loadDictionaries(userDict: string): void {
  if (loadedUserDict === userDict) return;
  nodejieba().load({ userDict, idfDict: UNUSED_IDF, stopWordDict: UNUSED_STOP_WORDS });
  loadedUserDict = userDict;
}

/** The user dictionary loaded now (null before the first cut). */
export function loadedDictionary(): string | null {
  return loadedUserDict;
}

function ensureLoaded(): NodeJieba {
  if (loadedUserDict === null) loadDictionaries(DEFAULT_USER_DICT);
  return nodejieba();
}

/** Cuts text into words; the first call loads the dictionaries with `userDict`. */
export function cutWords(text: string, userDict: string): string[] {
  loadDictionaries(userDict);
  return mergeLatinRuns(nodejieba().cut(text));
}

/** jieba's words of `text` as it cuts them (blanks and digit runs as jieba leaves them). */
export function cut(text: string): string[] {
  return ensureLoaded().cut(text);
}

/** Every dictionary word inside `text` (jieba's full mode), for indexing compounds by their parts. */
export function cutAll(text: string): string[] {
  return ensureLoaded().cutAll(text);
}

/** jieba's words with their part-of-speech tags. */
export function tag(text: string): Array<{ word: string; tag: string }> {
  return ensureLoaded().tag(text);
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
