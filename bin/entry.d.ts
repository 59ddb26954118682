// Types of entry.js for the tests that import it (bin/ is plain JavaScript, run without a build).
export declare const BUILD_STAMP: string;
export declare const FORCE_SOURCE_ENV: string;
export declare function newestMtime(dir: string): number;
export declare function chooseEntry(root: string, env?: Record<string, string | undefined>): 'dist' | 'source';
