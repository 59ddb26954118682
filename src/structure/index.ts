/**
 * structure: section tree, tables, 专栏 boxes and document metadata from the
 * normalised text. Works on every format's normalised output: docx tables and
 * boxes arrive as blocks with rows; txt (and PDF text) tables arrive flattened
 * as TAB lines, which are rebuilt here.
 */
import { z } from 'zod';
import { withMessage, type Stage } from '../core/stage.js';
import { DocumentError } from '../core/errors.js';
import type { Box, DocumentState, NormalisedText, SourceFormat, Structure, Table } from '../core/state.js';
import type { RuleSet } from '../rules/index.js';
import { boxTitleRegex } from './boxes.js';
import { buildSections, compileStyles, findHeadings, sectionPathAt } from './headings.js';
import { splitLines, type Line } from './lines.js';
import { extractMetadata } from './metadata/index.js';
import { pageAt } from './pages.js';
import { findRegions } from './regions.js';
import { loadStructureRules } from './rules.js';

export { sectionPathAt } from './headings.js';
export { pageAt } from './pages.js';

const StructureOptions = z.object({}).strict();

export function buildStructure(normalised: NormalisedText, rules: RuleSet, format: SourceFormat = 'txt'): Structure {
  const structureRules = loadStructureRules(rules);
  const { text } = normalised;
  const lines = splitLines(text);
  const boxTitle = boxTitleRegex(structureRules.box.titlePattern);

  const styles = compileStyles(structureRules);
  const looksLikeHeading = (line: Line) => styles.some(({ regex }) => regex.test(line.text.trimStart()));
  const { tables: tableDrafts, boxes: boxDrafts, claimed } = findRegions(normalised, lines, structureRules, format, boxTitle, looksLikeHeading);
  const free = (line: Line) => !claimed.overlaps(line.start, Math.max(line.end, line.start + 1));

  const markedLevels = new Map(normalised.blocks.filter((b) => b.kind === 'paragraph' && b.headingLevel).map((b) => [b.start, b.headingLevel!]));
  const headings = findHeadings(
    lines,
    structureRules,
    (line) => !free(line),
    (line) => markedLevels.get(line.start),
  );
  const sections = buildSections(headings, text.length);
  for (const section of sections) section.page = pageAt(section.start, normalised.pageStarts);

  tableDrafts.sort((a, b) => a.start - b.start);
  boxDrafts.sort((a, b) => a.start - b.start);
  const tables: Table[] = tableDrafts.map((draft, index) => ({
    ...draft,
    index,
    sectionPath: sectionPathAt(sections, draft.start),
    page: pageAt(draft.start, normalised.pageStarts),
  }));
  const boxes: Box[] = boxDrafts.map((draft) => ({
    ...draft,
    sectionPath: sectionPathAt(sections, draft.start),
    page: pageAt(draft.start, normalised.pageStarts),
  }));

  const metadata = extractMetadata({ text, lines, sections, tables }, rules);
  return { sections, tables, boxes, metadata };
}

export const structureStage: Stage<typeof StructureOptions> = {
  name: 'structure',
  description: 'Section tree, tables, 专栏 boxes and document metadata',
  options: StructureOptions,
  requires: ['source', 'normalised'],
  provides: ['structure'],
  run(state: DocumentState, _options, context) {
    if (!state.normalised) throw new DocumentError('no-text', 'structure needs the normalised text (run normalise first)');
    const structure = buildStructure(state.normalised, context.rules, state.source.format);
    const next = { ...state, structure };
    // Not fatal (a short notice has no numbered headings), but every sentence will sit at the root.
    if (structure.sections.length === 0) {
      return withMessage(next, {
        severity: 'warning',
        stage: 'structure',
        code: 'no-headings',
        text: 'no numbered headings found: sentences get no section path',
      });
    }
    return next;
  },
};
