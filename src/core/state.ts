/**
 * The typed document state that flows through the pipeline.
 *
 * Each stage reads the fields earlier stages filled in and returns a new state
 * with its own field added. Stages never touch the CLI or the database; the
 * runner (src/batch) persists the final state.
 *
 * Offsets: unless said otherwise, `start`/`end` are UTF-16 code-unit offsets
 * (JavaScript string indices) into `normalised.text`, end exclusive.
 */
import type { OffsetMap } from './offset-map.js';

/**
 * The name of a file format (txt, docx, pdf …): an entry of the format
 * registry, src/ingest/formats.ts, which is the one list of them (the store
 * refuses any other name). A string here, so a new format is a registry entry
 * and its reader, with nothing to add in this foundation file.
 */
export type SourceFormat = string;

export interface SourceInfo {
  /** Path as given by the user (relative or absolute). */
  path: string;
  /** Detected from content (magic bytes), not from the extension alone. */
  format: SourceFormat;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  bytes: number;
}

export type Severity = 'fatal' | 'error' | 'warning' | 'info';

/**
 * A message travels with the document (vfile style). A `fatal` message means
 * the document cannot go further; the runner records it and moves on.
 */
export interface Message {
  severity: Severity;
  /** Stage that raised it, e.g. 'ingest'. */
  stage: string;
  /** Stable machine-readable code, e.g. 'pdf-encrypted', 'needs-ocr'. */
  code: string;
  /** One line for a human. */
  text: string;
  start?: number;
  end?: number;
}

// ---------------------------------------------------------------- ingest ---

export interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** What a reader got out of the file, before any cleaning. */
export type RawBlock =
  | {
      kind: 'paragraph';
      text: string;
      /** 1-based page number, where the format has pages. */
      page?: number;
      /** Heading level when the source marks it (docx h1..h6). */
      headingLevel?: number;
      /**
       * PDF only: where the printed line sits, in ems (character widths):
       * indent from the page's body left margin, room left before its right
       * margin. Lets normalise tell wrapped lines from paragraph ends.
       */
      layout?: { indent: number; trailing: number };
    }
  | { kind: 'table'; rows: RawCell[][]; page?: number }
  /** A one-cell table (专栏/专项 box): its paragraphs. */
  | { kind: 'box'; paragraphs: string[]; page?: number };

export interface RawDocument {
  blocks: RawBlock[];
  /** Number of pages for paged formats. */
  pages?: number;
  /** Text encoding detected for .txt (utf-8, utf-16le, gb18030 …). */
  encoding?: string;
  /** The plain text the blocks were read from, for offset mapping. */
  sourceText: string;
}

// ------------------------------------------------------------- normalise ---

export interface NormalisedCell {
  text: string;
  start: number;
  end: number;
  rowSpan: number;
  colSpan: number;
}

export interface NormalisedBlock {
  kind: 'paragraph' | 'table' | 'box';
  start: number;
  end: number;
  page?: number;
  headingLevel?: number;
  /** For tables read as tables by the reader (docx). */
  rows?: NormalisedCell[][];
}

export interface NormalisedText {
  /** The cleaned text; blocks are separated by '\n'. Stored in the database. */
  text: string;
  blocks: NormalisedBlock[];
  /** Page start offsets into `text` (index 0 = page 1), for paged formats. */
  pageStarts?: number[];
  /** Maps offsets in `text` back to `raw.sourceText`. */
  offsetMap: OffsetMap;
}

// ------------------------------------------------------------- structure ---

export interface Section {
  /** Path of heading numbers, e.g. '三/（二）/4'. Root is ''. */
  path: string;
  /** The numbering token as written: '三、', '（二）', '4.', '第一章'. */
  number: string;
  /** Heading text without its number. */
  heading: string;
  level: number;
  /** Offsets of the heading line. */
  headingStart: number;
  headingEnd: number;
  /** Offsets of the whole section including its children. */
  start: number;
  end: number;
  page?: number;
}

export interface TableCell {
  text: string;
  start: number;
  end: number;
  /** True where the text was carried down/across from a merged cell. */
  carried: boolean;
}

export interface Table {
  index: number;
  /** Rows of cells, merged cells expanded (carried) so every row is full width. */
  rows: TableCell[][];
  /** Number of header rows at the top (0 if none recognised). */
  headerRows: number;
  start: number;
  end: number;
  page?: number;
  sectionPath: string;
  /** How it was recognised: a real table in the file, or flattened text. */
  origin: 'docx' | 'text' | 'pdf';
}

export interface Box {
  /** 专栏1 … title as written. */
  title: string;
  start: number;
  end: number;
  sectionPath: string;
  page?: number;
}

export type DocumentType = 'plan' | 'work-plan' | 'evaluation' | 'notice';
/** county: 县, 自治县, 旗 and county-level cities; district: 市辖区 (玄武区). */
export type RegionLevel = 'national' | 'province' | 'city' | 'district' | 'county' | 'zone';

export interface DocumentMetadata {
  title: string | null;
  region: string | null;
  /** Administrative-division code where resolved (e.g. '320102'). */
  regionCode: string | null;
  level: RegionLevel | null;
  /** Parent region names, nearest first (e.g. ['南京市', '江苏省']). */
  regionParents: string[];
  issuer: string | null;
  docNumber: string | null;
  /** ISO date YYYY-MM-DD. */
  issued: string | null;
  period: [number, number] | null;
  type: DocumentType | null;
}

export interface Structure {
  sections: Section[];
  tables: Table[];
  boxes: Box[];
  metadata: DocumentMetadata;
}

// --------------------------------------------------------------- segment ---

export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  sectionPath: string;
  page?: number;
  /** Set when the sentence is one table cell. */
  cell?: { table: number; row: number; col: number };
  /** Set when the sentence lies inside a 专栏/专项 box. */
  box?: number;
}

export interface Segmentation {
  sentences: Sentence[];
  /** Words per sentence (jieba), same order as `sentences`. */
  words: string[][];
}

// --------------------------------------------------------------- extract ---

/** Where an extracted value came from. Every record carries one. */
export interface Provenance {
  sectionPath: string;
  page: number | null;
  start: number;
  end: number;
  sentence: string;
  sentenceIndex: number;
  cell?: { table: number; row: number; col: number };
  /** Id of the rule that produced the record: an entry of a rule file (src/rules/entries.ts), e.g. 'time.by-year', 'milestone.by-year+milestone.goal'. */
  rule: string;
}

export interface Flag {
  /** e.g. 'unlinked-indicator', 'missing-unit', 'year-defaulted', 'value-conflict', 'unlikely-magnitude'. */
  kind: string;
  /** Why, in words a reviewer understands. */
  reason: string;
}

export type Comparator = '>=' | '>' | '=' | '~' | '<=' | '<';

export interface QuantityRecord {
  kind: 'target' | 'actual';
  /** As the document names it, trimmed of verbs and particles. */
  indicator: string;
  indicatorId: string | null;
  /**
   * The measure verb of the name (新增, 累计建设, 培育) and what it says of the
   * figure: new (added in the period), cumulative, or unspecified. Two figures
   * of one indicator with different kinds are different facts.
   */
  measureVerb?: string;
  measureKind?: 'new' | 'cumulative' | 'unspecified';
  /** Who or where the figure is about where the name says so before its verb (中国算谷举办场景对接活动). */
  scope?: string;
  value: number | null;
  valueMax?: number;
  unit: string | null;
  comparator: Comparator | null;
  /** Due year (target) or the year the value describes (actual). */
  year: number | null;
  period?: [number, number];
  cumulative?: boolean;
  perYear?: boolean;
  qualitative?: string;
  /** Evaluation status, e.g. 达到序时进度. */
  status?: string;
  /** Value in the base unit (万件 → 件 ×10⁴). */
  valueBase: number | null;
  unitBase: string | null;
  /** One record per (document, indicator, year, kind) is the fact. */
  isFact: boolean;
  flags: Flag[];
  provenance: Provenance;
}

export interface DepartmentMention {
  /** As written, with <…> normalised to （…）. */
  name: string;
  canonicalId: string | null;
  canonicalName: string | null;
  provenance: Provenance;
}

export interface Responsibility {
  /** Heading of the task without its number, or its first clause. */
  task: string;
  sectionPath: string;
  lead: string[];
  support: string[];
  roles: 'split' | 'unsplit';
  /** 'YYYY-MM' or 'YYYY': the 完成时限 written beside the task's units (the milestone stage makes it a milestone). */
  due?: string;
  provenance: Provenance;
}

/** A unit named in a role list (牵头单位：…): a unit by definition, even when no pattern knows it (功能板块管委会). */
export interface ListedUnit {
  /** As written in the list, normalised: 市市场监管局（市知识产权局）, X成员单位. */
  name: string;
  provenance: Provenance;
}

export interface Milestone {
  what: string;
  /** 'YYYY-MM' or 'YYYY'. */
  start: string | null;
  end: string | null;
  recurring?: string;
  provenance: Provenance;
}

// ----------------------------------------------------------------- state ---

export interface DocumentState {
  source: SourceInfo;
  messages: Message[];
  /** The file's bytes; read by ingest, then dropped so states stay small. */
  content?: Buffer;
  raw?: RawDocument;
  normalised?: NormalisedText;
  structure?: Structure;
  segments?: Segmentation;
  /** extract-quantities. */
  quantities?: QuantityRecord[];
  /** extract-responsibilities: tasks with their lead and supporting units. */
  responsibilities?: Responsibility[];
  /** extract-responsibilities: units that apply to every task (以下均需…落实，不再列出). */
  implicitSupport?: string[];
  /** extract-responsibilities: every unit its role lists name, for the departments stage. */
  listedUnits?: ListedUnit[];
  /** extract-departments: every unit named as an actor, once. */
  departments?: DepartmentMention[];
  /** extract-milestones: dated phases, qualitative deadlines, task deadlines. */
  milestones?: Milestone[];
}

/** The records the extraction stages leave in the state: what is stored, scored and exported. */
export type Extractions = Pick<DocumentState, 'quantities' | 'responsibilities' | 'implicitSupport' | 'departments' | 'milestones'>;

/** A key of the state a stage may read or write (`Stage.requires` / `Stage.provides`). */
export type StateKey = keyof DocumentState;

/** What `openSource` puts in the state before the first stage runs. */
export const INITIAL_KEYS: readonly StateKey[] = ['source', 'messages', 'content'];
