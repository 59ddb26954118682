/**
 * Promotion: corrections that generalise become rule data, so the next plan
 * written the same way is extracted right without a reviewer.
 *   - a name a reviewer vouched for as a canonical indicator (linked by
 *     hand, or a similarity link accepted) → an alias of that indicator in
 *     its catalogue file (rules/indicators/<domain>.yaml), unless it is
 *     already one of its names;
 *   - a unit the unit rules do not know → a new entry in rules/units.yaml.
 * The files are edited in place, text inserted where the Document API says
 * the node is: comments, order and each file's own flow style stay exactly as
 * they were (re-printing the whole file would re-space every flow list).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { UnitsFile, UnitTable } from '../extract/common/units.js';
import { basename, join } from 'node:path';
import { CATALOGUE_DIR, catalogueFiles, DomainFile, loadCatalogue } from '../extract/quantities/catalogue.js';
import { linkKey, NameDecomposer } from '../text/indicator-names/link.js';
import { RuleSet } from '../rules/index.js';
import { squeeze } from '../text/names.js';
import type { Db } from '../store/index.js';
import { effectiveChain, groupByRecord, type CorrectionRow } from './apply.js';
import { lineDiff } from './diff.js';
import type { Fields } from '../records/index.js';
import { ReviewInputError } from './queue.js';

export interface PromotionChange {
  file: string;
  kind: 'indicator-alias' | 'unit' | 'indicator';
  /** What is added: the alias or the unit word. */
  value: string;
  /** indicator id for an alias or a new indicator; base unit for a unit. */
  target: string;
  /** The corrections it comes from (none for an accepted group). */
  corrections: number[];
}

export interface Promotion {
  changes: PromotionChange[];
  /** Corrections that looked promotable but were not, with why. */
  skipped: string[];
  /** New text per changed file. */
  files: Map<string, { before: string; after: string }>;
  /** Unified-style diff of every changed file. */
  diff: string;
}

/** The latest correction in force on each quantity record, across the database. */
function quantityCorrections(db: Db): CorrectionRow[] {
  const all = db.prepare(`SELECT * FROM review_corrections WHERE record_type = 'quantity' ORDER BY id`).all() as CorrectionRow[];
  // Key by content too: one sha256's record is one record, whatever path it was seen under.
  const bySha = new Map<string, CorrectionRow[]>();
  for (const c of all) bySha.set(c.document_sha256, [...(bySha.get(c.document_sha256) ?? []), c]);
  const latest: CorrectionRow[] = [];
  for (const rows of bySha.values()) {
    for (const chain of groupByRecord(rows).values()) {
      const last = effectiveChain(chain).at(-1);
      if (last && last.action !== 'reject') latest.push(last);
    }
  }
  return latest;
}

export function planPromotion(db: Db, rulesDir: string): Promotion {
  const rules = new RuleSet(rulesDir);
  const unitsPath = rules.pathOf('units');
  const unitsText = readFileSync(unitsPath, 'utf8');
  const units = new UnitTable(rules.get('units', UnitsFile));

  // Every name of every catalogue file, and the file each indicator is in (an alias goes next to its indicator).
  const catalogueTexts = new Map(catalogueFiles(rulesDir).map((path) => [path, readFileSync(path, 'utf8')]));
  const known = new Map<string, string>();
  const fileOf = new Map<string, string>();
  for (const [path, text] of catalogueTexts) {
    for (const [name, id] of knownIndicatorNames(parseDocument(text))) {
      known.set(name, id);
      if (name.startsWith('#')) fileOf.set(id, path);
    }
  }
  const catalogueDir = join(rulesDir, CATALOGUE_DIR);
  // A name that reads as another indicator's (same object, qualifiers, base) would make the catalogue ambiguous.
  const decomposer = new NameDecomposer(loadCatalogue(rules).names);
  const keyOwner = new Map<string, string>();
  for (const ind of loadCatalogue(rules).indicators) for (const n of [ind.name, ...ind.aliases]) keyOwner.set(linkKey(decomposer.decompose(n)), ind.id);
  const changes: PromotionChange[] = [];
  const skipped: string[] = [];
  const aliasFor = new Map<string, PromotionChange>();
  const unitFor = new Map<string, PromotionChange>();

  for (const c of quantityCorrections(db)) {
    const after = JSON.parse(c.after ?? '{}') as Fields;
    const extracted = c.extracted ? (JSON.parse(c.extracted) as Fields) : null;
    const id = after.indicator_id as string | null;
    const name = typeof after.indicator === 'string' ? squeeze(after.indicator) : '';
    // Any name a reviewer vouched for as this indicator (linked by hand, or a similarity link accepted) is an alias.
    if (id && name) {
      const owner = known.get(name);
      if (owner === id) {
        // Already a name of that indicator: nothing to learn.
      } else if (owner) {
        skipped.push(`correction ${c.id}: '${name}' is already a name of ${owner}, not adding it to ${id}`);
      } else if ((keyOwner.get(linkKey(decomposer.decompose(name))) ?? id) !== id) {
        const other = keyOwner.get(linkKey(decomposer.decompose(name)));
        skipped.push(`correction ${c.id}: '${name}' reads as a name of ${other} (same object, qualifiers and base), not adding it to ${id}`);
      } else if (!known.has(`#${id}`)) {
        skipped.push(`correction ${c.id}: ${id} is not in the catalogue (${catalogueDir})`);
      } else {
        const existing = aliasFor.get(name);
        if (existing && existing.target !== id) skipped.push(`correction ${c.id}: '${name}' is linked to both ${existing.target} and ${id}; left out`);
        else if (existing) existing.corrections.push(c.id);
        else {
          const change: PromotionChange = { file: fileOf.get(id)!, kind: 'indicator-alias', value: name, target: id, corrections: [c.id] };
          aliasFor.set(name, change);
          changes.push(change);
        }
      }
    }
    const unit = typeof after.unit === 'string' ? squeeze(after.unit) : '';
    if (unit && (extracted === null || extracted.unit !== after.unit) && !units.parse(unit)) {
      const word = stripMagnitude(unit, rules);
      if (units.parse(word)) continue;
      const existing = unitFor.get(word);
      if (existing) existing.corrections.push(c.id);
      else {
        const change: PromotionChange = { file: unitsPath, kind: 'unit', value: word, target: word, corrections: [c.id] };
        unitFor.set(word, change);
        changes.push(change);
      }
    }
  }

  const files = new Map<string, { before: string; after: string }>();
  for (const [path, text] of catalogueTexts) {
    const aliases = changes.filter((c) => c.kind === 'indicator-alias' && c.file === path);
    if (aliases.length) files.set(path, { before: text, after: addAliases(text, aliases) });
  }
  const newUnits = changes.filter((c) => c.kind === 'unit');
  if (newUnits.length) files.set(unitsPath, { before: unitsText, after: addUnits(unitsText, newUnits) });
  const diff = [...files].map(([file, { before, after }]) => lineDiff(before, after, file)).join('');
  return { changes, skipped, files, diff };
}

/** A proposed indicator a reviewer accepts: the group's names and what the reviewer adds. */
export interface NewIndicator {
  id: string;
  name: string;
  /** The group's other names as written (the name itself and known names are left out). */
  aliases: string[];
  baseUnit: string | null;
  /** Further fields the catalogue asks for (category, domain …), written as given. */
  fields: Record<string, string>;
}

/**
 * A group accepted as a new catalogue entry, appended to the indicators
 * list in the file's own style. Refused when the id exists or the result
 * would not load (a field the catalogue requires is missing): the reviewer is
 * told which, and nothing is written.
 */
export function planGroupPromotion(rulesDir: string, entry: NewIndicator): Promotion {
  // The id's first part is its domain, and the domain's file is where it goes (rules/indicators/README.md).
  const domain = entry.id.includes('.') ? entry.id.slice(0, entry.id.indexOf('.')) : '';
  const files = catalogueFiles(rulesDir);
  const path = files.find((f) => basename(f, '.yaml') === domain);
  if (!path) {
    const domains = files.map((f) => basename(f, '.yaml')).join(', ');
    throw new ReviewInputError(
      `--id ${entry.id}: an id starts with its domain and a dot (one of ${domains}), e.g. ${files.length ? basename(files[0]!, '.yaml') : 'economy'}.my-indicator`,
    );
  }
  const known = new Map<string, string>();
  for (const f of files) for (const [name, id] of knownIndicatorNames(parseDocument(readFileSync(f, 'utf8')))) known.set(name, id);
  const before = readFileSync(path, 'utf8');
  const doc = parseDocument(before);
  if (known.has(`#${entry.id}`)) throw new ReviewInputError(`${entry.id} is already an indicator in ${join(rulesDir, CATALOGUE_DIR)}; pick another --id`);
  const name = squeeze(entry.name);
  if (known.has(name)) throw new ReviewInputError(`'${name}' is already a name of ${known.get(name)}; add the group's names to it as aliases instead`);
  const skipped: string[] = [];
  const aliases: string[] = [];
  for (const alias of entry.aliases.map(squeeze)) {
    if (alias === name || aliases.includes(alias)) continue;
    const owner = known.get(alias);
    if (owner) skipped.push(`'${alias}' is already a name of ${owner}; not adding it to ${entry.id}`);
    else aliases.push(alias);
  }
  const after = appendIndicator(before, doc, { ...entry, name, aliases });
  try {
    DomainFile.parse(parseDocument(after).toJS());
  } catch (error) {
    const issue = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues?.[0];
    const where = issue ? issue.path.slice(2).join('.') : '';
    throw new ReviewInputError(`the new entry would not load (${where ? `${where}: ` : ''}${issue?.message ?? String(error)}); give it with --field KEY=VALUE`);
  }
  const change: PromotionChange = { file: path, kind: 'indicator', value: name, target: entry.id, corrections: [] };
  return { changes: [change], skipped, files: new Map([[path, { before, after }]]), diff: lineDiff(before, after, path) };
}

function appendIndicator(text: string, doc: Document, entry: NewIndicator): string {
  const items = indicatorItems(doc) as Array<YAMLMap & { range?: [number, number, number] }>;
  const last = items.at(-1);
  if (!last?.range) throw new ReviewInputError('the catalogue file has no indicators list to add to');
  const firstKey = last.items[0]!.key as { range?: [number, number, number] };
  const lineOfItem = text.slice(lineStart(text, firstKey.range![0]), lineEnd(text, firstKey.range![0]));
  const dash = /^\s*-\s*/.exec(lineOfItem)?.[0] ?? '  - ';
  const indent = ' '.repeat(dash.length);
  const lines = [`${dash}id: ${flowScalar(entry.id)}`, `${indent}name: ${flowScalar(entry.name)}`];
  if (entry.aliases.length) lines.push(`${indent}aliases: [${entry.aliases.map(flowScalar).join(', ')}]`);
  for (const [key, value] of Object.entries(entry.fields)) lines.push(`${indent}${key}: ${flowScalar(value)}`);
  if (entry.baseUnit && !('baseUnit' in entry.fields)) lines.push(`${indent}baseUnit: ${flowScalar(entry.baseUnit)}`);
  const at = lineEnd(text, last.range[1] - 1);
  return applyEdits(text, [{ at, insert: lines.map((l) => `\n${l}`).join('') }]);
}

export function writePromotion(promotion: Promotion): string[] {
  for (const [file, { after }] of promotion.files) {
    // Never write a file the rule loader would then reject.
    parseDocument(after, { prettyErrors: false });
    writeFileSync(file, after);
  }
  return [...promotion.files.keys()];
}

/** name (squeezed) → indicator id, for names and aliases; '#id' → id for the ids themselves. */
function knownIndicatorNames(doc: Document): Map<string, string> {
  const known = new Map<string, string>();
  for (const item of indicatorItems(doc)) {
    const id = String(item.get('id'));
    known.set(`#${id}`, id);
    known.set(squeeze(String(item.get('name'))), id);
    const aliases = item.get('aliases', true);
    if (isSeq(aliases)) for (const a of aliases.items) if (isScalar(a)) known.set(squeeze(String(a.value)), id);
  }
  return known;
}

function indicatorItems(doc: Document): YAMLMap[] {
  const root = doc.contents;
  const list = isSeq(root) ? root : isMap(root) ? root.get('indicators', true) : null;
  return isSeq(list) ? list.items.filter(isMap) : [];
}

/** A YAML scalar as it can stand in a flow list, quoted only where it must be. */
function flowScalar(text: string): string {
  return /^[\p{L}\p{N}][^,[\]{}:#'"\n]*$/u.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

interface Edit {
  at: number;
  insert: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.at);
  return out;
}

function lineEnd(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  return n < 0 ? text.length : n;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function addAliases(text: string, changes: PromotionChange[]): string {
  const doc = parseDocument(text);
  const items = indicatorItems(doc);
  const edits: Edit[] = [];
  const byId = new Map<string, string[]>();
  for (const c of changes) byId.set(c.target, [...(byId.get(c.target) ?? []), c.value]);
  for (const [id, names] of byId) {
    const item = items.find((i) => String(i.get('id')) === id)!;
    const aliases = item.get('aliases', true);
    if (isSeq(aliases) && aliases.flow && aliases.range) {
      const close = text.lastIndexOf(']', aliases.range[1]);
      const empty = aliases.items.length === 0;
      edits.push({ at: close, insert: (empty ? '' : ', ') + names.map(flowScalar).join(', ') });
    } else if (isSeq(aliases) && aliases.range) {
      const last = (aliases.items.at(-1) as YAMLSeq['items'][number] & { range?: [number, number, number] }).range!;
      const indent = text.slice(lineStart(text, last[0]), last[0]);
      edits.push({ at: lineEnd(text, last[1]), insert: names.map((n) => `\n${indent}${flowScalar(n)}`).join('') });
    } else {
      const namePair = item.items.find((p) => isScalar(p.key) && p.key.value === 'name');
      const anchorNode = (namePair?.value ?? item.items[0]!.value) as { range?: [number, number, number] };
      const at = lineEnd(text, anchorNode.range![1]);
      const keyNode = (namePair?.key ?? item.items[0]!.key) as { range?: [number, number, number] };
      const indent = text.slice(lineStart(text, keyNode.range![0]), keyNode.range![0]).replace(/-/g, ' ');
      edits.push({ at, insert: `\n${indent}aliases: [${names.map(flowScalar).join(', ')}]` });
    }
  }
  return applyEdits(text, edits);
}

function addUnits(text: string, changes: PromotionChange[]): string {
  const doc = parseDocument(text);
  const units = doc.get('units', true) as YAMLSeq | undefined;
  if (!isSeq(units) || units.items.length === 0) throw new Error('rules/units.yaml: no units list to add to');
  const items = units.items as Array<YAMLMap & { range?: [number, number, number] }>;
  // New units go after the last real unit: the catch-all empty unit and its comment stay last.
  const lastReal = [...items].reverse().find((i) => isMap(i) && i.get('unit') !== '') ?? items.at(-1)!;
  const at = lineEnd(text, lastReal.range![1] - 1);
  const line = text.slice(lineStart(text, lastReal.range![0]), lineEnd(text, lastReal.range![0]));
  const indent = /^\s*-\s*/.exec(line)?.[0] ?? '  - ';
  const padded = /\{\s/.test(line);
  const entry = (u: string) => (padded ? `{ unit: ${flowScalar(u)}, base: ${flowScalar(u)} }` : `{unit: ${flowScalar(u)}, base: ${flowScalar(u)}}`);
  return applyEdits(text, [{ at, insert: changes.map((c) => `\n${indent}${entry(c.value)}`).join('') }]);
}

function stripMagnitude(unit: string, rules: RuleSet): string {
  const magnitudes = rules
    .get('units', UnitsFile)
    .magnitudes.map((m) => m.word)
    .sort((a, b) => b.length - a.length);
  const m = magnitudes.find((w) => unit.startsWith(w) && unit.length > w.length);
  return m ? unit.slice(m.length) : unit;
}
