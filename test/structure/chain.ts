/** Runs the real pipeline up to normalise (and optionally structure/segment) on a corpus file. */
import { resolve } from 'node:path';
import type { DocumentState } from '../../src/core/state.js';
import { ingestStage, openSource } from '../../src/ingest/index.js';
import { normaliseStage } from '../../src/normalise/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { structureStage } from '../../src/structure/index.js';
import { segmentStage } from '../../src/segment/index.js';

export const CORPORA = resolve(import.meta.dirname, '../../corpora');
export const GOLD = resolve(import.meta.dirname, '../fixtures/gold');
export const rules = new RuleSet();

export async function normalised(file: string): Promise<DocumentState> {
  let state = await openSource(resolve(CORPORA, file));
  state = await ingestStage.run(state, ingestStage.options.parse({}), { rules });
  return normaliseStage.run(state, normaliseStage.options.parse({}), { rules });
}

export async function structured(file: string): Promise<DocumentState> {
  const state = await normalised(file);
  return structureStage.run(state, structureStage.options.parse({}), { rules });
}

export async function segmented(file: string): Promise<DocumentState> {
  const state = await structured(file);
  return segmentStage.run(state, segmentStage.options.parse({}), { rules });
}

// Several tests read the same document: run its chain once per test file (states are never mutated).
const cache = new Map<string, Promise<DocumentState>>();
function once(kind: string, file: string, run: (file: string) => Promise<DocumentState>): Promise<DocumentState> {
  const key = `${kind}:${file}`;
  if (!cache.has(key)) cache.set(key, run(file));
  return cache.get(key)!;
}
export const structuredOnce = (file: string) => once('structure', file, structured);
export const segmentedOnce = (file: string) => once('segment', file, segmented);
