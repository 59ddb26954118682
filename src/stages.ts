/** Every stage a pipeline definition may name. */
import type { Stage } from './core/stage.js';
import { ingestStage } from './ingest/index.js';
import { normaliseStage } from './normalise/index.js';
import { structureStage } from './structure/index.js';
import { segmentStage } from './segment/index.js';
import { extractQuantitiesStage } from './extract/quantities/index.js';
import { extractResponsibilitiesStage } from './extract/responsibilities/index.js';
import { extractDepartmentsStage } from './extract/departments/index.js';
import { extractMilestonesStage } from './extract/milestones/index.js';

const stages: Stage[] = [
  ingestStage,
  normaliseStage,
  structureStage,
  segmentStage,
  extractQuantitiesStage,
  extractResponsibilitiesStage,
  extractDepartmentsStage,
  extractMilestonesStage,
];

export const STAGES: ReadonlyMap<string, Stage> = new Map(stages.map((s) => [s.name, s]));
