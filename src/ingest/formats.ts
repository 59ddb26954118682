/**
 * The file formats planlens reads, each described once: its name, the file
 * extensions it goes by, the byte signature that identifies it, how to read
 * it, and the error for a file named like it whose bytes are not. Every list
 * of formats derives from here: detection (detect-format.ts), the batch's
 * folder filter, upload checks, eval's renderings, the formats the store
 * accepts (store/write-document.ts). Adding a format is one entry here and
 * its reader (CONTRIBUTING, "Adding a file format").
 *
 * Every reader is imported when a file of its format is read: the docx and
 * PDF libraries (mammoth; pdf.js, which also loads a canvas binding) take
 * longer to load than a short text file takes to process, and the store,
 * which checks format names against this registry, loads no reader at all
 * (test/cli/startup.test.ts: reading commands need only SQLite).
 */
import type { Message, RawDocument, SourceFormat } from '../core/state.js';
import type { InputLimits } from './limits.js';
import { isPdf, isZip, PDF_MAGIC, ZIP_MAGICS } from './signatures.js';

export interface ReadOptions {
  /** PDFs with fewer text characters per page than this are treated as scans. */
  minCharsPerPage: number;
  /** Read ruled PDF tables as tables (pdf-parse getTable). */
  pdfTables: boolean;
  /** What one file may cost (limits.ts). */
  limits: InputLimits;
}

export interface ReadResult {
  raw: RawDocument;
  warnings: Message[];
}

export interface FileFormat {
  format: SourceFormat;
  /** Lower case, with the dot; the first is the one renderings are named with. */
  extensions: readonly string[];
  /** Signatures at the start of the file; none: the format is what is left (text). */
  magic: readonly Buffer[];
  /** Whether the bytes are this format; absent: the fallback when no signature matches. */
  matches?(content: Buffer): boolean;
  /** The error for a file named like this format whose bytes are not. */
  misnamed?: { code: string; message: string };
  read(content: Buffer, options: ReadOptions): Promise<ReadResult>;
}

const txt: FileFormat = {
  format: 'txt',
  extensions: ['.txt'],
  magic: [],
  async read(content, { limits }) {
    if (content.length > limits.maxTextBytes) {
      const { formatSize, LimitError } = await import('./limits.js');
      throw new LimitError('maxTextBytes', limits.maxTextBytes, `the text file is ${formatSize(content.length)}`);
    }
    const { readTxt } = await import('./read-txt.js');
    return { raw: readTxt(content), warnings: [] };
  },
};

const docx: FileFormat = {
  format: 'docx',
  extensions: ['.docx'],
  magic: ZIP_MAGICS,
  matches: isZip, // the docx reader says so when the zip is not a Word document
  misnamed: { code: 'docx-not-zip', message: 'not a valid .docx: the file is not a zip archive' },
  async read(content, { limits }) {
    const { readDocx } = await import('./read-docx.js');
    return { raw: await readDocx(content, limits), warnings: [] };
  },
};

const pdf: FileFormat = {
  format: 'pdf',
  extensions: ['.pdf'],
  magic: [PDF_MAGIC],
  matches: isPdf,
  misnamed: { code: 'pdf-corrupt', message: 'not a valid PDF: the file has no %PDF- header' },
  async read(content, options) {
    const { readPdf } = await import('./read-pdf.js');
    const { raw, pagesWithoutText } = await readPdf(content, {
      minCharsPerPage: options.minCharsPerPage,
      tables: options.pdfTables,
      maxPages: options.limits.maxPages,
    });
    const warnings: Message[] = pagesWithoutText.length
      ? [
          {
            severity: 'warning',
            stage: 'ingest',
            code: 'pages-need-ocr',
            text: `page(s) ${pagesWithoutText.join(', ')} have no text layer and were not read (they need OCR)`,
          },
        ]
      : [];
    return { raw, warnings };
  },
};

/** Every format, in the order lists show them (eval columns, upload hints). */
export const FILE_FORMATS: readonly FileFormat[] = [txt, docx, pdf];

/** The registry's entry of a format name; undefined for a name it does not list. */
export function formatByName(format: SourceFormat): FileFormat | undefined {
  return FILE_FORMATS.find((f) => f.format === format);
}

/** Whether a format name is one of the registry's (what the store accepts). */
export function isKnownFormat(format: string): boolean {
  return formatByName(format) !== undefined;
}

/**
 * The order signatures are tried in: PDF first (readers accept junk before
 * its header, so a PDF may not start with its magic), then zip; text is what
 * is left.
 */
export const DETECTION_ORDER: readonly FileFormat[] = [pdf, docx];

/** Every extension a plan document may have: '.txt', '.docx', '.pdf'. */
export const DOCUMENT_EXTENSIONS: readonly string[] = FILE_FORMATS.flatMap((f) => f.extensions);

/** The format a file name claims by its extension (case-insensitive). */
export function formatNamed(path: string): FileFormat | undefined {
  const lower = path.toLowerCase();
  return FILE_FORMATS.find((f) => f.extensions.some((ext) => lower.endsWith(ext)));
}
