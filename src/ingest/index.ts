/**
 * ingest: reads a source file into RawDocument blocks. The format comes from
 * the bytes (detect-format.ts); each reader keeps what the file knows about
 * its layout (docx headings and tables, PDF pages).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { type Stage } from '../core/stage.js';
import { DocumentError } from '../core/errors.js';
import type { DocumentState, SourceFormat } from '../core/state.js';
import { detectFormat } from './detect-format.js';
import { formatByName, type ReadResult } from './formats.js';
import { DEFAULT_LIMITS, formatSize, InputLimits, LimitError } from './limits.js';

export { detectFormat } from './detect-format.js';
export { decodeText } from './decode-text.js';
export { DEFAULT_LIMITS, InputLimits, LimitError } from './limits.js';
export { DOCUMENT_EXTENSIONS, FILE_FORMATS, formatByName, formatNamed, isKnownFormat, type FileFormat, type ReadResult } from './formats.js';

/** Reads the file and returns the initial state, with `content` set for the ingest stage. */
export async function openSource(path: string, limits: Pick<InputLimits, 'maxFileBytes'> = DEFAULT_LIMITS): Promise<DocumentState> {
  let content: Buffer;
  try {
    // The size first: a file is read whole, so a huge one must not be.
    const { size, isFile } = await stat(path).then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (isFile && size > limits.maxFileBytes) {
      throw new LimitError('maxFileBytes', limits.maxFileBytes, `the file is ${formatSize(size)}`);
    }
    content = await readFile(path);
  } catch (error) {
    if (error instanceof LimitError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read the file (${code ?? (error as Error).message})`;
    throw new DocumentError('unreadable', why);
  }
  const format = detectFormat(content, path);
  return {
    source: { path, format, sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length },
    messages: [],
    content,
  };
}

const IngestOptions = z
  .object({
    /** PDFs with fewer text characters per page than this are treated as scans. */
    minCharsPerPage: z.number().int().min(0).default(20),
    /** Read ruled PDF tables as tables (pdf-parse getTable). */
    pdfTables: z.boolean().default(true),
    /** What one file may cost; each bound may be set alone (limits.ts has the defaults). */
    limits: InputLimits.default(DEFAULT_LIMITS),
  })
  .strict();

export type IngestOptions = z.infer<typeof IngestOptions>;

export async function readSource(format: SourceFormat, content: Buffer, options: IngestOptions): Promise<ReadResult> {
  const reader = formatByName(format);
  if (!reader) throw new Error(`no reader for format '${format}' (src/ingest/formats.ts lists the formats)`);
  const result = await reader.read(content, options);
  checkReadSize(result, options.limits);
  return result;
}

/** The ingest options a pipeline runs with (its defaults when it has no ingest step). */
export function ingestOptionsOf(steps: ReadonlyArray<{ stage: { name: string }; options: unknown }>): IngestOptions {
  const step = steps.find((s) => s.stage.name === 'ingest');
  return (step?.options as IngestOptions | undefined) ?? IngestOptions.parse({});
}

/** Bounds what later stages get, whatever the format: every stage's cost grows with these. */
function checkReadSize({ raw }: ReadResult, limits: InputLimits): void {
  let paragraphs = 0;
  let characters = 0;
  for (const block of raw.blocks) {
    if (block.kind === 'paragraph') {
      paragraphs++;
      characters += block.text.length;
    } else if (block.kind === 'box') {
      paragraphs += block.paragraphs.length;
      for (const p of block.paragraphs) characters += p.length;
    } else {
      paragraphs += block.rows.length;
      for (const row of block.rows) for (const cell of row) characters += cell.text.length;
    }
  }
  if (paragraphs > limits.maxParagraphs) {
    throw new LimitError('maxParagraphs', limits.maxParagraphs, `the document has ${paragraphs.toLocaleString('en-US')} paragraphs`);
  }
  if (characters > limits.maxCharacters) {
    throw new LimitError('maxCharacters', limits.maxCharacters, `the document has ${characters.toLocaleString('en-US')} characters`);
  }
}

export const ingestStage: Stage<typeof IngestOptions> = {
  name: 'ingest',
  description: 'Read the file (txt in any Chinese encoding, docx, pdf) into raw blocks',
  options: IngestOptions,
  requires: ['source', 'content'],
  provides: ['raw'],
  async run(state, options) {
    if (!state.content) {
      if (state.raw) return state;
      throw new DocumentError('unreadable', 'no file content to ingest (openSource was not called)');
    }
    const { raw, warnings } = await readSource(state.source.format, state.content, options);
    const { content: _dropped, ...rest } = state;
    return { ...rest, raw, messages: [...state.messages, ...warnings] };
  },
};
