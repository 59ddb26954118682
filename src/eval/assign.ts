/**
 * One-to-one assignment of predictions to gold facts.
 *
 * FORMAT.md: each gold fact matches at most one prediction; further
 * predictions of the same fact are duplicates, neither true nor false
 * positives. A greedy pass could let a duplicate take a gold fact that another
 * prediction needed, so this is a maximum matching (augmenting paths) that
 * tries each prediction's most similar gold facts first, best predictions
 * first: as many facts as possible are matched, and among equals the closer
 * names win.
 */

export interface Pair {
  gold: number;
  pred: number;
  score: number;
}

export interface Assignment {
  pairs: Pair[];
  /** Gold facts no prediction matched. */
  missed: number[];
  /** Predictions that match no gold fact at all. */
  falsePositives: number[];
  /** Predictions that match only gold facts another prediction already took. */
  duplicates: number[];
}

/** `similar(g, p)` returns a score (higher is closer) or null when they do not match. */
export function assign<G, P>(gold: readonly G[], pred: readonly P[], similar: (g: G, p: P) => number | null): Assignment {
  const options: Array<Array<{ gold: number; score: number }>> = pred.map((p) => {
    const list: Array<{ gold: number; score: number }> = [];
    gold.forEach((g, gi) => {
      const score = similar(g, p);
      if (score !== null) list.push({ gold: gi, score });
    });
    return list.sort((a, b) => b.score - a.score || a.gold - b.gold);
  });

  const goldOwner = new Array<number>(gold.length).fill(-1);
  const predGold = new Array<number>(pred.length).fill(-1);

  const tryAssign = (pi: number, visited: Set<number>): boolean => {
    for (const { gold: gi } of options[pi]!) {
      if (visited.has(gi)) continue;
      visited.add(gi);
      const owner = goldOwner[gi]!;
      if (owner === -1 || tryAssign(owner, visited)) {
        goldOwner[gi] = pi;
        predGold[pi] = gi;
        return true;
      }
    }
    return false;
  };

  const order = pred
    .map((_, pi) => pi)
    .filter((pi) => options[pi]!.length > 0)
    .sort((a, b) => options[b]![0]!.score - options[a]![0]!.score || a - b);
  for (const pi of order) tryAssign(pi, new Set());

  const pairs: Pair[] = [];
  const falsePositives: number[] = [];
  const duplicates: number[] = [];
  pred.forEach((_, pi) => {
    const gi = predGold[pi]!;
    if (gi !== -1) pairs.push({ gold: gi, pred: pi, score: options[pi]!.find((o) => o.gold === gi)!.score });
    else if (options[pi]!.length > 0) duplicates.push(pi);
    else falsePositives.push(pi);
  });
  const missed = gold.map((_, gi) => gi).filter((gi) => goldOwner[gi] === -1);
  return { pairs: pairs.sort((a, b) => a.gold - b.gold), missed, falsePositives, duplicates };
}
