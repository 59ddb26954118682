/**
 * The probe documents of this folder and the runner they go through: the real
 * default pipeline without extract-quantities (test/support/role-chain.ts) —
 * these probes measure structure, responsibilities, milestones and departments.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChainAt } from '../../support/role-chain.js';

export { rules } from '../../support/role-chain.js';
export const PROBES = join(import.meta.dirname, 'probes');
export const runChainOn = runChainAt;

/** Probe documents that have a gold file beside them. */
export function probeDocuments(): Array<{ file: string; gold: string }> {
  const files = readdirSync(PROBES);
  return files
    .filter((f) => /\.(txt|docx|pdf)$/.test(f))
    .map((f) => ({ file: f, gold: f.replace(/\.(txt|docx|pdf)$/, '.gold.json') }))
    .filter(({ gold }) => files.includes(gold))
    .sort((a, b) => a.file.localeCompare(b.file));
}
