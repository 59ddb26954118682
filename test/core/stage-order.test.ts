import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/core/errors.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import type { Stage } from '../../src/core/stage.js';
import { STAGES } from '../../src/stages.js';

const DIR = mkdtempSync(join(tmpdir(), 'planlens-stage-order-'));
const DEFAULT_ORDER = [
  'ingest',
  'normalise',
  'structure',
  'segment',
  'extract-quantities',
  'extract-responsibilities',
  'extract-departments',
  'extract-milestones',
];

/** A stage that only declares: loading never runs it. */
function declaring(name: string, provides: Stage['provides']): Stage {
  return { name, description: name, options: z.object({}), requires: ['normalised'], provides, run: (state) => state };
}

const REGISTRY: ReadonlyMap<string, Stage> = new Map([
  ...STAGES,
  ['also-departments', declaring('also-departments', ['departments'])],
  ['rewrites-content', declaring('rewrites-content', ['content'])],
]);

function pipelineFile(name: string, stages: string[]): string {
  const path = join(DIR, `${name}.yaml`);
  writeFileSync(path, `name: ${name}\nstages:\n${stages.map((s) => `  - stage: ${s}\n`).join('')}`);
  return path;
}

function without(...names: string[]): string[] {
  return DEFAULT_ORDER.filter((s) => !names.includes(s));
}

describe('loadPipeline checks the stage order against requires/provides', () => {
  const valid: Array<{ name: string; stages: string[] }> = [
    { name: 'default-order', stages: DEFAULT_ORDER },
    {
      name: 'quantities-last',
      stages: [...without('extract-quantities'), 'extract-quantities'],
    },
    { name: 'without-quantities', stages: without('extract-quantities') },
    { name: 'milestones-before-departments', stages: [...without('extract-departments'), 'extract-departments'] },
    { name: 'responsibilities-only', stages: without('extract-quantities', 'extract-departments', 'extract-milestones') },
    { name: 'stops-after-structure', stages: ['ingest', 'normalise', 'structure'] },
  ];
  it.each(valid)('$name loads', ({ name, stages }) => {
    expect(loadPipeline(pipelineFile(name, stages), REGISTRY).steps.map((s) => s.stage.name)).toEqual(stages);
  });

  const invalid: Array<{ name: string; stages: string[]; error: string }> = [
    {
      name: 'segment-before-structure',
      stages: ['ingest', 'normalise', 'segment', 'structure'],
      error: "stages[2] (segment) requires 'structure', which no earlier stage provides",
    },
    { name: 'no-ingest', stages: without('ingest'), error: "stages[0] (normalise) requires 'raw', which no earlier stage provides" },
    { name: 'no-normalise', stages: without('normalise'), error: "stages[1] (structure) requires 'normalised', which no earlier stage provides" },
    { name: 'no-segment', stages: without('segment'), error: "stages[3] (extract-quantities) requires 'segments', which no earlier stage provides" },
    {
      name: 'extraction-before-segment',
      stages: ['ingest', 'normalise', 'structure', 'extract-responsibilities', 'segment'],
      error: "stages[3] (extract-responsibilities) requires 'segments', which no earlier stage provides",
    },
    {
      name: 'structure-twice',
      stages: ['ingest', 'normalise', 'structure', 'structure'],
      error: "stages[3] (structure) provides 'structure', which stages[2] (structure) already provides",
    },
    {
      name: 'departments-without-responsibilities',
      stages: without('extract-responsibilities', 'extract-milestones'),
      error: "stages[5] (extract-departments) requires 'listedUnits', which no earlier stage provides",
    },
    {
      name: 'milestones-before-responsibilities',
      stages: [...without('extract-responsibilities', 'extract-departments'), 'extract-responsibilities'],
      error: "stages[5] (extract-milestones) requires 'responsibilities', which no earlier stage provides",
    },
    {
      name: 'departments-twice',
      stages: [...DEFAULT_ORDER, 'also-departments'],
      error: "stages[8] (also-departments) provides 'departments', which stages[6] (extract-departments) already provides",
    },
    {
      name: 'overwrites-what-openSource-provides',
      stages: ['ingest', 'normalise', 'rewrites-content'],
      error: "stages[2] (rewrites-content) provides 'content', which openSource already provides",
    },
  ];
  it.each(invalid)('$name fails naming the file, the stage and the key', ({ name, stages, error }) => {
    const path = pipelineFile(name, stages);
    let thrown: unknown;
    try {
      loadPipeline(path, REGISTRY);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as ConfigError).message;
    expect(message.startsWith(`${path}: ${error}`)).toBe(true);
    expect(message).not.toContain('\n');
  });
});

describe('stage declarations', () => {
  it('the default pipeline file loads with the registered stages', () => {
    expect(loadPipeline(DEFAULT_PIPELINE, STAGES).steps.map((s) => s.stage.name)).toEqual(DEFAULT_ORDER);
  });

  it.each([...STAGES.values()].map((stage) => ({ name: stage.name, stage })))('$name provides keys no other stage provides', ({ stage }) => {
    const others = [...STAGES.values()].filter((s) => s !== stage).flatMap((s) => s.provides);
    for (const key of stage.provides) expect(others).not.toContain(key);
  });
});
