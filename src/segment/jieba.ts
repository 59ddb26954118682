/**
 * nodejieba, loaded once per process with our user dictionary: loading the
 * dictionaries takes far longer than cutting a whole plan, and domain terms
 * (高价值发明专利, 知识产权质押融资 …) must not be split.
 */
import nodejieba from 'nodejieba';

let loadedUserDict: string | null = null;

/** Cuts text into words; the first call loads the dictionaries with `userDict`. */
export function cutWords(text: string, userDict: string): string[] {
  if (loadedUserDict !== userDict) {
    nodejieba.load({ userDict });
    loadedUserDict = userDict;
  }
  return mergeLatinRuns(nodejieba.cut(text).filter((word) => word.trim() !== ''));
}

const LATIN = /^[0-9A-Za-z.%]+$/;

/** jieba cuts figures digit by digit (2/0/2/5); a figure or a Latin word is one word. */
function mergeLatinRuns(words: string[]): string[] {
  const merged: string[] = [];
  for (const word of words) {
    const last = merged[merged.length - 1];
    if (last !== undefined && LATIN.test(last) && LATIN.test(word) && !last.endsWith('%')) merged[merged.length - 1] = last + word;
    else merged.push(word);
  }
  return merged;
}
