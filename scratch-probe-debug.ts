import { CASES } from './test/extract/quantities/generalisation/cases.js';
import { documentText } from './test/extract/quantities/generalisation/probe.js';
import { writeFileSync } from 'node:fs';
import { DEFAULT_PIPELINE, loadPipeline, runPipeline } from './src/core/pipeline.js';
import { openSource } from './src/ingest/index.js';
import { RuleSet } from './src/rules/index.js';
import { STAGES } from './src/stages.js';
const id = process.argv[2]!;
const c = CASES.find((x) => x.id === id)!;
if (id !== 'file') writeFileSync('/tmp/probe-debug.txt', documentText(c));
const state = await runPipeline(loadPipeline(DEFAULT_PIPELINE, STAGES), await openSource('/tmp/probe-debug.txt'), { rules: new RuleSet() }, 'extract-quantities');
console.log(JSON.stringify(state.structure!.metadata));
for (const t of state.structure!.tables) { console.log('table headerRows', t.headerRows); for (const r of t.rows) console.log(r.map((c) => c.text + (c.carried ? '^' : '')).join(' | ')); }
console.log(state.structure!.sections.map((s) => s.path + ' ' + s.heading));
for (const q of state.extractions!.quantities) console.log(q.isFact ? '*' : ' ', q.kind, q.indicator, q.value, q.valueMax ?? '', q.unit, q.comparator, q.year, q.provenance.rule, q.cumulative ? 'cum' : '', q.perYear ? 'py' : '');
console.log(JSON.stringify(state.normalised!.text.slice(0, 300)));
