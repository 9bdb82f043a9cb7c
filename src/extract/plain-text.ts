import type { DocumentMeta } from '../core/document.js';
import { findDate } from './dates.js';
import type { Extracted } from './extracted.js';

/** Only this much of the start of the text is searched for a header. */
const HEADER_CHARS = 2000;
/** At most this many non-empty leading lines can belong to the header. */
const HEADER_LINES = 4;
/** A title is shorter than this. */
const MAX_TITLE = 150;

const BYLINE = /^(?:by|written by|author|authors|text)\s*[:\s]\s*(.+)$/i;
const NAME = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|la|le|al|bin|and|&))*(?:\s*,\s*\p{Lu}[\p{L}.'’ -]*)*$/u;
const LABEL = /^(?:published|updated|posted|first published|date|on|last modified)\s*:?\s*/i;
const SEPARATORS = /^[\s|·•,;–—-]+|[\s|·•,;–—-]+$/g;

interface Line {
  readonly text: string;
  /** True when a blank line follows (so a one-line text is never a title). */
  readonly blankAfter: boolean;
}

/**
 * Plain text stays exactly as given (offsets are the user's file); metadata is read from the leading lines:
 * a date and/or byline line ("02.10.2019 Author: Jane Doe", "By Jane Doe", "Published 3 March 2021") and a title line.
 */
export function extractPlainText(text: string): Extracted {
  const meta: { title?: string; byline?: string; published?: string } = {};
  for (const line of leadingLines(text)) {
    const header = readHeaderLine(line.text);
    if (header) {
      if (header.published) meta.published ??= header.published;
      if (header.byline) meta.byline ??= header.byline;
      continue;
    }
    if (!meta.title && isTitle(line)) {
      meta.title = line.text;
      continue;
    }
    break;
  }
  return { text, meta: meta as DocumentMeta };
}

/** The first few non-empty lines, trimmed, each with whether a blank line follows it. */
function leadingLines(text: string): Line[] {
  const raw = text.slice(0, HEADER_CHARS).split(/\r\n|\r|\n/);
  const lines: Line[] = [];
  for (let i = 0; i < raw.length && lines.length < HEADER_LINES; i++) {
    const trimmed = raw[i]!.trim();
    if (!trimmed) continue;
    const next = raw[i + 1];
    lines.push({ text: trimmed, blankAfter: next !== undefined && next.trim() === '' });
  }
  return lines;
}

/** A date line, a byline line, or both in one ("02.10.2019 Author: Jane Doe"); undefined for anything else. */
function readHeaderLine(line: string): { published?: string; byline?: string } | undefined {
  if (line.length > 120) return undefined;
  const date = findDate(line);
  const rest = date ? `${line.slice(0, date.start)} ${line.slice(date.end)}` : line;
  const remainder = rest.replace(SEPARATORS, '').replace(LABEL, '').replace(SEPARATORS, '').trim();
  const byline = bylineOf(remainder, date !== undefined);
  if (!date && !byline) return undefined;
  if (remainder && !byline) return undefined;
  return { ...(date && { published: date.iso }), ...(byline && { byline }) };
}

/** "By Jane Doe" / "Author: Jane Doe" → "Jane Doe"; a bare name counts only beside a date. */
function bylineOf(text: string, besideDate: boolean): string | undefined {
  const m = BYLINE.exec(text);
  const name = m ? m[1]!.trim() : besideDate ? text : undefined;
  if (!name || name.length > 80 || !NAME.test(name)) return undefined;
  return name;
}

function isTitle(line: Line): boolean {
  return line.blankAfter && line.text.length < MAX_TITLE && !/[.,;:]$/.test(line.text);
}
