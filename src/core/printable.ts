/**
 * Text from outside (file names above all) as it may be printed: control
 * characters escaped, so a name holding a newline stays on its line and
 * cannot forge output ("evil\nINJECTED: stored as document 99"), and a
 * name holding ESC cannot drive the terminal. Line and paragraph separators
 * and bidirectional overrides are escaped for the same reasons.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
