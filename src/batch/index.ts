export { ingestPaths, type IngestOptions, type IngestSummary, type ProgressEvent } from './ingest-paths.js';
export { expandPaths, isCandidateFile } from './expand-paths.js';
export { defaultJobs } from './default-jobs.js';
