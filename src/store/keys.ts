import { createHash } from 'node:crypto';
import type { Report } from '../core/report-schema.js';

const SPACE = /\s+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The text as compared for identity: NFKC, lower case, straight quotes and hyphens, runs of white space as one
 * space, trimmed. Two copies of an article that differ only in typography or line wrapping normalise alike.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(SPACE, ' ').trim();
}

/** SHA-256 (hex) of the normalised text: the identity of an article that has no URL. */
export function normalisedTextHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex');
}

/** Words as runs of non-space characters. */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || (code >= 0x2000 && code <= 0x200a) || code === 0x3000;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** What produced a report: version, annotators and settings; a document analysed with another signature is stale. */
export function pipelineSignature(generator: Report['generator'], settings = ''): string {
  return `${generator.name}@${generator.version} ${generator.annotators.join(',')}${settings ? ` ${settings}` : ''}`;
}
