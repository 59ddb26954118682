/**
 * A deadline as written in a 完成时限 cell or label — 2025年底, 2026年6月底前,
 * 2025年 — read as 'YYYY' or 'YYYY-MM'. Anything else (长期坚持, 持续推进) is no date.
 */
import { squeeze } from '../../text/names.js';

export function readDeadline(text: string): string | null {
  const m = /(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?/u.exec(squeeze(text));
  if (!m) return null;
  // A range (2024年—2025年) ends at its last date.
  const all = [...squeeze(text).matchAll(/(\d{4})\s*年\s*(?:(\d{1,2})\s*月)?/gu)];
  const last = all[all.length - 1] ?? m;
  return last[2] ? `${last[1]}-${last[2].padStart(2, '0')}` : last[1]!;
}
