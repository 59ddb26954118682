import { useDictionary, tagWords } from './src/extract/departments/words.js';
import { RuleSet } from './src/rules/index.js';
import { departmentRules, findUnits } from './src/extract/departments/index.js';
import { placeNames } from './src/extract/departments/places.js';
const rules = new RuleSet();
useDictionary(rules.resource('userdict.utf8'));
for (const t of process.argv.slice(2)) {
  console.log(tagWords(t).words.map(w=>w.word+'/'+w.tag).join(' '));
  console.log(findUnits(t, departmentRules(rules), placeNames()).map(c=>`${c.name}[${c.rule}${c.actor?'':',obj'}]`));
}
