import { createRequire } from 'node:module';

// package.json sits two folders up from both src/engine and dist/engine.
const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The claimtrace version, from package.json. */
export const VERSION: string = pkg.version;
