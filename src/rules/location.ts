/**
 * Where the rules directory is, apart from the loader (index.ts): modules that
 * only need a path (the jieba wrapper) import this and not the YAML parser and
 * zod with it.
 */
import { resolve } from 'node:path';

export const DEFAULT_RULES_DIR = resolve(import.meta.dirname, '../../rules');
