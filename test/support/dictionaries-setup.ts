/**
 * Before every test file: jieba with the project's user dictionary, as the
 * pipeline has it from the segment stage on. Loaded once per worker (test
 * files share their worker's modules) instead of once per file, and every
 * file sees the same dictionary whichever file ran before it in the worker,
 * including one that ingested with a copied rules directory.
 */
import { RuleSet } from '../../src/rules/index.js';
import { loadDictionaries } from '../../src/text/jieba.js';

loadDictionaries(new RuleSet().resource('userdict.utf8'));
