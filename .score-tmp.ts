import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChain, renderings, GOLD } from './test/extract/responsibilities/chain.js';
import { toGold } from './src/export/gold.js';
import { scoreDocument } from './src/eval/score.js';
import { parseGold } from './src/eval/read-gold.js';
for (const { file, doc } of renderings()) {
  const gold = parseGold(JSON.parse(readFileSync(join(GOLD, doc + '.gold.json'), 'utf8')), doc);
  const state = await runChain(file);
  const fatal = state.messages.filter((m) => m.severity === 'fatal');
  const pred = toGold(state, file);
  const sc = scoreDocument(gold, pred);
  const line = ['responsibilities', 'implicit_support', 'milestones', 'departments'].map((k) => { const s = (sc.sections as any)[k]; return `${k.slice(0,5)} tp${s.tp} fp${s.fp} fn${s.fn}`; }).join('  ');
  console.log(file.padEnd(45), line, fatal.map(f=>f.text).join(';'));
  for (const k of ['responsibilities', 'milestones', 'departments', 'implicit_support']) {
    const s = (sc.sections as any)[k];
    for (const m of s.misses) console.log('   MISS', k, m.fact);
    for (const m of s.falsePositives) console.log('   FP  ', k, m.fact);
  }
}
