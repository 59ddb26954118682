/**
 * The gold annotation format (test/fixtures/gold/FORMAT.md): its schema,
 * reading and writing gold files, and the conversion of an extraction into
 * it. Eval scores against it, export writes it; neither knows the other.
 */
export * from './schema.js';
export { GOLD_SUFFIX, GoldError, parseGold, readGoldFile, readGoldDir, type LoadedGold } from './read.js';
export { goldFileName, writeGoldFile } from './write.js';
export { toGold, type GoldSource } from './to-gold.js';
