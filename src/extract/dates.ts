import months from './months.json' with { type: 'json' };

/** A date found inside a line of text. */
export interface FoundDate {
  /** ISO 8601: YYYY-MM-DD, or a date-time when the text gave a time. */
  readonly iso: string;
  readonly start: number;
  readonly end: number;
}

const MONTHS = new Map(months.entries.map((entry) => [entry.name, entry.month]));
const MONTH = months.entries.map((entry) => entry.name).sort((a, b) => b.length - a.length).join('|');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d:])/;
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;
const SLASHED_YEAR_FIRST = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');

/** Finds the first date in a line: ISO, DD.MM.YYYY (day first), YYYY/MM/DD, "3 March 2021" or "March 3, 2021". */
export function findDate(line: string): FoundDate | undefined {
  const candidates = [isoMatch(line), dottedMatch(line), slashedMatch(line), dayMonthMatch(line), monthDayMatch(line)];
  let best: FoundDate | undefined;
  for (const found of candidates) if (found && (!best || found.start < best.start)) best = found;
  return best;
}

/** Normalises a metadata date ("2021-03-03T09:00:00+0100", "March 3, 2021", RFC 2822) to ISO 8601. */
export function normaliseDate(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const iso = isoMatch(trimmed);
  if (iso) return iso.iso;
  // A non-ISO date with a time of day (RFC 2822, JavaScript's Date string) keeps its time, in UTC.
  const ms = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (/\d{1,2}:\d{2}/.test(trimmed) && !Number.isNaN(ms)) return new Date(ms).toISOString();
  return findDate(trimmed)?.iso ?? (Number.isNaN(ms) ? undefined : new Date(ms).toISOString());
}

function isoMatch(line: string): FoundDate | undefined {
  const m = ISO.exec(line);
  if (!m) return undefined;
  const date = ymd(+m[1]!, +m[2]!, +m[3]!);
  if (!date) return undefined;
  if (m[4] === undefined) return { iso: date, start: m.index, end: m.index + m[0].length };
  if (+m[4] > 23 || +m[5]! > 59) return undefined;
  const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const iso = `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
  return { iso, start: m.index, end: m.index + m[0].trimEnd().length };
}

function dottedMatch(line: string): FoundDate | undefined {
  const m = DOTTED.exec(line);
  return m ? at(m, ymd(+m[3]!, +m[2]!, +m[1]!)) : undefined;
}

function slashedMatch(line: string): FoundDate | undefined {
  const m = SLASHED_YEAR_FIRST.exec(line);
  return m ? at(m, ymd(+m[1]!, +m[2]!, +m[3]!)) : undefined;
}

function dayMonthMatch(line: string): FoundDate | undefined {
  const m = DAY_MONTH.exec(line);
  return m ? at(m, ymd(+m[3]!, MONTHS.get(m[2]!.toLowerCase()) ?? 0, +m[1]!)) : undefined;
}

function monthDayMatch(line: string): FoundDate | undefined {
  const m = MONTH_DAY.exec(line);
  return m ? at(m, ymd(+m[3]!, MONTHS.get(m[1]!.toLowerCase()) ?? 0, +m[2]!)) : undefined;
}

function at(m: RegExpExecArray, iso: string | undefined): FoundDate | undefined {
  return iso ? { iso, start: m.index, end: m.index + m[0].length } : undefined;
}

/** YYYY-MM-DD when the parts name a real calendar day (no 31 April), else undefined. */
function ymd(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
