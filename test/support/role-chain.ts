/**
 * Runs the real foundation stages and this stage on a corpus file. The full
 * default pipeline is not used here so these tests do not depend on stages
 * this folder does not exercise (quantities); every stage that runs is real.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type Pipeline } from '../../../src/core/pipeline.js';
import type { Stage } from '../../../src/core/stage.js';
import type { DocumentState } from '../../../src/core/state.js';
import { openSource, ingestStage } from '../../../src/ingest/index.js';
import { normaliseStage } from '../../../src/normalise/index.js';
import { structureStage } from '../../../src/structure/index.js';
import { segmentStage } from '../../../src/segment/index.js';
import { extractResponsibilitiesStage } from '../../../src/extract/responsibilities/index.js';
import { extractDepartmentsStage } from '../../../src/extract/departments/index.js';
import { extractMilestonesStage } from '../../../src/extract/milestones/index.js';
import { RuleSet } from '../../../src/rules/index.js';

export const CORPORA = join(import.meta.dirname, '../../../corpora');
export const GOLD = join(import.meta.dirname, '../../fixtures/gold');
export const rules = new RuleSet();

const stages: Stage[] = [
  ingestStage,
  normaliseStage,
  structureStage,
  segmentStage,
  extractResponsibilitiesStage,
  extractDepartmentsStage,
  extractMilestonesStage,
];
const pipeline: Pipeline = { name: 'responsibilities-test', steps: stages.map((stage) => ({ stage, options: stage.options.parse({}) })) };

export async function runChain(fileName: string): Promise<DocumentState> {
  return runChainAt(join(CORPORA, fileName));
}

export async function runChainAt(path: string): Promise<DocumentState> {
  return runPipeline(pipeline, await openSource(path), { rules });
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
