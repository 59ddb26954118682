/**
 * Full-text search over sentences. The FTS5 column holds each sentence's
 * jieba words separated by spaces, followed by the dictionary words inside
 * each compound: the segmenter keeps domain terms whole (知识产权质押融资 is
 * one word), and a search for 质押融资 must still find it. The query is cut
 * by the same jieba and every word must occur. A single character is not a
 * word, and a short query can be cut differently from the same characters in
 * a long sentence, so both fall back to a substring match (LIKE).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Segmentation, Sentence } from '../core/state.js';
import * as jieba from '../text/jieba.js';
import type { Db } from './open.js';

export interface SearchHit {
  document_id: number;
  plan_id: number | null;
  path: string;
  format: string;
  section_path: string;
  page: number | null;
  sentence_idx: number;
  start: number;
  end: number;
  text: string;
}

export interface SearchOptions {
  limit?: number;
  /** The word cutter the segment stage used (same jieba, same user dictionary); the project's jieba (text/jieba.ts) by default. */
  cut?: (text: string) => string[];
  /** Every rendering of each plan instead of only its primary one. */
  allRenderings?: boolean;
}

const HAS_CONTENT = /[\p{L}\p{N}]/u;

/**
 * Sentences as the store writes them: each with its FTS column already
 * computed (indexWords). Computed where the words were cut — in a worker
 * thread, with the worker's jieba — so the writer thread never loads jieba's
 * dictionary, and one string per sentence crosses the thread boundary instead
 * of an array of words.
 */
export interface StorableSegments {
  sentences: Sentence[];
  /** indexWords of each sentence's words, same order as `sentences`. */
  searchWords: string[];
}

export function storableSegments(segments: Segmentation): StorableSegments {
  return { sentences: segments.sentences, searchWords: segments.sentences.map((_, i) => indexWords(segments.words[i] ?? [])) };
}

/** The FTS column for one sentence: its words, then the shorter dictionary words inside compounds. */
export function indexWords(words: readonly string[]): string {
  const kept = words.filter((w) => HAS_CONTENT.test(w));
  const inner = new Set<string>();
  for (const word of kept) {
    if (word.length <= 2) continue;
    for (const part of jieba.cutAll(word)) if (part !== word && part.length > 1) inner.add(part);
  }
  return [...kept, ...inner].join(' ');
}

/** The FTS5 MATCH expression for a user query (every word required), or null when it has no searchable word. */
export function ftsQuery(query: string, cut: (text: string) => string[] = (t) => jieba.cut(t)): string | null {
  const words = query
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((term) => cut(term).filter((w) => HAS_CONTENT.test(w)))
    .map((w) => `"${w.replace(/"/g, '""')}"`);
  return words.length ? [...new Set(words)].join(' AND ') : null;
}

export function searchSentences(db: Db, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? 50;
  const scope = options.allRenderings ? '' : 'AND (p.primary_document_id = d.id OR d.plan_id IS NULL)';
  const select = `SELECT s.document_id, d.plan_id, d.path, d.format, s.section_path, s.page, s.idx AS sentence_idx,
      s.start, s."end" AS "end", s.text FROM sentences s JOIN documents d ON d.id = s.document_id
      LEFT JOIN plans p ON p.id = d.plan_id`;
  const trimmed = query.trim();
  const match = [...contentOf(trimmed)].length > 1 ? ftsQuery(trimmed, options.cut) : null;
  if (match) {
    const hits = db
      .prepare(`${select} WHERE s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?) ${scope} ORDER BY s.document_id, s.idx LIMIT ?`)
      .all(match, limit) as SearchHit[];
    if (hits.length) return hits;
  }
  if (!trimmed) return [];
  const like = `%${trimmed.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return db.prepare(`${select} WHERE s.text LIKE ? ESCAPE '\\' ${scope} ORDER BY s.document_id, s.idx LIMIT ?`).all(like, limit) as SearchHit[];
}

function contentOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The segment stage's default user dictionary (pipelines/plans.yaml does not override it). */
const USER_DICT = 'userdict.utf8';

/** A query must be cut like the stored sentences: the segment stage's jieba with the rules' user dictionary (undefined: the default cutter). */
export function queryCutter(rulesDir: string): ((text: string) => string[]) | undefined {
  const userDict = join(rulesDir, USER_DICT);
  if (!existsSync(userDict)) return undefined;
  return (text) => jieba.cutWords(text, userDict);
}
