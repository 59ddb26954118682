/**
 * Character folding that keeps string length, so offsets found in the folded
 * text are offsets in the original (the normaliser may or may not have folded
 * full-width forms already; extraction must work either way).
 */
export function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULL_WIDTH.has(ch)) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

// Chinese punctuation that carries meaning for clause splitting and stays as
// written: （…）, ，；： are matched in their full-width forms by the rules.
const KEEP_FULL_WIDTH = new Set(['（', '）', '，', '；', '：', '！', '？']);
