/**
 * Text that remembers, for every character, where it came from in the source.
 * Cleanups rewrite MappedText instead of plain strings so the offset map stays
 * exact however many of them run.
 */
import { OffsetMapBuilder } from '../core/offset-map.js';

/** Source offset of each character; a character with no source of its own stores -(anchor + 1). */
export class MappedText {
  constructor(
    readonly text: string,
    readonly src: readonly number[],
  ) {}

  static fromSource(source: string, start: number, end: number): MappedText {
    const src = new Array<number>(end - start);
    for (let i = 0; i < src.length; i++) src[i] = start + i;
    return new MappedText(source.slice(start, end), src);
  }

  /** Characters that exist in no source (joiners), anchored at source offset `at`. */
  static inserted(text: string, at: number): MappedText {
    return new MappedText(text, new Array<number>(text.length).fill(-(at + 1)));
  }

  static concat(parts: MappedText[]): MappedText {
    return new MappedText(
      parts.map((p) => p.text).join(''),
      parts.flatMap((p) => p.src),
    );
  }

  get length(): number {
    return this.text.length;
  }

  slice(start: number, end = this.text.length): MappedText {
    return new MappedText(this.text.slice(start, end), this.src.slice(start, end));
  }

  /** Source offset where this text starts (for anchoring what is inserted before it). */
  sourceStart(): number {
    const first = this.src[0];
    return first === undefined ? 0 : first < 0 ? -first - 1 : first;
  }

  sourceEnd(): number {
    const last = this.src[this.src.length - 1];
    return last === undefined ? 0 : last < 0 ? -last - 1 : last + 1;
  }

  trim(keepLeadingTab = false): MappedText {
    const lead = keepLeadingTab && this.text.startsWith('\t') ? 1 : 0;
    let start = lead;
    let end = this.text.length;
    while (start < end && /\s/.test(this.text[start]!)) start++;
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    if (lead === 0) return this.slice(start, end);
    return MappedText.concat([this.slice(0, 1), this.slice(start, end)]);
  }

  /**
   * Regex replacement. A replacement as long as its match maps char for char
   * (１２ → 12); otherwise every new character maps to the match's start.
   */
  replace(pattern: RegExp, replacement: (match: RegExpExecArray) => string): MappedText {
    if (!pattern.global) throw new Error('MappedText.replace needs a global pattern');
    const parts: MappedText[] = [];
    let last = 0;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(this.text)) !== null) {
      const from = match.index;
      const to = from + match[0].length;
      if (to === from) {
        pattern.lastIndex++;
        continue;
      }
      const out = replacement(match);
      if (out === match[0]) continue;
      parts.push(this.slice(last, from));
      if (out.length === match[0].length) {
        parts.push(new MappedText(out, this.src.slice(from, to)));
      } else if (out.length > 0) {
        const anchor = this.src[from]!;
        parts.push(new MappedText(out, new Array<number>(out.length).fill(anchor)));
      }
      last = to;
    }
    if (parts.length === 0) return this;
    parts.push(this.slice(last));
    return MappedText.concat(parts);
  }

  /** Appends this text to an offset-map builder. */
  appendTo(builder: OffsetMapBuilder): void {
    let i = 0;
    while (i < this.text.length) {
      const s = this.src[i]!;
      if (s < 0) {
        let j = i + 1;
        while (j < this.text.length && this.src[j] === s) j++;
        builder.insert(this.text.slice(i, j), -s - 1);
        i = j;
        continue;
      }
      let j = i + 1;
      while (j < this.text.length && this.src[j] === s + (j - i)) j++;
      builder.append(this.text.slice(i, j), s);
      i = j;
    }
  }
}
