/**
 * Each stage writes the keys it declares in `provides` and no other (besides
 * appending to `messages`, and ingest dropping the file's bytes): run the real
 * default pipeline stage by stage on a sample plan and compare each state with
 * the one before. A stage that quietly filled or rewrote another stage's key
 * would make the order check of loadPipeline a lie.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import type { DocumentState, StateKey } from '../../src/core/state.js';
import { openSource } from '../../src/ingest/index.js';
import { RuleSet } from '../../src/rules/index.js';
import { STAGES } from '../../src/stages.js';
import { CORPORA } from '../support/cli.js';

const SAMPLE = join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt');

describe('each stage writes only the keys it provides', async () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE, STAGES);
  const rules = new RuleSet();
  const changes: Array<{ stage: string; changed: StateKey[]; provides: readonly StateKey[] }> = [];
  let state: DocumentState = await openSource(SAMPLE);
  for (const { stage, options } of pipeline.steps) {
    const next = await stage.run(state, options, { rules });
    const keys = new Set([...Object.keys(state), ...Object.keys(next)] as StateKey[]);
    changes.push({ stage: stage.name, changed: [...keys].filter((k) => k !== 'messages' && next[k] !== state[k]), provides: stage.provides });
    state = next;
  }

  it.each(changes)('$stage', ({ stage, changed, provides }) => {
    const allowed: StateKey[] = [...provides, ...(stage === 'ingest' ? (['content'] as const) : [])];
    expect(changed.filter((k) => !allowed.includes(k))).toEqual([]);
    // What it declares it also fills: a provided key left empty would hide a stage that did not run.
    for (const key of provides) expect(state[key], key).toBeDefined();
  });
});
