import { openSource, ingestStage } from './src/ingest/index.js';
import { normaliseStage } from './src/normalise/index.js';
import { structureStage } from './src/structure/index.js';
import { segmentStage } from './src/segment/index.js';
import { extractResponsibilitiesStage } from './src/extract/responsibilities/index.js';
import { RuleSet } from './src/rules/index.js';
const rules = new RuleSet();
const f = process.argv[2]!;
let s = await openSource(f);
for (const st of [ingestStage, normaliseStage, structureStage, segmentStage, extractResponsibilitiesStage] as any[]) {
  try { s = await st.run(s, st.options.parse({}), { rules }); } catch (e) { console.log('ERR', st.name, (e as Error).message); }
}
const x = s.extractions!;
console.log('META', JSON.stringify(s.structure?.metadata));
console.log('DEPTS', x.departments.map(d=>d.name).join(' | '));
for (const r of x.responsibilities) console.log('R', r.sectionPath, r.task, '|', r.lead.join('、'), '|', r.support.join('、'), r.roles);
console.log('IMPL', x.implicitSupport);
for (const m of x.milestones) console.log('M', m.what, m.start, m.end, m.provenance.rule);
console.log(s.messages.filter(m=>m.severity!=='info').map(m=>m.code+':'+m.text).slice(0,5));
