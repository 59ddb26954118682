/**
 * The canonical indicator catalogue: one YAML file per domain under
 * rules/indicators/ (economy, innovation, digital …) and the linking
 * configuration in rules/indicator-linking.yaml, with the word table names
 * are taken apart with (rules/indicator-names.yaml). Each file is validated on
 * its own, so an error names the file and the field; the loader then checks
 * what no single file can: ids unique across files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import { loadRuleFile, type RuleSet } from '../../rules/index.js';
import { loadIndicatorNames } from '../../text/indicator-names/rules.js';
import type { IndicatorNameWords } from '../../text/indicator-names/words.js';

const Word = z.string().min(1);

/** What a figure of the indicator is: a level, a yearly amount, a running total, a part of a whole, a rate, a change, a ratio to population. */
export const IndicatorKind = z.enum(['stock', 'flow', 'cumulative', 'share', 'rate', 'growth', 'per-capita']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;

/** The direction that counts as better; target-band where a plan aims at a range (制造业比重基本稳定). */
export const IndicatorDirection = z.enum(['up', 'down', 'target-band']);

export const CatalogueEntry = z
  .strictObject({
    id: Word,
    name: Word,
    aliases: z.array(Word).default([]),
    /** The IP plans' own grouping (创造, 运用 …), kept for `planlens query --category`. */
    category: z.enum(['创造', '运用', '保护', '管理', '服务', '人才']).optional(),
    /** '%' for shares and rates; the unit counted in otherwise (件, 元, 家 …). */
    baseUnit: Word,
    kind: IndicatorKind,
    /** 每万人口, 每千人口, 人均 …: required for kind per-capita. */
    perCapitaBase: Word.optional(),
    direction: IndicatorDirection,
    /** Where the definition comes from: a national plan's table, or corpora-real/<file> where the name was seen. */
    source: Word,
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'per-capita' && !entry.perCapitaBase) {
      ctx.addIssue({ code: 'custom', message: 'a per-capita indicator needs perCapitaBase (每万人口, 每千人口 …)', path: ['perCapitaBase'] });
    }
    if (entry.baseUnit === 'percent') ctx.addIssue({ code: 'custom', message: "percent is spelt '%'", path: ['baseUnit'] });
  });

export const DomainFile = z
  .strictObject({
    domain: z.string().regex(/^[a-z][a-z-]*$/, 'a lower-case domain name such as digital or energy-environment'),
    indicators: z.array(CatalogueEntry).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.indicators.forEach((entry, i) => {
      if (!entry.id.startsWith(`${file.domain}.`)) {
        ctx.addIssue({ code: 'custom', message: `id '${entry.id}' does not start with its domain '${file.domain}.'`, path: ['indicators', i, 'id'] });
      }
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', message: `duplicate indicator id '${entry.id}'`, path: ['indicators', i, 'id'] });
      seen.add(entry.id);
    });
  });

export const LinkingFile = z.strictObject({
  linking: z.strictObject({
    threshold: z.number().min(0).max(1),
    distinguishingWords: z.array(Word),
  }),
});
export type LinkingFile = z.infer<typeof LinkingFile>;

export type CatalogueIndicator = z.infer<typeof CatalogueEntry> & { domain: string; file: string };

export interface Catalogue extends LinkingFile {
  indicators: CatalogueIndicator[];
  /** The word table names are taken apart with (rules/indicator-names.yaml). */
  names: IndicatorNameWords;
}

export const CATALOGUE_DIR = 'indicators';
export const LINKING_FILE = 'indicator-linking';

/** The domain files of a rules directory, sorted so ids load in a stable order. */
export function catalogueFiles(rulesDir: string): string[] {
  const dir = join(rulesDir, CATALOGUE_DIR);
  if (!existsSync(dir)) throw new ConfigError(dir, 'indicator catalogue directory not found');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

const loaded = new WeakMap<RuleSet, Catalogue>();

export function loadCatalogue(rules: RuleSet): Catalogue {
  const cached = loaded.get(rules);
  if (cached) return cached;
  const linking = rules.get(LINKING_FILE, LinkingFile);
  const indicators: CatalogueIndicator[] = [];
  const fileOf = new Map<string, string>();
  for (const path of catalogueFiles(rules.dir)) {
    const file = loadRuleFile(path, DomainFile);
    for (const entry of file.indicators) {
      const other = fileOf.get(entry.id);
      if (other) throw new ConfigError(path, `indicator id '${entry.id}' is also in ${other}`);
      fileOf.set(entry.id, path);
      indicators.push({ ...entry, domain: file.domain, file: path });
    }
  }
  if (indicators.length === 0) throw new ConfigError(join(rules.dir, CATALOGUE_DIR), 'no indicators in the catalogue');
  const catalogue = { ...linking, indicators, names: loadIndicatorNames(rules) };
  loaded.set(rules, catalogue);
  return catalogue;
}
