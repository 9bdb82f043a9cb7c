// Field values as publishers write them: strings with stray markup entities and line breaks, numbers as strings, dates
// in several shapes, objects where a name is expected. Each reader takes `unknown` and returns a clean value or null.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const SPACE = /\s+/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A character reference as text; a code point outside Unicode (or a lone surrogate) is left as it was written. */
function decodeEntity(match: string, dec?: string, hex?: string, name?: string): string {
  if (name) return NAMED[name.toLowerCase()] ?? match;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0 ? match : String.fromCodePoint(code);
}

/** A string on one line: control characters dropped, common character references decoded, white space collapsed; null when empty or not a string. */
export function readText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(CONTROL, '').replace(ENTITY, decodeEntity).replace(SPACE, ' ').trim();
  return text === '' ? null : text;
}

/** A name given as a string, as an object with a `name`, or as a list of either (the first that has one). */
export function readName(value: unknown): string | null {
  for (const item of Array.isArray(value) ? value : [value]) {
    const name = typeof item === 'string' ? readText(item) : isObject(item) ? readText(firstOf(item.name)) : null;
    if (name !== null) return name;
  }
  return null;
}

/** A finite number given as a number or a numeric string ("4", "4.5"); null otherwise. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^\s*[-+]?\d+(\.\d+)?\s*$/.test(value)) return null;
  return Number(value);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const YEAR = /\b\d{4}\b/;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])/i;

/**
 * The day of a date (YYYY-MM-DD): an ISO date or date-time as written, or a date with a month name and a year
 * ("April 9, 2024", "12 May 2024") as Date.parse reads it, taken on the calendar as written; null otherwise. A bare
 * year, or 03/04/2024 (March or April?), is left unread rather than guessed.
 */
export function readDay(value: unknown): string | null {
  const text = readText(firstOf(value));
  if (text === null) return null;
  const iso = ISO_DAY.exec(text);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ? iso[0] : null;
  if (text.length > 64 || !YEAR.test(text) || !MONTH_NAME.test(text)) return null;
  const time = Date.parse(text);
  if (!Number.isFinite(time)) return null;
  // Date.parse reads a date without a zone as local midnight: its local calendar day is the day written.
  const date = new Date(time);
  const day = `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return ISO_DAY.test(day) ? day : null;
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An absolute http(s) URL as the URL parser writes it (host in lower case); null for anything else. */
export function readUrl(value: unknown): string | null {
  const text = readText(firstOf(value));
  if (text === null || !/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text).href;
  } catch {
    return null;
  }
}

/** A publisher's site as a URL: a URL as it is, a bare host name ("checkers.example") as https. */
export function readSite(value: unknown): string | null {
  const url = readUrl(value);
  if (url !== null) return url;
  const text = readText(value);
  return text !== null && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text) ? readUrl(`https://${text}`) : null;
}

/** The first item of a list, or the value itself. */
export function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The own property `key` of a JSON object (never one inherited from Object.prototype, such as `constructor`). */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
