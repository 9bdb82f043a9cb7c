import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ClaimtraceError, toClaimtraceError, type ErrorCode } from '../../core/errors.js';
import { reportMatch } from '../../factchecks/audit/already-checked.js';
import { parseColumns, parseFactChecks, type ParsedFactChecks } from '../../factchecks/index.js';
import type { FactCheckUpsertResult } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { errorResponses, factCheckImportSchema, factCheckMatchSchema, integerParam } from '../schemas.js';

/** Media types of a POST /api/factchecks body besides JSON (read as text; the format is told from the content). */
const TEXT_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ld+json', 'text/csv', 'text/tab-separated-values', 'text/html', 'text/plain'];
/** Fact-checks written per store transaction. */
const BATCH = 1_000;
/** Problems listed in a response at most (all are counted). */
const MAX_PROBLEMS = 1_000;
/** Most matches one request asks for. */
export const MAX_MATCH_LIMIT = 50;
/** Longest claim matched, in characters (as long as a stored claim may be). */
const MAX_QUERY_CHARS = 5_000;

const importQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { columns: { type: 'string', maxLength: 2_000, description: 'CSV/TSV only: which header names which field, as `factchecks import --columns` takes it (`claim=Claim,url=Link`).' } },
};

const matchQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: MAX_QUERY_CHARS, description: 'The claim, as text (a pasted post is cleaned of links, handles and an author trailer).' },
    limit: integerParam(1, MAX_MATCH_LIMIT, { default: 5, description: `Most matches returned, 1 to ${MAX_MATCH_LIMIT}.` }),
  },
};

/**
 * POST /api/factchecks (import, a write: the token rules of every write) and GET /api/factchecks/match (the stored
 * fact-checks that address a claim). The body of an import is a JSON document (ClaimReview JSON-LD, a Google Fact
 * Check Tools claims:search response, a Data Commons DataFeed) or, by its media type, JSON Lines, CSV/TSV or an HTML
 * page with ClaimReview scripts; records that cannot be used are listed with their place and code, the rest stored.
 */
export async function registerFactCheckRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(async (scope) => {
    // Text bodies for this route alone, within the server's body limit (JSON keeps the server's own parser).
    scope.addContentTypeParser(TEXT_TYPES, { parseAs: 'string', bodyLimit: ctx.options.bodyLimit }, (_req, body, done) => done(null, body));
    scope.post<{ Body: unknown; Querystring: { columns?: string } }>(
      '/api/factchecks',
      {
        schema: {
          summary: 'Import fact-checks',
          description: 'The body is a JSON document (application/json: ClaimReview JSON-LD, an array or @graph of them, a Google Fact Check Tools claims:search response, a Data Commons DataFeed) or text by its media type: JSON Lines (application/x-ndjson), CSV (text/csv), TSV (text/tab-separated-values) or an HTML page with ClaimReview scripts (text/html). The same fact-check again (same review URL and claim) updates the stored one.',
          tags: ['factchecks'],
          querystring: importQuery,
          response: { 200: factCheckImportSchema, ...errorResponses },
        },
        config: { rateLimit: { max: ctx.options.rateLimit.write, timeWindow: ctx.options.rateLimit.windowMs } },
      },
      async (req) => importBody(ctx, req),
    );
  });
  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/factchecks/match',
    { schema: { summary: 'Fact-checks that address a claim', tags: ['factchecks'], querystring: matchQuery, response: { 200: factCheckMatchSchema, ...errorResponses } } },
    async (req) => {
      if (req.query.q.trim() === '') throw new ClaimtraceError('E_REQUEST_INVALID', { reason: 'q is empty: give the claim to match' });
      const matcher = await ctx.factChecks.matcher();
      if (!matcher) return { factChecks: 0, threshold: null, matches: [] };
      const matches = matcher.match(req.query.q, { limit: req.query.limit }).flatMap((m) => reportMatch(m) ?? []);
      return { factChecks: matcher.size, threshold: matcher.calibration.threshold, matches };
    },
  );
}

type Problem = { record: string | null; code: ErrorCode; message: string };

async function importBody(ctx: ServerContext, req: FastifyRequest<{ Body: unknown; Querystring: { columns?: string } }>) {
  const parsed = parseBody(req.body, req.query.columns);
  const results: FactCheckUpsertResult[] = [];
  const problems: Problem[] = parsed.skipped.map((s) => ({ record: s.record, code: s.code, message: new ClaimtraceError(s.code, { record: s.record, reason: s.reason }).message }));
  try {
    for (let i = 0; i < parsed.factChecks.length; i += BATCH) {
      const batch = parsed.factChecks.slice(i, i + BATCH);
      try {
        results.push(...(await ctx.store.upsertFactChecks(batch)));
      } catch (err) {
        // A batch the store refuses: each record on its own, so that only the bad ones are lost.
        if (toClaimtraceError(err).code.startsWith('E_STORE_')) throw err;
        for (const [j, factCheck] of batch.entries()) {
          try {
            results.push(...(await ctx.store.upsertFactChecks([factCheck])));
          } catch (one) {
            const error = toClaimtraceError(one);
            if (error.code.startsWith('E_STORE_')) throw one;
            problems.push({ record: `record ${i + j + 1}`, code: error.code, message: error.message });
          }
        }
      }
    }
  } finally {
    // This instance's matcher is rebuilt before its next use (other instances notice within the stamp's max age).
    if (results.some((r) => r.status !== 'unchanged')) ctx.factChecks.invalidate();
  }
  const count = (status: FactCheckUpsertResult['status']) => results.filter((r) => r.status === status).length;
  return {
    format: parsed.format,
    inserted: count('inserted'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    skipped: problems.length,
    ids: results.map((r) => r.id),
    problems: problems.slice(0, MAX_PROBLEMS),
  };
}

/** The fact-checks of a body: a parsed JSON value, or text of another media type. */
function parseBody(body: unknown, columns: string | undefined): ParsedFactChecks {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? null);
  if (text.slice(0, 8192).includes('\u0000')) throw new ClaimtraceError('E_INPUT_BINARY', { input: 'the request body' });
  return parseFactChecks(text, { input: 'the request body', ...(columns ? { columns: parseColumns(columns) } : {}) });
}
