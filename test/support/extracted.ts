/** The extraction keys of a pipeline state, each present , each a list (empty where its stage did not run). */
import type { DocumentState, Extractions } from '../../src/core/state.js';

export function extracted(state: DocumentState): Required<Extractions> {
  const keys = ['quantities', 'responsibilities', 'implicitSupport', 'departments', 'milestones'] as const;
  const present = Object.fromEntries(keys.map((key) => [key, state[key] ?? []])) as Required<Extractions>;
  return present;
}
