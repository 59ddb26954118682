/**
 * Receives one file field of a multipart/form-data body straight to a file
 * on disk, as the bytes arrive: an upload is never held in memory whole
 * (parseBody would hold it, and the File, and its ArrayBuffer copy).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReceivedFile {
  /** The name the browser sent. */
  name: string;
  /** Where the bytes are now (a temporary file the caller moves or removes). */
  path: string;
  bytes: number;
}

export class MultipartError extends Error {}

/** The file part grew past the limit: reading stopped there and the partial file is gone. */
export class FileTooLarge extends Error {}

/** Where uploads arrive before they are checked: inside the uploads folder, so moving one in is a rename. */
export function incomingDir(uploadDir: string): string {
  return join(uploadDir, '.incoming');
}

const CRLF_CRLF = Buffer.from('\r\n\r\n');

export async function receiveFile(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  field: string,
  dir: string,
  maxFileBytes: number = Infinity,
): Promise<ReceivedFile | null> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!/^multipart\/form-data/i.test(contentType) || !boundary) throw new MultipartError('not multipart/form-data');
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  mkdirSync(dir, { recursive: true });

  // The body is read as if it started with CRLF, so the first delimiter looks like every other.
  let pending: Buffer = Buffer.from('\r\n');
  let state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';
  let target: { handle: FileHandle; file: ReceivedFile } | null = null;
  let received: ReceivedFile | null = null;
  const write = async (bytes: Buffer) => {
    if (!target || bytes.length === 0) return;
    if (target.file.bytes + bytes.length > maxFileBytes) throw new FileTooLarge(`${target.file.name}`);
    await target.handle.write(bytes);
    target.file.bytes += bytes.length;
  };
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
      // Between parts only headers and delimiters are kept: a body of junk cannot grow this.
      if (state !== 'body' && pending.length > 64 * 1024) throw new MultipartError('no part found');
      for (let progressed = true; progressed && state !== 'done';) {
        progressed = false;
        if (state === 'preamble' || state === 'body') {
          const at = pending.indexOf(delimiter);
          if (at < 0) {
            // Keep what could be the start of a delimiter split across chunks.
            const safe = Math.max(0, pending.length - delimiter.length);
            if (state === 'body') await write(pending.subarray(0, safe));
            pending = pending.subarray(safe);
            break;
          }
          if (state === 'body') await write(pending.subarray(0, at));
          if (target) {
            await target.handle.close();
            received = target.file;
            target = null;
          }
          pending = pending.subarray(at);
          if (pending.length < delimiter.length + 2) break; // wait for '--' or CRLF
          const after = pending.subarray(delimiter.length, delimiter.length + 2).toString('latin1');
          pending = pending.subarray(delimiter.length + 2);
          state = after === '--' ? 'done' : 'headers';
          progressed = true;
        } else if (state === 'headers') {
          const end = pending.indexOf(CRLF_CRLF);
          if (end < 0) {
            if (pending.length > 16 * 1024) throw new MultipartError('part headers too long');
            break;
          }
          const part = partOf(pending.subarray(0, end).toString('utf8'));
          pending = pending.subarray(end + CRLF_CRLF.length);
          if (part.name === field && part.filename !== undefined && !received) {
            const path = join(dir, randomUUID());
            target = { handle: await open(path, 'w'), file: { name: part.filename, path, bytes: 0 } };
          }
          state = 'body';
          progressed = true;
        }
      }
    }
  } catch (error) {
    await discard(target?.file ?? null, target?.handle);
    await discard(received);
    throw error;
  }
  if (target) {
    // The body ended inside the file: a broken upload.
    await discard(target.file, target.handle);
    if (!received) throw new MultipartError('the upload ended before the file did');
  }
  if (state !== 'done' && !received) throw new MultipartError('no closing boundary');
  return received;
}

export async function discard(file: ReceivedFile | null, handle?: FileHandle): Promise<void> {
  await handle?.close().catch(() => undefined);
  if (file) await rm(file.path, { force: true });
}

/** name and filename of a part; browsers escape " CR LF in them as %22 %0D %0A (HTML spec). */
function partOf(headers: string): { name?: string; filename?: string } {
  const disposition = headers.split('\r\n').find((h) => /^content-disposition:/i.test(h)) ?? '';
  const param = (key: string) => {
    const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition) ?? new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(disposition);
    return m ? m[1]!.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/\\(.)/g, '$1') : undefined;
  };
  return { name: param('name'), filename: param('filename') };
}
