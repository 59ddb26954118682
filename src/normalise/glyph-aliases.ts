/**
 * Code points that stand for ordinary characters because a font draws both
 * with one glyph. A PDF's text layer maps each glyph back to one code point,
 * often the rare one: 人 comes out as ⼈ (U+2F08 KANGXI RADICAL MAN), 民 as ⺠
 * (U+2EA0), 长 as ⻓ (U+2ED3), the dash of 2026—2030 as ― (U+2015 HORIZONTAL
 * BAR). Such text reads the same on screen but matches no rule, no department
 * and no range. Running Chinese text never uses the radical code points, so
 * each is read as the character it is drawn as.
 */

/**
 * Kangxi radicals (U+2F00–U+2FD5) are compatibility characters: NFKC gives the
 * ideograph. Two give a form mainland text does not use, where a simplified-
 * Chinese font draws the common one: 戶 (door) and 靑 (blue).
 */
const KANGXI_FOR_MAINLAND_TEXT: Readonly<Record<string, string>> = { '\u2f3e': '户', '\u2fad': '青' };

/**
 * CJK Radicals Supplement forms (U+2E80–U+2EF3) that are whole characters,
 * mostly the simplified ones; Unicode gives most of them no decomposition.
 * Component-only forms (亻-like 2E85, 氵-like 2EA1) are left alone: no font
 * draws a running-text character with them.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e92': '巳',
  '\u2e93': '幺',
  '\u2e9c': '日',
  '\u2e9d': '月',
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea9': '王',
  '\u2eb6': '羊',
  '\u2ebb': '聿',
  '\u2ebd': '臼',
  '\u2ec1': '虎',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef1': '龜',
  '\u2ef3': '龟',
};

/**
 * Punctuation drawn alike: ― (U+2015) is the dash (破折号, range dash) that
 * CJK fonts share with — (U+2014), and that some GB 2312 converters give for
 * it; the rules read —.
 */
const PUNCTUATION: Readonly<Record<string, string>> = { '\u2015': '—' };

/** Every alias (one UTF-16 unit each, so offsets stay). */
export const GLYPH_ALIAS = new RegExp(`[\\u2f00-\\u2fd5${Object.keys(SUPPLEMENT).join('')}${Object.keys(PUNCTUATION).join('')}]`, 'g');

/** The usual character for an alias matched by GLYPH_ALIAS. */
export function usualCharacter(alias: string): string {
  return KANGXI_FOR_MAINLAND_TEXT[alias] ?? SUPPLEMENT[alias] ?? PUNCTUATION[alias] ?? alias.normalize('NFKC');
}
