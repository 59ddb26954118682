/**
 * The segmentation golden: for each corpus file, segment's input (normalised
 * text, page starts, structure) and its output (sentences and words), stored
 * together so the test checks the segment stage alone — a change upstream
 * (normalise, structure) does not break it, a change in segment does.
 * Stored gzipped (about 1 MB of JSON unzipped); written by make-golden.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OffsetMap } from '../../src/core/offset-map.js';
import type { NormalisedText, Segmentation, Structure } from '../../src/core/state.js';

export const CORPORA = resolve(import.meta.dirname, '../../corpora');
export const GOLDEN_DIR = resolve(import.meta.dirname, 'golden');

export interface SegmentGolden {
  file: string;
  input: { text: string; pageStarts?: number[]; structure: Structure };
  output: Segmentation;
}

export const goldenPath = (file: string) => resolve(GOLDEN_DIR, `${file}.json.gz`);

export function readGolden(file: string): SegmentGolden {
  return JSON.parse(gunzipSync(readFileSync(goldenPath(file))).toString('utf8')) as SegmentGolden;
}

/** The stored input as segment() takes it (blocks and offset map are not used by segment). */
export function goldenNormalised({ input }: SegmentGolden): NormalisedText {
  return { text: input.text, blocks: [], offsetMap: OffsetMap.identity(input.text.length), ...(input.pageStarts ? { pageStarts: input.pageStarts } : {}) };
}

export const corpusFiles = () =>
  readdirSync(CORPORA)
    .filter((f) => /\.(txt|docx|pdf)$/.test(f))
    .sort();
