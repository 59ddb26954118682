/** Reading numbers as Chinese documents write them: 十四, 二〇二二, ②. */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十四 → 14, 二十一 → 21, 一百零二 → 102; null if not a Chinese numeral. */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch]!;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** Digit by digit, as years are written: 二〇二二 → 2022. */
export function parseChineseDigits(text: string): number | null {
  let value = 0;
  for (const ch of text) {
    if (!(ch in DIGITS)) return null;
    value = value * 10 + DIGITS[ch]!;
  }
  return text.length > 0 ? value : null;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function parseCircled(text: string): number | null {
  const index = CIRCLED.indexOf(text);
  return index === -1 ? null : index + 1;
}

/** Full-width digits → ASCII, so 〔２０２２〕 reads like 〔2022〕. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function parseNumeral(text: string, kind: 'chinese' | 'arabic' | 'circled'): number | null {
  switch (kind) {
    case 'chinese':
      return parseChineseNumber(text);
    case 'arabic': {
      const value = Number.parseInt(asciiDigits(text), 10);
      return Number.isNaN(value) ? null : value;
    }
    case 'circled':
      return parseCircled(text);
  }
}
