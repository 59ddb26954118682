/** Provenance for records read from the normalised text: the sentence, section and page an offset falls in. */
import type { DocumentState, Provenance, Section, Sentence } from '../../core/state.js';

export class Locator {
  private readonly sentences: Sentence[];
  private readonly sections: Section[];
  private readonly pageStarts: number[];

  constructor(private readonly state: DocumentState) {
    this.sentences = state.segments?.sentences ?? [];
    this.sections = state.structure?.sections ?? [];
    this.pageStarts = state.normalised?.pageStarts ?? [];
  }

  sentenceAt(offset: number): Sentence | undefined {
    // Sentences are in text order: binary search on start.
    let lo = 0;
    let hi = this.sentences.length - 1;
    let found: Sentence | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (s.start <= offset) {
        found = s;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && offset < Math.max(found.end, found.start + 1) ? found : undefined;
  }

  /** The innermost section containing `offset`. */
  sectionAt(offset: number): Section | undefined {
    let best: Section | undefined;
    for (const s of this.sections) {
      if (s.start <= offset && offset < s.end && (!best || s.end - s.start <= best.end - best.start)) best = s;
    }
    return best;
  }

  pageAt(offset: number): number | null {
    if (this.pageStarts.length === 0) return null;
    let page = 1;
    this.pageStarts.forEach((start, i) => {
      if (start <= offset) page = i + 1;
    });
    return page;
  }

  provenance(start: number, end: number, rule: string): Provenance {
    const text = this.state.normalised?.text ?? '';
    const sentence = this.sentenceAt(start);
    const section = this.sectionAt(start);
    const out: Provenance = {
      sectionPath: sentence?.sectionPath ?? section?.path ?? '',
      page: sentence?.page ?? this.pageAt(start),
      start,
      end,
      sentence: sentence?.text ?? lineAround(text, start),
      sentenceIndex: sentence?.index ?? -1,
      rule,
    };
    if (sentence?.cell) out.cell = sentence.cell;
    return out;
  }
}

function lineAround(text: string, offset: number): string {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const to = text.indexOf('\n', offset);
  return text.slice(from, to < 0 ? text.length : to);
}
