import type { FastifyInstance } from 'fastify';
import { MATCH_DECISIONS, MAX_NOTE, type MatchDecisionInput } from '../../review/match-decisions.js';
import { MAX_REVIEWER } from '../../review/validate.js';
import type { ServerContext } from '../context.js';
import { documentParams, errorResponses, MAX_ID, type JsonSchema } from '../schemas.js';
import { reportOf } from './documents.js';

type DecisionBody = Omit<MatchDecisionInput, 'documentId' | 'claimId'>;
type DecisionParams = { id: number; claimId: string };

/** A stored decision on a fact-check matched to a claim. */
export const matchDecisionSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'documentId', 'claimId', 'factCheckId', 'decision', 'reviewer', 'createdAt'],
  properties: {
    id: { type: 'integer' },
    documentId: { type: 'integer' },
    claimId: { type: 'string' },
    factCheckId: { type: 'integer', description: 'Store id of the fact-check (claims[].factChecks[].factCheckId in the report).' },
    decision: { type: 'string', enum: [...MATCH_DECISIONS] },
    reviewer: { type: 'string' },
    note: { type: 'string', description: 'Left out when none was given.' },
    createdAt: { type: 'string', description: 'ISO 8601 date-time.' },
  },
};

/** The body of POST /api/documents/:id/claims/:claimId/match-decisions. */
export const matchDecisionBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['factCheckId', 'decision', 'reviewer'],
  properties: {
    factCheckId: { type: 'integer', minimum: 1, maximum: MAX_ID, description: 'Store id of the fact-check, as the report lists it under the claim.' },
    decision: { type: 'string', enum: [...MATCH_DECISIONS], description: 'accepted: the fact-check is about this claim; rejected: it is not.' },
    reviewer: { type: 'string', minLength: 1, maxLength: MAX_REVIEWER },
    note: { type: 'string', maxLength: MAX_NOTE },
  },
};

const claimParams: JsonSchema = {
  type: 'object',
  required: ['id', 'claimId'],
  properties: { ...(documentParams.properties as JsonSchema), claimId: { type: 'string', pattern: '^c\\d+$', maxLength: 64, description: 'The claim id in the report, e.g. "c3".' } },
};

/**
 * POST /api/documents/:id/claims/:claimId/match-decisions (accept or reject one fact-check matched to a claim; a
 * write, so it needs the token when the server has one) and GET /api/documents/:id/match-decisions (every decision,
 * oldest first; the newest per claim and fact-check is current).
 */
export function registerMatchDecisionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: DecisionParams; Body: DecisionBody }>(
    '/api/documents/:id/claims/:claimId/match-decisions',
    {
      schema: {
        summary: 'Accept or reject a fact-check matched to a claim', tags: ['review'], params: claimParams, body: matchDecisionBodySchema,
        response: { 201: matchDecisionSchema, ...errorResponses },
      },
      config: { rateLimit: { max: ctx.options.rateLimit.write, timeWindow: ctx.options.rateLimit.windowMs } },
    },
    async (req, reply) => {
      const decision = await ctx.store.addMatchDecision({ ...req.body, documentId: req.params.id, claimId: req.params.claimId });
      reply.code(201);
      return decision;
    },
  );
  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/match-decisions',
    {
      schema: {
        summary: 'Decisions on fact-check matches of a document, oldest first', tags: ['review'], params: documentParams,
        response: { 200: { type: 'object', required: ['decisions'], properties: { decisions: { type: 'array', items: matchDecisionSchema } } }, ...errorResponses },
      },
    },
    async (req) => {
      await reportOf(ctx.store, req.params.id);
      return { decisions: await ctx.store.matchDecisions(req.params.id) };
    },
  );
}
