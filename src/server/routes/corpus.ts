import type { FastifyInstance } from 'fastify';
import { ClaimtraceError } from '../../core/errors.js';
import { parseClaimRef, traceQueryFromClaim, traceQueryFromText } from '../../engine/trace-query.js';
import { RATING_SCALE, RATING_IDS } from '../../review/types.js';
import { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD } from '../../store/index.js';
import type { TraceQuery } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { oneOfMessage } from '../errors.js';
import { errorResponses, integerParam, numberParam, outletSchema, traceResultSchema } from '../schemas.js';

interface TraceParams {
  q?: string;
  claim?: string;
  threshold: number;
  limit: number;
}

const traceQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 2000, description: 'The claim text to trace.' },
    claim: { type: 'string', pattern: '^\\d+:c\\d+$', description: 'A stored claim as DOCUMENT:CLAIM, e.g. 42:c3.' },
    threshold: numberParam(0, 1, { default: DEFAULT_TRACE_THRESHOLD }),
    limit: integerParam(1, 1000, { default: DEFAULT_TRACE_LIMIT }),
  },
  oneOf: [{ required: ['q'] }, { required: ['claim'] }],
};

const ratingSchema = {
  type: 'object',
  required: ['id', 'label', 'value', 'description'],
  properties: { id: { type: 'string', enum: [...RATING_IDS] }, label: { type: 'string' }, value: { type: ['integer', 'null'] }, description: { type: 'string' } },
};

/** The trace query: a stored claim's text and figures, or typed text with the figures the analyser reads in it. */
async function toTraceQuery(ctx: ServerContext, params: TraceParams): Promise<TraceQuery> {
  const options = { threshold: params.threshold, limit: params.limit };
  if (params.q !== undefined) return traceQueryFromText(params.q, options);
  const query = await traceQueryFromClaim(ctx.store, parseClaimRef(params.claim!)!, options);
  if (!query) throw new ClaimtraceError('E_NOT_FOUND', { what: 'claim', id: params.claim! });
  return query;
}

/** GET /api/trace, GET /api/outlets and GET /api/ratings. */
export function registerCorpusRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: TraceParams }>(
    '/api/trace',
    {
      schema: { summary: 'The same claim or figure across stored articles, in publication order', tags: ['corpus'], querystring: traceQuery, response: { 200: traceResultSchema, ...errorResponses } },
      schemaErrorFormatter: oneOfMessage('give exactly one of q (claim text) or claim (DOCUMENT:CLAIM)'),
    },
    async (req) => ctx.store.trace(await toTraceQuery(ctx, req.query)),
  );
  app.get(
    '/api/outlets',
    { schema: { summary: 'Per outlet and month: sourcing grades, unsourced statistics, techniques', tags: ['corpus'], response: { 200: { type: 'object', required: ['outlets'], properties: { outlets: { type: 'array', items: outletSchema } } }, ...errorResponses } } },
    async () => ({ outlets: await ctx.store.outlets() }),
  );
  app.get(
    '/api/ratings',
    { schema: { summary: 'The rating scale of reviews', tags: ['review'], response: { 200: { type: 'object', required: ['scale'], properties: { scale: { type: 'array', items: ratingSchema } } }, ...errorResponses } } },
    async () => ({ scale: RATING_SCALE }),
  );
}
