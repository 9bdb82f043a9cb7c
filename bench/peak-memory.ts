// Child process of the speed benchmark: analyses one file and prints its peak resident memory.
import { readFileSync } from 'node:fs';
import { analyzePure } from '../src/engine/analyze.js';

const bytes = readFileSync(process.argv[2]!);
const t0 = performance.now();
const report = analyzePure({ bytes, label: process.argv[2]!, contentType: 'text/plain' });
const ms = performance.now() - t0;
const words = report.document.text.split(/\s+/).filter(Boolean).length;
console.log(JSON.stringify({ bytes: bytes.length, words, ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
