// Child process of the speed benchmark, plain JavaScript on the compiled package (what the claimtrace binary runs,
// without tsx's loader in the measurement): analyses one file, optionally serialises the report as JSON the way
// `--format json` does, and prints its peak resident memory. Usage: node bench/peak-memory.mjs FILE [--json]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// CLAIMTRACE_DIST names another compiled package (bench/scaling.ts passes its own).
const dist = process.env.CLAIMTRACE_DIST ?? join(import.meta.dirname, '..', 'dist');
const { analyzePure } = await import(pathToFileURL(join(dist, 'engine', 'analyze.js')).href);

const path = process.argv[2];
const bytes = readFileSync(path);
const t0 = performance.now();
const report = analyzePure({ bytes, label: path, contentType: 'text/plain' });
const json = process.argv.includes('--json') ? JSON.stringify(report, null, 2).length : 0;
const ms = performance.now() - t0;
const words = report.document.text.split(/\s+/).filter(Boolean).length;
console.log(JSON.stringify({ bytes: bytes.length, words, ms, jsonChars: json, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
