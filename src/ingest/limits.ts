/**
 * Bounds on what one input file may cost. A small file can stand for a huge
 * document (a zip bomb disguised as .docx, a PDF of 100,000 pages), and one
 * such file must not take the process — and the batch or server with it —
 * down. The defaults are far above any real plan (the largest are a few
 * hundred thousand characters in a few MB of XML); a pipeline file may
 * lower or raise them as options of the ingest stage.
 */
import { z } from 'zod';
import { DocumentError } from '../core/errors.js';

const MB = 1024 * 1024;

export const InputLimits = z
  .object({
    /** Bytes of any file, read before anything else. */
    maxFileBytes: z
      .number()
      .int()
      .positive()
      .default(256 * MB),
    /** Bytes of a text file (a plan of 500,000 characters is ~1.5 MB as UTF-8). */
    maxTextBytes: z
      .number()
      .int()
      .positive()
      .default(32 * MB),
    /** Bytes a .docx may expand to, all zip entries together (declared and actually inflated). */
    maxUnzippedBytes: z
      .number()
      .int()
      .positive()
      .default(200 * MB),
    /** How many times larger than stored a zip entry of more than 1 MB may become (Word XML: 5–20). */
    maxCompressionRatio: z.number().positive().default(100),
    /** Pages of a PDF, checked when it is opened, before any page is read. */
    maxPages: z.number().int().positive().default(5000),
    /** Characters of the text read, any format. */
    maxCharacters: z.number().int().positive().default(10_000_000),
    /** Paragraphs, table rows and box paragraphs read, any format. */
    maxParagraphs: z.number().int().positive().default(500_000),
  })
  .strict();

export type InputLimits = z.infer<typeof InputLimits>;

export const DEFAULT_LIMITS: InputLimits = InputLimits.parse({});

/** A file over one of the limits: the message names the limit and its value. */
export class LimitError extends DocumentError {
  constructor(
    readonly limit: keyof InputLimits,
    readonly value: number,
    what: string,
  ) {
    super('over-limit', `${what}; the limit is ${limit} = ${describe(limit, value)}`);
    this.name = 'LimitError';
  }
}

function describe(limit: keyof InputLimits, value: number): string {
  return /Bytes$/.test(limit) ? formatSize(value) : value.toLocaleString('en-US');
}

export function formatSize(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
