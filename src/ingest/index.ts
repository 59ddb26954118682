/**
 * ingest: reads a source file into RawDocument blocks. The format comes from
 * the bytes (detect-format.ts); each reader keeps what the file knows about
 * its layout (docx headings and tables, PDF pages).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type Stage } from '../core/stage.js';
import { DocumentError } from '../core/errors.js';
import type { DocumentState, SourceFormat } from '../core/state.js';
import { detectFormat } from './detect-format.js';
import { FORMAT_OF, type ReadResult } from './formats.js';

export { detectFormat } from './detect-format.js';
export { decodeText } from './decode-text.js';
export { DOCUMENT_EXTENSIONS, FILE_FORMATS, FORMAT_OF, formatNamed, type FileFormat, type ReadResult } from './formats.js';

/** Reads the file and returns the initial state, with `content` set for the ingest stage. */
export async function openSource(path: string): Promise<DocumentState> {
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot read the file (${code ?? (error as Error).message})`;
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
  })
  .strict();

export type IngestOptions = z.infer<typeof IngestOptions>;

export async function readSource(format: SourceFormat, content: Buffer, options: IngestOptions): Promise<ReadResult> {
  return FORMAT_OF[format].read(content, options);
}

export const ingestStage: Stage<typeof IngestOptions> = {
  name: 'ingest',
  description: 'Read the file (txt in any Chinese encoding, docx, pdf) into raw blocks',
  options: IngestOptions,
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
