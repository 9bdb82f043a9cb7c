import { ClaimtraceError } from '../core/errors.js';
import { decodeBytes } from './decode.js';
import type { Extracted } from './extracted.js';
import { extractHtml } from './html.js';
import { detectLanguage } from './language.js';
import { extractPlainText } from './plain-text.js';

/** Raw input with what is known about it. */
export interface ExtractInput {
  readonly bytes: Uint8Array;
  /** How the input is named in messages: a path, a URL, "stdin". */
  readonly label: string;
  /** A MIME type such as "text/html; charset=utf-8"; sniffed from the text when absent. */
  readonly contentType?: string;
  /** The page's address, for resolving its canonical link. */
  readonly url?: string;
}

/** Options of {@link extractInput}. */
export interface ExtractOptions {
  /** Largest input accepted, in bytes. */
  readonly maxBytes: number;
}

/** How far into the text the HTML sniffing looks. */
const SNIFF_CHARS = 1024;
const HTML_SNIFF = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|h1|meta|title)[\s>]/i;

/** Size check, decoding, HTML or plain-text extraction, then language detection when the page declares none. */
export function extractInput(input: ExtractInput, options: ExtractOptions): Extracted {
  const size = input.bytes.byteLength;
  if (size > options.maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size, limit: options.maxBytes, input: input.label });
  const decoded = decodeBytes(input.bytes, input.label);
  if (!isHtml(decoded, input.contentType)) {
    const extracted = extractPlainText(decoded);
    return withLanguage(extracted, detectLanguage(decoded));
  }
  const extracted = extractHtml(decoded, { url: input.url });
  if (extracted.text.trim() === '') throw new ClaimtraceError('E_INPUT_EMPTY', { input: input.label });
  return extracted.meta.language ? extracted : withLanguage(extracted, detectLanguage(extracted.text));
}

/** HTML when the content type says so; without one, when markup shows in the first KB. */
function isHtml(text: string, contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type) return type === 'text/html' || type === 'application/xhtml+xml';
  return HTML_SNIFF.test(text.slice(0, SNIFF_CHARS));
}

function withLanguage(extracted: Extracted, language: string | undefined): Extracted {
  return language ? { text: extracted.text, meta: { ...extracted.meta, language } } : extracted;
}
