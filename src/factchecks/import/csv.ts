import { parse } from 'csv-parse/sync';
import { ClaimtraceError } from '../../core/errors.js';
import { readDay, readNumber, readSite, readText, readUrl } from './clean.js';
import { buildFactCheck, NO_FIELDS, type FactCheckFields, type RecordOutcome } from './record.js';

/** The fields a CSV/TSV column can fill, as named in `--columns` (claim and url are needed). */
export const CSV_FIELDS = ['claim', 'url', 'rating', 'rating-value', 'best-rating', 'worst-rating', 'publisher', 'publisher-url', 'date', 'language', 'claimant', 'claim-date', 'title'] as const;
/** A field of {@link CSV_FIELDS}. */
export type CsvField = (typeof CSV_FIELDS)[number];
/** Which header names which field (`claim` → "Claim text"). */
export type ColumnMapping = Readonly<Partial<Record<CsvField, string>>>;

/** Longest CSV record, in characters: a fact-check row is a few hundred; a longer one is an unclosed quote or hostile. */
const MAX_RECORD_CHARS = 100_000;

/** Reads `--columns claim=Claim,rating=Verdict,url=Link` into a mapping; E_OPTION_INVALID for unknown fields or malformed pairs. */
export function parseColumns(spec: string): ColumnMapping {
  const mapping: Partial<Record<CsvField, string>> = {};
  for (const pair of spec.split(',')) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq).trim().toLowerCase();
    const header = pair.slice(eq + 1).trim();
    if (eq < 0 || header === '') throw new ClaimtraceError('E_OPTION_INVALID', { option: '--columns', reason: `"${pair}" is not field=header` });
    if (!(CSV_FIELDS as readonly string[]).includes(field)) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--columns', reason: `unknown field "${field}"; fields: ${CSV_FIELDS.join(', ')}` });
    mapping[field as CsvField] = header;
  }
  return Object.freeze(mapping);
}

/** Tab-separated when the header line has a tab and no more commas than tabs. */
export function csvDelimiter(text: string): ',' | '\t' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const tabs = header.split('\t').length - 1;
  return tabs > 0 && tabs >= header.split(',').length - 1 ? '\t' : ',';
}

/**
 * Which column index fills each field: a `--columns` entry names its header; a header named like a field ("claim",
 * "URL", "Publisher") fills it without one. Header names compare trimmed and case-insensitively.
 */
export function csvColumnIndexes(header: readonly string[], mapping: ColumnMapping, input: string): Map<CsvField, number> {
  const position = new Map<string, number>();
  header.forEach((name, i) => position.has(name.trim().toLowerCase()) || position.set(name.trim().toLowerCase(), i));
  const indexes = new Map<CsvField, number>();
  for (const field of CSV_FIELDS) {
    const wanted = mapping[field];
    const index = position.get((wanted ?? field).toLowerCase());
    if (wanted !== undefined && index === undefined) {
      throw new ClaimtraceError('E_OPTION_INVALID', { option: '--columns', reason: `${input} has no column "${wanted}" (its columns: ${header.join(', ')})` });
    }
    if (index !== undefined) indexes.set(field, index);
  }
  for (const needed of ['claim', 'url'] as const) {
    if (!indexes.has(needed)) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--columns', reason: `${input} has no ${needed} column: name it with --columns ${needed}=HEADER (its columns: ${header.join(', ')})` });
  }
  return indexes;
}

/** The outcome of one data row, named `record` (`line 12`) when skipped. */
export function csvRowFactCheck(row: readonly string[], indexes: ReadonlyMap<CsvField, number>, record: string): RecordOutcome {
  return buildFactCheck(rowFields(row, indexes), record);
}

/** csv-parse options of both readers (whole text and stream); each adds its delimiter and `on_skip`. */
export const CSV_PARSE_OPTIONS = Object.freeze({
  bom: true,
  info: true,
  relax_column_count: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  max_record_size: MAX_RECORD_CHARS,
} as const);

/** The fields of one row. */
function rowFields(row: readonly string[], indexes: ReadonlyMap<CsvField, number>): FactCheckFields {
  const cell = (field: CsvField): string | undefined => {
    const i = indexes.get(field);
    return i === undefined ? undefined : row[i];
  };
  return {
    ...NO_FIELDS,
    claim: readText(cell('claim')),
    url: readUrl(cell('url')),
    ratingName: readText(cell('rating')),
    ratingValue: readNumber(cell('rating-value')),
    bestRating: readNumber(cell('best-rating')),
    worstRating: readNumber(cell('worst-rating')),
    publisherName: readText(cell('publisher')),
    publisherUrl: readSite(cell('publisher-url')),
    date: readDay(cell('date')),
    language: readText(cell('language')),
    claimant: readText(cell('claimant')),
    claimDate: readDay(cell('claim-date')),
    title: readText(cell('title')),
  };
}

/**
 * The fact-checks of a CSV or TSV file with a header row. Rows are read as arrays (never as objects keyed by header,
 * so a column named `__proto__` is only a name); a malformed row (an unclosed quote, a row over 100,000 characters)
 * is skipped as `line N`, as is a row without a claim or a link.
 */
export function readCsv(text: string, options: { readonly columns?: ColumnMapping; readonly input?: string } = {}): RecordOutcome[] {
  const input = options.input ?? 'the CSV';
  const skipped: RecordOutcome[] = [];
  const rows = parse(text, {
    ...CSV_PARSE_OPTIONS,
    delimiter: csvDelimiter(text),
    on_skip: (err) => void skipped.push({ ok: false, skipped: { record: `line ${err?.lines ?? '?'}`, code: 'E_FACTCHECK_INVALID', reason: `it is not a well-formed CSV row (${err?.message ?? 'unreadable'})` } }),
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (rows.length === 0) return skipped;
  const indexes = csvColumnIndexes(rows[0]!.record, options.columns ?? {}, input);
  const read = rows.slice(1).map(({ record, info }) => csvRowFactCheck(record, indexes, `line ${info.lines}`));
  return [...read, ...skipped];
}
