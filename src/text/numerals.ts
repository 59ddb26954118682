/**
 * Numbers as Chinese documents write them, read in one place for every stage:
 * Arabic with thousands separators and decimals (1,200.5), Chinese numerals
 * with place words (十四, 一百零二, 两千, 一万二千) or digit by digit as years
 * are written (二〇三五), circled list numbers (②) and full-width digits (２０２２).
 */

/** Arabic number source for RegExp (no groups). */
export const ARABIC_NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Chinese numeral source for RegExp (no groups). */
export const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千万亿]+';

// ○, Ｏ and O stand for 〇 in years typed by hand (二Ｏ二二年); the figure
// patterns (CHINESE_NUMBER) never capture them, dates and headings may.
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export function parseArabic(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/**
 * The one Chinese numeral reader: 十四 → 14, 一百零二 → 102, 两千 → 2000,
 * 一万二千 → 12000, 二〇三五 → 2035 (digits without place words are read digit
 * by digit); null when the text is not a numeral.
 */
export function parseChinese(text: string): number | null {
  if (text.length === 0) return null;
  // Digit-by-digit form (二〇三五) has no place words.
  if ([...text].every((c) => c in DIGITS)) {
    return text.length === 1 ? DIGITS[text]! : Number([...text].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else if (c in BIG_UNITS) {
      const unit = BIG_UNITS[c]!;
      section += digit ?? 0;
      // 万亿: a big unit right after another scales it (10⁴ × 10⁸), it adds nothing.
      if (section === 0 && total > 0) {
        total *= unit;
        digit = null;
        continue;
      }
      if (section === 0) section = 1;
      total = (total + section) * unit;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Arabic or Chinese, whichever the text is; null when neither. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t)) return parseArabic(t);
  return parseChinese(t);
}

export function isChineseNumeral(text: string): boolean {
  return /^[零〇一二两三四五六七八九十百千万亿]+$/.test(text);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** ① → 1 … ⑳ → 20; null for anything else. */
export function parseCircled(text: string): number | null {
  const index = CIRCLED.indexOf(text);
  return index === -1 ? null : index + 1;
}

/** Full-width digits → ASCII, so 〔２０２２〕 reads like 〔2022〕. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A list or heading number written the way a rule says (structure.yaml `numeral`). */
export function parseNumeral(text: string, kind: 'chinese' | 'arabic' | 'circled'): number | null {
  switch (kind) {
    case 'chinese':
      return parseChinese(text);
    case 'arabic': {
      const value = Number.parseInt(asciiDigits(text), 10);
      return Number.isNaN(value) ? null : value;
    }
    case 'circled':
      return parseCircled(text);
  }
}
