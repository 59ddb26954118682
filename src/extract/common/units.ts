/**
 * Units of measure (rules/units.yaml): a unit as written is an optional
 * magnitude prefix (万, 亿 …) and a unit (件, 元, %); its base is the unit
 * without the magnitude and the multiplier the magnitude's value.
 */
import { z } from 'zod';
import type { RuleSet } from '../../rules/index.js';
import { squeeze } from '../../text/names.js';

export const UnitsFile = z.object({
  magnitudes: z.array(z.object({ word: z.string().min(1), multiplier: z.number().positive() })),
  units: z.array(
    z.object({
      unit: z.string(),
      base: z.string(),
      aliases: z.array(z.string().min(1)).optional(),
    }),
  ),
});
export type UnitsFile = z.infer<typeof UnitsFile>;

export interface UnitMatch {
  /** As written, spaces removed: '万件', '亿元', '%'. */
  unit: string;
  /** Base unit: '件', '元', '%'; '' when only a magnitude was written (＞5 万). */
  base: string;
  /** 万 → 10⁴. */
  multiplier: number;
  /** The magnitude prefix as written, '' when none. */
  magnitude: string;
  /** Length of the match in the source text (including inner spaces). */
  length: number;
}

export class UnitTable {
  private readonly magnitudes: Array<{ word: string; multiplier: number }>;
  private readonly units: Array<{ written: string; unit: string; base: string }>;

  constructor(file: UnitsFile) {
    this.magnitudes = [...file.magnitudes].sort((a, b) => b.word.length - a.word.length);
    this.units = file.units
      .flatMap((u) => [u.unit, ...(u.aliases ?? [])].map((written) => ({ written, unit: u.unit, base: u.base })))
      .sort((a, b) => b.written.length - a.written.length);
  }

  static load(rules: RuleSet): UnitTable {
    return new UnitTable(rules.get('units', UnitsFile));
  }

  /**
   * The unit starting at `pos` (after optional spaces). A bare magnitude
   * only counts when `allowBareMagnitude` (table cells: ＞5 万).
   */
  matchAt(text: string, pos: number, allowBareMagnitude = false): UnitMatch | null {
    let i = pos;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const magnitude = this.magnitudes.find((m) => text.startsWith(m.word, i));
    // 80万千瓦 is 万 + 千瓦; 80千瓦 is no 千 + 瓦: a unit that starts with a magnitude word wins over the magnitude.
    const candidates = magnitude ? [magnitude, { word: '', multiplier: 1 }] : [{ word: '', multiplier: 1 }];
    for (const m of candidates) {
      let j = i + m.word.length;
      while (m.word && text[j] === ' ') j++;
      for (const u of this.units) {
        if (u.written === '') continue;
        if (text.startsWith(u.written, j)) {
          return { unit: m.word + u.unit, base: u.base, multiplier: m.multiplier, magnitude: m.word, length: j + u.written.length - pos };
        }
      }
    }
    if (magnitude && allowBareMagnitude)
      return { unit: magnitude.word, base: '', multiplier: magnitude.multiplier, magnitude: magnitude.word, length: i + magnitude.word.length - pos };
    return null;
  }

  /** Parses a whole unit string ('亿元', '万人次', '件'); null when it is no unit. */
  parse(unit: string): UnitMatch | null {
    const text = squeeze(unit);
    if (text === '') return null;
    const match = this.matchAt(text, 0, true);
    return match && match.length === text.length ? match : null;
  }
}
