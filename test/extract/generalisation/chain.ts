/**
 * Runs the real stages (ingest → normalise → structure → segment →
 * extract-responsibilities → extract-departments → extract-milestones)
 * on a probe document. Quantities are not run: these
 * probes measure structure, responsibilities, milestones and departments.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, type Pipeline } from '../../src/core/pipeline.js';
import type { Stage } from '../../src/core/stage.js';
import type { DocumentState } from '../../src/core/state.js';
import { extractResponsibilitiesStage } from '../../src/extract/responsibilities/index.js';
import { extractDepartmentsStage } from '../../src/extract/departments/index.js';
import { extractMilestonesStage } from '../../src/extract/milestones/index.js';
import { ingestStage, openSource } from '../../src/ingest/index.js';
import { normaliseStage } from '../../src/normalise/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { segmentStage } from '../../src/segment/index.js';
import { structureStage } from '../../src/structure/index.js';

export const PROBES = join(import.meta.dirname, 'probes');
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
const pipeline: Pipeline = { name: 'generalisation-probe', steps: stages.map((stage) => ({ stage, options: stage.options.parse({}) })) };

export async function runChainOn(path: string): Promise<DocumentState> {
  return runPipeline(pipeline, await openSource(path), { rules });
}

/** Probe documents that have a gold file beside them. */
export function probeDocuments(): Array<{ file: string; gold: string }> {
  const files = readdirSync(PROBES);
  return files
    .filter((f) => /\.(txt|docx|pdf)$/.test(f))
    .map((f) => ({ file: f, gold: f.replace(/\.(txt|docx|pdf)$/, '.gold.json') }))
    .filter(({ gold }) => files.includes(gold))
    .sort((a, b) => a.file.localeCompare(b.file));
}
