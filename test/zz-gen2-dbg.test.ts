import { it } from 'vitest';
import { departmentRules, findUnits } from '/work/wt/gen2/src/extract/departments/index.js';
import { placeNames } from '/work/wt/gen2/src/extract/departments/places.js';
import { tagWords, useDictionary } from '/work/wt/gen2/src/extract/departments/words.js';
import { rules } from '/work/wt/gen2/test/extract/responsibilities/chain.js';
it('dbg', () => {
  useDictionary(rules.resource('userdict.utf8'));
  for (const t of (process.env.T ?? '').split('|')) {
    if (process.env.W) console.log(t, JSON.stringify(tagWords(t).words.map((w) => w.word + '/' + w.tag)));
    console.log('>>', t, '=>', findUnits(t, departmentRules(rules), placeNames()).map((c) => c.name + (c.actor ? '' : '(x)')).join(' | '));
  }
});
