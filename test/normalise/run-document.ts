/** Runs the real ingest and normalise stages on a file, as the pipeline does. */
import { resolve } from 'node:path';
import type { StageContext } from '../../src/core/stage.js';
import type { DocumentState } from '../../src/core/state.js';
import { ingestStage, openSource } from '../../src/ingest/index.js';
import { normaliseStage } from '../../src/normalise/index.js';
import { RuleSet } from '../../src/rules/index.js';

export const CORPORA = resolve(import.meta.dirname, '../../corpora');
export const corpus = (name: string): string => resolve(CORPORA, name);

const context: StageContext = { rules: new RuleSet() };

export async function ingest(path: string, options: Record<string, unknown> = {}): Promise<DocumentState> {
  return ingestStage.run(await openSource(path), ingestStage.options.parse(options), context);
}

export async function ingestAndNormalise(path: string, normaliseOptions: Record<string, unknown> = {}): Promise<DocumentState> {
  return normaliseStage.run(await ingest(path), normaliseStage.options.parse(normaliseOptions), context);
}

/** Normalised paragraphs: paragraph blocks and the paragraphs inside boxes (one per line). */
export function paragraphs(state: DocumentState): string[] {
  const n = state.normalised!;
  return n.blocks
    .filter((b) => b.kind !== 'table')
    .flatMap((b) => (b.kind === 'box' ? n.text.slice(b.start, b.end).split('\n') : [n.text.slice(b.start, b.end)]));
}
