/**
 * Uploads: a file arrives, is checked, saved next to the database, and run
 * through the same runner as `planlens ingest` (ingestPaths). Checks before
 * anything is written: the size, the format by content (src/ingest
 * detectFormat: extensions lie), and that the reader for that format can read
 * it — so a corrupt PDF is refused with the reader's own message and neither
 * the uploads folder nor the database changes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { printable } from '../core/printable.js';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Pipeline } from '../core/pipeline.js';
import { DocumentError } from '../core/errors.js';
import { detectFormat, ingestOptionsOf, LimitError, readSource, type IngestOptions } from '../ingest/index.js';
import type { RuleSet } from '../rules/index.js';
import { ingestPaths, type ProgressEvent } from '../batch/index.js';
import { documentIdOf, type Db } from '../store/index.js';

export interface UploadContext {
  db: Db;
  rules: RuleSet;
  pipeline: Pipeline;
  uploadDir: string;
}

export interface UploadJob {
  id: string;
  file: string;
  path: string;
  state: 'running' | 'stored' | 'skipped' | 'failed';
  /** What happened so far, in order, for the progress list. */
  steps: string[];
  documentId: number | null;
  error: string | null;
  startedAt: string;
}

/** A refused upload: the status to answer with and one clear line. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

const jobs = new Map<string, UploadJob>();
const running = new Map<string, Promise<void>>();
/** Finished jobs kept for polling; older ones are forgotten. */
const KEEP_JOBS = 200;

export function getJob(id: string): UploadJob | undefined {
  return jobs.get(id);
}

export function waitForJob(id: string): Promise<void> {
  return running.get(id) ?? Promise.resolve();
}

/** A file name safe to write in the uploads folder, keeping the Chinese name people recognise. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 150);
  return base || 'upload';
}

/** Reader errors that say the file is not a format planlens reads (415), not that it is damaged (422). */
const FORMAT_PROBLEMS = new Set(['unsupported-format', 'docx-not-word']);

/** The size alone, known before the file is read. */
export function checkUploadSize(name: string, bytes: number, maxBytes: number): void {
  if (bytes > maxBytes) {
    throw new UploadRefused(413, `${printable(name)}: the file is ${formatBytes(bytes)}; uploads are limited to ${formatBytes(maxBytes)}`);
  }
}

/** Checks the bytes; throws UploadRefused naming the file and the problem. */
export async function checkUpload(name: string, content: Buffer, maxBytes: number, pipeline?: Pipeline): Promise<void> {
  checkUploadSize(name, content.length, maxBytes);
  let format;
  try {
    format = detectFormat(content, name);
  } catch (error) {
    throw new UploadRefused(415, `${printable(name)}: ${(error as Error).message}`);
  }
  const options: IngestOptions = pipeline ? ingestOptionsOf(pipeline.steps) : ingestOptionsOf([]);
  try {
    await readSource(format, content, { ...options, pdfTables: false });
  } catch (error) {
    // Too big to take: the same status as a file over the upload size, naming the limit.
    if (error instanceof LimitError) throw new UploadRefused(413, `${printable(name)}: ${error.message}`);
    // The reader may find the format wrong only once it looks inside (binary bytes named .txt, a zip that is not Word).
    if (error instanceof DocumentError && FORMAT_PROBLEMS.has(error.code)) throw new UploadRefused(415, `${printable(name)}: ${error.message}`);
    const why = error instanceof DocumentError ? error.message : (error as Error).message.split('\n')[0]!;
    throw new UploadRefused(422, `${printable(name)}: ${why}`);
  }
}

/** Saves a checked upload and starts ingesting it; returns the job to poll. */
export function startUpload(ctx: UploadContext, name: string, content: Buffer, receivedAt?: string): UploadJob {
  mkdirSync(ctx.uploadDir, { recursive: true });
  const sha = createHash('sha256').update(content).digest('hex');
  let path = join(ctx.uploadDir, safeFileName(name));
  // Another file of the same name: keep both, the new one prefixed with its hash.
  if (existsSync(path) && !readFileSync(path).equals(content)) path = join(ctx.uploadDir, `${sha.slice(0, 8)}-${safeFileName(name)}`);
  const created = !existsSync(path);
  // A streamed upload is moved into place (same folder tree: a rename), not written again.
  if (created && receivedAt) renameSync(receivedAt, path);
  else if (created) writeFileSync(path, content);
  else if (receivedAt) rmSync(receivedAt, { force: true });

  const job: UploadJob = {
    id: randomUUID(),
    file: name,
    path,
    state: 'running',
    steps: [`received ${printable(name)} (${formatBytes(content.length)}), format checked`],
    documentId: null,
    error: null,
    startedAt: new Date().toISOString(),
  };
  jobs.set(job.id, job);
  while (jobs.size > KEEP_JOBS) jobs.delete(jobs.keys().next().value!);
  job.steps.push('running the pipeline (read → normalise → structure → segment → extract → store)');

  const onProgress = (e: ProgressEvent) => {
    if (e.kind === 'stored') {
      job.state = 'stored';
      job.documentId = e.documentId;
      job.steps.push(`stored as document ${e.documentId} in plan ${e.planId}${e.joinedPlan ? ' (another rendering of a stored plan)' : ''}`);
    } else if (e.kind === 'skipped') {
      job.state = 'skipped';
      job.steps.push(`not stored again: ${e.reason}`);
    } else if (e.kind === 'failed') {
      job.state = 'failed';
      job.error = printable(e.error.replace(path, name));
      job.steps.push(`failed: ${job.error}`);
    }
  };
  const done = ingestPaths([path], { db: ctx.db, rules: ctx.rules, pipeline: ctx.pipeline, args: { upload: name }, onProgress })
    .then((summary) => {
      if (job.state === 'skipped') {
        job.documentId = documentIdOf(ctx.db, sha);
      }
      job.steps.push(`done in ${summary.seconds.toFixed(1)} s: ${summary.targets} targets, ${summary.actuals} actuals, ${summary.flagged} flagged`);
    })
    .catch((error: unknown) => {
      job.state = 'failed';
      job.error = printable(`${name}: ${(error as Error).message.split('\n')[0]}`);
      job.steps.push(`failed: ${job.error}`);
    })
    .finally(() => {
      // A file the pipeline could not store is not kept: the upload changed nothing but the failure record.
      if (job.state === 'failed' && created) rmSync(path, { force: true });
      running.delete(job.id);
    });
  running.set(job.id, done);
  return job;
}

export function formatBytes(n: number): string {
  const mb = n / 1024 / 1024;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
