/**
 * Makes hard-wrapped copies of a one-paragraph-per-line text, the way text
 * copied or saved out of a PDF or a web page at a fixed width comes: every
 * printed line ends with a newline, mid-sentence and mid-number, maybe with
 * page numbers, running headers, form feeds, indents and CRLF.
 */
import stringWidth from 'string-width';

export interface WrapStyle {
  /** Characters per printed line (a Chinese character; digits and Latin count half in 'columns' mode). */
  width: number;
  /** 'columns': fill to 2×width display columns, as a PDF prints; 'chars': cut every `width` characters. */
  measure?: 'columns' | 'chars';
  /** Up to this many columns less on some lines, as justified PDF text squeezes punctuation (deterministic). */
  jitter?: number;
  /** '　　' before each paragraph, as Chinese official texts indent. */
  indent?: boolean;
  /** A blank line between paragraphs. */
  blankBetween?: boolean;
  /** Page breaks every `lines` printed lines. */
  pages?: {
    lines: number;
    /** How the page number is printed at the foot of each page. */
    number: 'dash' | 'bare' | 'none';
    /** A running header at the top of each page. */
    header?: string;
    /** A form feed before each new page, as pdftotext writes. */
    formFeed?: boolean;
  };
  crlf?: boolean;
  /** A blank line after every printed line, as some PDF text extractors write. */
  blankAfterEachLine?: boolean;
}

/** Paragraph lines are wrapped; blank lines and text-table lines (TAB-led) are printed as they are. */
export function hardWrap(text: string, style: WrapStyle): string {
  const printed: string[] = [];
  const state = { seed: 1 };
  // Printed text has no Word bookmarks and no trailing spaces.
  for (const raw of text
    .replace(/\r\n?/g, '\n')
    .replace(/\[bookmark:[^\]\n]*\]/g, '')
    .split('\n')) {
    const line = raw.startsWith('\t') ? raw : raw.trimEnd();
    if (line.trim().length === 0 || line.startsWith('\t')) {
      printed.push(line);
      continue;
    }
    if (style.blankBetween && printed.length > 0 && printed[printed.length - 1]!.trim() !== '') printed.push('');
    // A centred line keeps its centring only as far as the line has room.
    const text = line.replace(/^[ \u3000]+(?=\S)/, (m) => (style.indent ? '' : m.slice(0, Math.max(0, style.width - line.trim().length))));
    printed.push(...wrapLine((style.indent ? '\u3000\u3000' : '') + text, style, state));
  }
  const paged = style.pages ? paginate(printed, style.pages) : printed;
  if (style.blankAfterEachLine) return paged.flatMap((line) => (line === '' ? [line] : [line, ''])).join(style.crlf ? '\r\n' : '\n');
  return paged.join(style.crlf ? '\r\n' : '\n') + (style.crlf ? '\r\n' : '\n');
}

function wrapLine(line: string, style: WrapStyle, state: { seed: number }): string[] {
  const out: string[] = [];
  let current = '';
  let columns = 0;
  const full = style.measure === 'chars' ? style.width : style.width * 2;
  const nextLimit = (): number => {
    if (!style.jitter) return full;
    state.seed = (state.seed * 48271) % 2147483647;
    return full - (state.seed % (style.jitter + 1));
  };
  let limit = nextLimit();
  for (const c of line) {
    const w = style.measure === 'chars' ? 1 : stringWidth(c);
    if (columns + w > limit && current.length > 0) {
      out.push(current);
      current = '';
      columns = 0;
      limit = nextLimit();
    }
    current += c;
    columns += w;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function paginate(lines: string[], pages: NonNullable<WrapStyle['pages']>): string[] {
  const out: string[] = [];
  let page = 1;
  for (let i = 0; i < lines.length; i += pages.lines) {
    const body = lines.slice(i, i + pages.lines);
    if (pages.header && page > 1) body.unshift(pages.header);
    if (pages.number === 'dash') body.push(`— ${page} —`);
    if (pages.number === 'bare') body.push(`${page}`);
    if (pages.formFeed && page > 1) body[0] = '\f' + body[0]!;
    out.push(...body);
    page++;
  }
  return out;
}
