/**
 * Checks a pipeline's order against what its stages declare: every key a stage
 * requires is provided by `openSource` or an earlier stage, and each key has
 * one provider. Run when a
 * pipeline is loaded, so a wrong order fails before any document.
 */
import { ConfigError } from './errors.js';
import type { Stage } from './stage.js';
import { INITIAL_KEYS, type StateKey } from './state.js';

export function checkStageOrder(path: string, stages: readonly Stage[]): void {
  const providers = new Map<StateKey, { stage: Stage; index: number } | 'openSource'>(INITIAL_KEYS.map((key) => [key, 'openSource']));
  stages.forEach((stage, index) => {
    for (const key of stage.requires) {
      if (!providers.has(key)) {
        throw new ConfigError(path, `stages[${index}] (${stage.name}) requires '${key}', which no earlier stage provides`);
      }
    }
    for (const key of stage.provides) {
      const earlier = providers.get(key);
      if (earlier) {
        const by = earlier === 'openSource' ? 'openSource' : `stages[${earlier.index}] (${earlier.stage.name})`;
        throw new ConfigError(path, `stages[${index}] (${stage.name}) provides '${key}', which ${by} already provides (a key has one provider)`);
      }
      providers.set(key, { stage, index });
    }
  });
}
