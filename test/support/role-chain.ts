/**
 * The role extractions (responsibilities, departments, milestones) on the
 * sample corpora: the real default pipeline without extract-quantities, which
 * these tests do not exercise; every stage that runs is real.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentState } from '../../src/core/state.js';
import { pipelineWithout, rules, runFile } from './pipeline.js';

export { rules };
export const CORPORA = join(import.meta.dirname, '../../corpora');
export const GOLD = join(import.meta.dirname, '../fixtures/gold');

const roles = pipelineWithout('extract-quantities');

export async function runChain(fileName: string): Promise<DocumentState> {
  return runChainAt(join(CORPORA, fileName));
}

export async function runChainAt(path: string): Promise<DocumentState> {
  return runFile(path, { pipeline: roles });
}

/** Every rendering (.txt/.docx/.pdf) of every document that has a gold file. */
export function renderings(): Array<{ file: string; doc: string }> {
  const docs = readdirSync(GOLD)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.replace(/\.gold\.json$/, ''));
  return readdirSync(CORPORA)
    .filter((f) => docs.some((d) => f.startsWith(d + '.')))
    .sort()
    .map((file) => ({ file, doc: docs.find((d) => file.startsWith(d + '.'))! }));
}
