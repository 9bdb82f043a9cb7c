import { ClaimtraceError } from '../../core/errors.js';
import { readClaimReviews } from './claimreview.js';
import { isObject, own } from './clean.js';
import { csvDelimiter, readCsv, type ColumnMapping } from './csv.js';
import { isGoogleClaimsResponse, readGoogleClaims } from './google.js';
import { readHtmlClaimReviews } from './html.js';
import { partition, type RecordOutcome } from './record.js';
import type { FactCheckFormat, ParsedFactChecks } from './schema.js';

/** Options of {@link parseFactChecks}. */
export interface ParseOptions {
  /** The input's name, for messages (a path or URL). */
  readonly input?: string;
  /** CSV/TSV: which header names which field. */
  readonly columns?: ColumnMapping;
  /** The address a page was fetched from: the link of a ClaimReview that gives none. */
  readonly pageUrl?: string | null;
}

/**
 * The fact-checks of one input, its format told from its content: `<` starts an HTML page (ClaimReview JSON-LD
 * scripts); `{` or `[` JSON — a Google Fact Check Tools `claims:search` response (a `claims` list; or a list of such
 * pages), a Data Commons feed (`DataFeed`, `dataFeedElement`), or ClaimReview JSON-LD (one object, an array, a
 * `@graph`), or JSON Lines of these; anything else with a comma or tab in its first line is CSV/TSV with a header row.
 * Throws E_FACTCHECK_FORMAT for what is none of these and E_FACTCHECK_NONE when no ClaimReview is in a page or JSON-LD.
 */
export function parseFactChecks(text: string, options: ParseOptions = {}): ParsedFactChecks {
  const input = options.input ?? 'the input';
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const first = body.charAt(0);
  if (first === '<') return done('claimreview-html', readHtmlClaimReviews(body, options.pageUrl ?? null), input, true);
  if (first === '{' || first === '[') return parseJsonInput(body, options, input);
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  if (body !== '' && /[,\t]/.test(firstLine)) {
    const format = csvDelimiter(body) === '\t' ? 'tsv' : 'csv';
    return done(format, readCsv(body, { columns: options.columns ?? {}, input }), input, false);
  }
  throw new ClaimtraceError('E_FACTCHECK_FORMAT', { input, reason: body === '' ? 'it is empty' : 'it is neither HTML, JSON nor CSV/TSV with a header row' });
}

function parseJsonInput(body: string, options: ParseOptions, input: string): ParsedFactChecks {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch (err) {
    const lines = jsonLines(body);
    if (lines) {
      const read = lines.map(({ value, line }) => readJson(value, `line ${line}`, options));
      const format = read[0]!.format;
      return done(format, read.flatMap((r) => r.outcomes), input, format !== 'google-claims');
    }
    throw new ClaimtraceError('E_FACTCHECK_FORMAT', { input, reason: `it starts like JSON but is not valid JSON (${(err as Error).message})` });
  }
  const { format, outcomes } = readJson(root, '$', options);
  return done(format, outcomes, input, format !== 'google-claims');
}

/** One JSON value: which of the JSON formats it is, and its records. */
function readJson(root: unknown, rootPath: string, options: ParseOptions): { format: FactCheckFormat; outcomes: RecordOutcome[] } {
  if (isGoogleClaimsResponse(root)) return { format: 'google-claims', outcomes: readGoogleClaims(root as Record<string, unknown>, rootPath) };
  // Several pages of one search, saved as a list of responses.
  if (Array.isArray(root) && root.length > 0 && root.every(isGoogleClaimsResponse)) {
    return { format: 'google-claims', outcomes: root.flatMap((page, i) => readGoogleClaims(page as Record<string, unknown>, `${rootPath}[${i}]`)) };
  }
  const feed = isObject(root) && (own(root, '@type') === 'DataFeed' || Array.isArray(own(root, 'dataFeedElement')));
  return { format: feed ? 'datacommons-feed' : 'claimreview-json', outcomes: readClaimReviews(root, { rootPath, pageUrl: options.pageUrl ?? null }) };
}

/** JSON Lines (one JSON value per non-blank line), or undefined when a line is not JSON. */
function jsonLines(body: string): { value: unknown; line: number }[] | undefined {
  const out: { value: unknown; line: number }[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    try {
      out.push({ value: JSON.parse(lines[i]!), line: i + 1 });
    } catch {
      return undefined;
    }
  }
  return out.length > 1 ? out : undefined;
}

/** The parse result; E_FACTCHECK_NONE when a JSON-LD format held no ClaimReview at all (not even a bad one). */
function done(format: FactCheckFormat, outcomes: RecordOutcome[], input: string, needsReviews: boolean): ParsedFactChecks {
  if (needsReviews && outcomes.length === 0) throw new ClaimtraceError('E_FACTCHECK_NONE', { input });
  return { format, ...partition(outcomes) };
}
