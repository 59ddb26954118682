/**
 * nodejieba, loaded once per process with our user dictionary: loading the
 * dictionaries takes far longer than cutting a whole plan, and domain terms
 * (高价值发明专利, 知识产权质押融资 …) must not be split.
 */
import nodejieba from 'nodejieba';

let loadedUserDict: string | null = null;

/** Loads jieba's dictionaries with `userDict` unless already loaded (cutWords does this on first use). */
export function loadDictionaries(userDict: string): void {
  if (loadedUserDict === userDict) return;
  nodejieba.load({ userDict });
  loadedUserDict = userDict;
}

/** Cuts text into words; the first call loads the dictionaries with `userDict`. */
export function cutWords(text: string, userDict: string): string[] {
  loadDictionaries(userDict);
  return mergeLatinRuns(nodejieba.cut(text));
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
