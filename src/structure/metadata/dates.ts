/** Dates as signatures write them: 2022年6月16日 or 二〇二二年六月十六日. */
import { asciiDigits, parseChinese } from '../../text/numerals.js';

const ARABIC = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const CHINESE = /([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u;

export interface FoundDate {
  iso: string;
  /** Text before the date on its line (a signature may share the line). */
  before: string;
}

/** A line that is a date and nothing after it; returns the ISO date. */
export function parseDateLine(line: string): FoundDate | null {
  const text = asciiDigits(line).trim();
  for (const pattern of [ARABIC, CHINESE]) {
    const match = pattern.exec(text);
    if (!match || match.index + match[0].length !== text.length) continue;
    const read = pattern === ARABIC ? (s: string) => Number(s) : parseChinese;
    const year = read(match[1]!);
    const month = read(match[2]!);
    const day = read(match[3]!);
    if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) continue;
    return { iso: `${year}-${pad(month)}-${pad(day)}`, before: text.slice(0, match.index).trim() };
  }
  return null;
}

const MONTH_ONLY = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/u;

/** A signature dated by month only (2024年3月): a date line, but no issue date to read from it. */
export function isMonthOnlyDateLine(line: string): boolean {
  const m = MONTH_ONLY.exec(asciiDigits(line).trim());
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const LOOSE = /^(\d{4})\s*(?:年|[-.．/])\s*(\d{1,2})\s*(?:月|[-.．/])\s*(\d{1,2})\s*日?$/u;

/** A date as a web page's metadata writes it: 2024-03-08, 2024.3.8, 2024年03月08日. */
export function parseLooseDate(value: string): string | null {
  const m = LOOSE.exec(asciiDigits(value).trim());
  if (!m) return parseDateLine(value)?.iso ?? null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date in brackets on a line of its own, under a title: （2023年1月2日）. */
export function parseBracketedDateLine(line: string): string | null {
  const m = /^\s*[（(](.+)[）)]\s*$/u.exec(line);
  return m ? (parseDateLine(m[1]!)?.iso ?? null) : null;
}
