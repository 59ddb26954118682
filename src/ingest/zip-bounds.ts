/**
 * Checks what a zip (a .docx) would expand to before anything inflates it
 * whole: first the sizes its central directory declares, then — because
 * those can lie — the bytes each entry really inflates to, counted as a
 * stream and abandoned at the limit, so a bomb costs a few MB at most.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { DocumentError } from '../core/errors.js';
import { formatSize, LimitError, type InputLimits } from './limits.js';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Small entries may compress very well (repeated XML boilerplate) without harm. */
const RATIO_CHECKED_ABOVE = 1024 * 1024;

type ZipLimits = Pick<InputLimits, 'maxUnzippedBytes' | 'maxCompressionRatio'>;

export async function checkZipBounds(content: Buffer, limits: ZipLimits): Promise<void> {
  const entries = centralDirectory(content);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.uncompressedSize;
    checkRatio(entry.name, entry.uncompressedSize, entry.compressedSize, limits);
  }
  if (declared > limits.maxUnzippedBytes) {
    throw new LimitError('maxUnzippedBytes', limits.maxUnzippedBytes, `the .docx expands to ${formatSize(declared)}`);
  }
  let inflated = 0;
  for (const entry of entries) {
    const size = await inflatedSize(content, entry, limits.maxUnzippedBytes - inflated);
    if (size === null) {
      throw new LimitError('maxUnzippedBytes', limits.maxUnzippedBytes, `the .docx expands to more than it declares (${entry.name})`);
    }
    inflated += size;
    checkRatio(entry.name, size, entry.compressedSize, limits);
  }
}

function checkRatio(name: string, uncompressed: number, compressed: number, limits: ZipLimits): void {
  if (uncompressed <= RATIO_CHECKED_ABOVE) return;
  const ratio = uncompressed / Math.max(1, compressed);
  if (ratio > limits.maxCompressionRatio) {
    throw new LimitError(
      'maxCompressionRatio',
      limits.maxCompressionRatio,
      `${name} in the .docx expands ${Math.round(ratio)} times (${formatSize(compressed)} to ${formatSize(uncompressed)})`,
    );
  }
}

/** The entries of the central directory; zip64 sizes are read from their extra field. */
function centralDirectory(content: Buffer): ZipEntry[] {
  const end = findEndRecord(content);
  if (end < 0) throw new DocumentError('unreadable', 'the .docx cannot be read: the zip has no central directory (damaged or truncated)');
  const count = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count || (count === 0xffff && at + 46 <= content.length && content.readUInt32LE(at) === CENTRAL_HEADER); i++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== CENTRAL_HEADER) break;
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: content.toString('utf8', at + 46, at + 46 + nameLength),
      method: content.readUInt16LE(at + 10),
      compressedSize: content.readUInt32LE(at + 20),
      uncompressedSize: content.readUInt32LE(at + 24),
      localHeaderOffset: content.readUInt32LE(at + 42),
    };
    readZip64Sizes(content.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(content: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = content.length - 22; at >= Math.max(0, content.length - 22 - 0xffff); at--) {
    if (content.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

function readZip64Sizes(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= extra.length ? Number(extra.readBigUInt64LE(field)) : 0;
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/**
 * The bytes an entry really inflates to, or null past `budget`. Damaged data
 * is left for the reader to report: this only measures.
 */
async function inflatedSize(content: Buffer, entry: ZipEntry, budget: number): Promise<number | null> {
  const at = entry.localHeaderOffset;
  if (at + 30 > content.length || content.readUInt32LE(at) !== LOCAL_HEADER) return 0;
  const start = at + 30 + content.readUInt16LE(at + 26) + content.readUInt16LE(at + 28);
  const data = content.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.length <= budget ? data.length : null;
  if (entry.method !== 8) return 0;
  let total = 0;
  const inflate = createInflateRaw();
  try {
    for await (const chunk of Readable.from([data]).pipe(inflate)) {
      total += (chunk as Buffer).length;
      if (total > budget) return null;
    }
  } catch {
    return total; // damaged: the reader says so
  } finally {
    inflate.destroy();
  }
  return total;
}
