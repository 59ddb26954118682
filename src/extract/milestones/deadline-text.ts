/**
 * A deadline as written in a 完成时限 cell or label — 2025年底, 2026年6月底前,
 * 2025年, 2024年上半年, 2024年第三季度 — read as 'YYYY' or 'YYYY-MM' (年底 is December). Anything
 * else (长期坚持, 持续推进) is no date.
 */
import { squeeze } from '../../text/names.js';

const DATE = /(\d{4})\s*年\s*(?:(\d{1,2})\s*月|(上半年|下半年|年中|第?[一二三四]季度)|(年?[底末]))?/gu;

/** `yearParts`: the month each part of a year ends in (rules/milestone-patterns.yaml yearParts). */
export function readDeadline(text: string, yearParts: Readonly<Record<string, number>> = {}): string | null {
  // A range (2024年—2025年) ends at its last date.
  const last = [...squeeze(text).matchAll(DATE)].at(-1);
  if (!last) return null;
  const partMonth = last[3] ? yearParts[last[3].replace(/^第/u, '')] : undefined;
  // 2025年底: the year's end is its December (FORMAT.md).
  const month = last[2] ?? (partMonth === undefined ? (last[4] ? '12' : undefined) : String(partMonth));
  return month ? `${last[1]}-${month.padStart(2, '0')}` : last[1]!;
}
