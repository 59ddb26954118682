/**
 * Maps offsets in a derived text back to the text it was derived from.
 *
 * Normalisation deletes, joins and rewrites characters; provenance must still
 * point at the source. The map is a sorted list of runs: `length` characters
 * starting at `to` in the derived text came from `from` in the source (a run
 * whose source was rewritten, e.g. '１２' → '12', maps one-to-one anyway;
 * inserted characters map to the source position where they were inserted).
 */
export interface OffsetRun {
  to: number;
  from: number;
  length: number;
}

export class OffsetMap {
  private readonly runs: OffsetRun[];

  constructor(runs: OffsetRun[]) {
    this.runs = runs;
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap([{ to: 0, from: 0, length }]);
  }

  /** Source offset for a derived offset (clamped into the nearest run). */
  toSource(offset: number): number {
    const runs = this.runs;
    if (runs.length === 0) return offset;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid]!.to <= offset) lo = mid;
      else hi = mid - 1;
    }
    const run = runs[lo]!;
    const within = Math.min(Math.max(offset - run.to, 0), run.length);
    return run.from + within;
  }

  toJSON(): OffsetRun[] {
    return this.runs;
  }
}

/** Builds an OffsetMap while derived text is appended piece by piece. */
export class OffsetMapBuilder {
  private readonly runs: OffsetRun[] = [];
  private derivedLength = 0;

  /** Append `text` that came from `sourceStart` in the source, char for char. */
  append(text: string, sourceStart: number): void {
    if (text.length === 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.to + last.length === this.derivedLength && last.from + last.length === sourceStart) {
      last.length += text.length;
    } else {
      this.runs.push({ to: this.derivedLength, from: sourceStart, length: text.length });
    }
    this.derivedLength += text.length;
  }

  /** Append text with no source of its own (a joining '\n'), anchored at `sourceAt`. */
  insert(text: string, sourceAt: number): void {
    if (text.length === 0) return;
    this.runs.push({ to: this.derivedLength, from: sourceAt, length: 0 });
    this.derivedLength += text.length;
  }

  get length(): number {
    return this.derivedLength;
  }

  build(): OffsetMap {
    return new OffsetMap(this.runs.map((r) => ({ ...r })));
  }
}
