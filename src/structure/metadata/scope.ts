/**
 * The scope a document speaks for, read from its own words: a provincial
 * document says 全省/我省 and names 省委、省政府, a city's says 全市/我市, a
 * national one says 我国 and 党中央. Used where neither title nor issuer
 * names a place (dataset cells with the body text only).
 */
import type { RegionLevel } from '../../core/state.js';
import type { MetadataRules } from '../rules.js';

export type Scope = RegionLevel;

/**
 * The local level whose scope words occur most often, when they occur at least
 * `minLocalMentions` times; else national when national words occur; else null.
 * Local words outweigh national ones: every local plan cites 全国 and 党中央,
 * no national plan says 全省 of itself.
 */
export function scopeOf(text: string, rules: MetadataRules): Scope | null {
  const { scope } = rules;
  let best: Scope | null = null;
  let bestCount = 0;
  for (const [level, patterns] of Object.entries(scope.local) as Array<[Scope, string[]]>) {
    const count = countAll(text, patterns);
    if (count > bestCount) {
      best = level;
      bestCount = count;
    }
  }
  if (best && bestCount >= scope.minLocalMentions) return best;
  return countAll(text, scope.national) >= scope.minNationalMentions ? 'national' : null;
}

function countAll(text: string, patterns: readonly string[]): number {
  return patterns.reduce((sum, source) => sum + (text.match(new RegExp(source, 'gu'))?.length ?? 0), 0);
}
