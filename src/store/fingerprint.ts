/**
 * Near-duplicate detection on normalised text. The same plan as .docx, .pdf
 * and .txt has different bytes but (nearly) the same words, so we compare
 * character shingles of the text with whitespace and punctuation removed:
 * line breaks, page headers and full-/half-width punctuation differ between
 * renderings, the characters of the plan do not.
 *
 * A MinHash signature (128 values) estimates the Jaccard similarity of two
 * shingle sets; LSH bands of it let the store find candidates by index.
 */
import { createHash } from 'node:crypto';

export const SHINGLE = 5;
export const HASHES = 128;
export const BANDS = 32; // 32 bands x 4 rows: candidates from about 0.4 similarity up
const ROWS = HASHES / BANDS;

/**
 * Measured on corpora/ (docs/schema.md): the renderings of one plan score
 * 1.00 against each other (docx/pdf/txt after normalisation), different plans
 * on the same topic 0.02–0.06 (exact Jaccard ≤ 0.044). A revised draft or a
 * PDF with extraction noise loses a few percent; two plans sharing template
 * paragraphs stay far below one half. 0.7 leaves room on both sides, and the
 * 32x4 LSH bands find a pair at 0.7 with probability 0.9998.
 */
export const SAME_PLAN_THRESHOLD = 0.7;

/** Text with everything but letters and digits removed (CJK characters are letters). */
export function contentCharacters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The set of `size`-unit windows of the content characters (what minhash estimates the Jaccard similarity of). */
export function shingles(text: string, size = SHINGLE): Set<string> {
  const content = contentCharacters(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= content.length; i++) out.add(content.substring(i, i + size));
  if (out.size === 0 && content.length > 0) out.add(content);
  return out;
}

/** Exact Jaccard similarity of two texts' shingle sets (for measurement and tests). */
export function jaccard(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let common = 0;
  for (const s of sa) if (sb.has(s)) common++;
  return common / (sa.size + sb.size - common);
}

// The i-th hash function is murmur3's 32-bit finaliser applied to the
// shingle's base hash xor a fixed per-function seed: well mixed, pure 32-bit
// integer arithmetic (fast), and the seeds are derived from fixed strings so
// signatures stay comparable across runs and machines.
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => createHash('sha256').update(`planlens-minhash-${i}`).digest().readUInt32LE(0));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function minhash(text: string): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  // Repeated shingles need no de-duplication: a minimum is the same however often a value occurs.
  // Windows are UTF-16 code units: plan text is BMP Chinese, and a split surrogate pair only shifts one shingle.
  const content = contentCharacters(text);
  const windows = Math.max(1, content.length - SHINGLE + 1);
  for (let start = 0; start < windows; start++) {
    const x = fnv1a(content.substring(start, start + SHINGLE));
    for (let i = 0; i < HASHES; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One 32-bit key per band; equal keys mean the band's rows are all equal. */
export function bands(signature: Uint32Array): number[] {
  const out: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = Array.from(signature.subarray(band * ROWS, (band + 1) * ROWS)).join(',');
    // signed 32-bit: fits SQLite INTEGER and round-trips through better-sqlite3 as a number
    out.push(fnv1a(rows) | 0);
  }
  return out;
}

export function toBlob(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function fromBlob(blob: Buffer): Uint32Array {
  const copy = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) copy[i] = blob.readUInt32LE(i * 4);
  return copy;
}
