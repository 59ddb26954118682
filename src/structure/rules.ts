/** zod schemas of the structure rule files (rules/structure.yaml, rules/metadata.yaml). */
import { z } from 'zod';
import type { RuleSet } from '../rules/index.js';
import { RuleExamples } from '../rules/entries.js';

/** A string that must compile as a JavaScript regular expression. */
const RegexSource = z.string().refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

const HeadingStyle = z
  .object({
    id: z.string().min(1),
    // Headings it must make (test/rules/examples.test.ts).
    examples: RuleExamples.optional(),
    pattern: z.string().superRefine((source, ctx) => {
      let groups: number;
      try {
        groups = new RegExp(`${source}|`, 'u').exec('')!.length - 1;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not a valid regular expression' });
        return;
      }
      if (groups !== 1) ctx.addIssue({ code: 'custom', message: `must have exactly one capture group (the number), has ${groups}` });
    }),
    numeral: z.enum(['chinese', 'arabic', 'circled']),
  })
  .strict();

export const StructureRulesSchema = z
  .object({
    headingStyles: z.array(HeadingStyle).min(1),
    heading: z
      .object({
        sentenceEnd: z.string().min(1),
        maxHeadingChars: z.number().int().positive(),
        maxNumberGap: z.number().int().min(1),
        tocLinePattern: RegexSource,
      })
      .strict(),
    box: z.object({ titlePattern: RegexSource }).strict(),
    table: z
      .object({
        headerWords: z.array(z.string().min(1)),
        figurePattern: RegexSource,
        maxHeaderRows: z.number().int().min(1),
        stacked: z
          .object({
            nameWords: z.array(z.string().min(1)).min(1),
            valueWords: z.array(z.string().min(1)).min(1),
            attributeHeaderWords: z.array(z.string().min(1)),
            attributeWords: z.array(z.string().min(1)),
            serialHeaderWords: z.array(z.string().min(1)),
            maxHeaderCell: z.number().int().min(2),
            maxCell: z.number().int().min(2),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

export type StructureRules = z.infer<typeof StructureRulesSchema>;
export type HeadingStyleRule = z.infer<typeof HeadingStyle>;

const YearPair = z.tuple([z.number().int(), z.number().int()]);
const DocumentType = z.enum(['plan', 'work-plan', 'evaluation', 'notice']);

export const MetadataRulesSchema = z
  .object({
    docNumber: z.object({ pattern: RegexSource }).strict(),
    title: z
      .object({
        endings: z.array(z.string().min(1)).min(1),
        maxLineChars: z.number().int().positive(),
        carrierPattern: RegexSource,
        labelPattern: RegexSource,
        handoverPattern: RegexSource,
        /** A crawled page title's site name after a separator (…行动方案_湖州市人民政府): cut before reading the title. */
        siteSuffixPattern: RegexSource.optional(),
        /** A publisher's mark in a closing bracket (（节选）): how the text was printed, not part of the title. */
        editorialMarks: z.array(z.string().min(1)).default([]),
      })
      .strict(),
    issuer: z
      .object({
        suffixes: z.array(z.string().min(1)).min(1),
        maxChars: z.number().int().positive(),
        maxLinesAboveDate: z.number().int().min(1),
        headerWords: z.array(z.string().min(1)).default([]),
        titlePrefixPattern: RegexSource,
        jointCentralIssuers: z.array(z.string().min(1)).default([]),
        onBehalfPattern: RegexSource,
        releasePattern: RegexSource,
      })
      .strict(),
    periodWords: z.record(z.string(), YearPair),
    dates: z.object({ deliveryLinePattern: RegexSource, datelinePattern: RegexSource }).strict(),
    labels: z
      .object({
        docNumber: z.array(z.string().min(1)).default([]),
        issued: z.array(z.string().min(1)).default([]),
        issuer: z.array(z.string().min(1)).default([]),
        published: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ docNumber: [], issued: [], issuer: [], published: [] }),
    periodRangePattern: RegexSource,
    period: z
      .object({
        ownSpanPattern: RegexSource,
        evaluatedPlanPattern: RegexSource,
        goalHeadingPattern: RegexSource,
        frameWords: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    periodYearPattern: RegexSource.optional(),
    typeKeywords: z.array(z.object({ type: DocumentType, words: z.array(z.string().min(1)).min(1) }).strict()),
    selfReferencePattern: RegexSource,
    typeCues: z.array(z.object({ type: DocumentType, words: z.array(z.string().min(1)).min(1), weight: z.number().positive() }).strict()),
    minCueScore: z.number().min(0),
    zoneWords: z.array(z.string().min(1)),
    nationalWords: z.array(z.string().min(1)),
    localTitlePattern: RegexSource.default('[\\u4e00-\\u9fa5]{1,10}?(?:省|市|县|区|州|盟|旗)'),
    minNationalMentions: z.number().int().min(1).default(3),
    placeholderCities: z.array(z.string().min(1)),
    nationalRegion: z.string().min(1),
    nationalIssuerPattern: RegexSource,
    scope: z
      .object({
        local: z.record(z.enum(['province', 'city', 'district']), z.array(RegexSource)),
        national: z.array(RegexSource),
        minLocalMentions: z.number().int().min(1),
        minNationalMentions: z.number().int().min(1),
      })
      .strict(),
  })
  .strict();

export type MetadataRules = z.infer<typeof MetadataRulesSchema>;

export function loadStructureRules(rules: RuleSet): StructureRules {
  return rules.get('structure', StructureRulesSchema);
}

export function loadMetadataRules(rules: RuleSet): MetadataRules {
  return rules.get('metadata', MetadataRulesSchema);
}
