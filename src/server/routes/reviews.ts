import type { FastifyInstance } from 'fastify';
import type { ReviewInput } from '../../review/types.js';
import type { ServerContext } from '../context.js';
import { documentParams, errorResponses, reviewBodySchema, reviewSchema } from '../schemas.js';
import { reportOf } from './documents.js';

type ReviewBody = Omit<ReviewInput, 'documentId'>;

/** POST /api/documents/:id/reviews (a verdict on one claim) and GET /api/documents/:id/reviews (all, oldest first). */
export function registerReviewRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Params: { id: number }; Body: ReviewBody }>(
    '/api/documents/:id/reviews',
    {
      schema: { summary: 'Record a verdict on a claim', tags: ['review'], params: documentParams, body: reviewBodySchema, response: { 201: reviewSchema, ...errorResponses } },
      config: { rateLimit: { max: ctx.options.rateLimit.write, timeWindow: ctx.options.rateLimit.windowMs } },
    },
    async (req, reply) => {
      const review = await ctx.store.addReview({ ...req.body, documentId: req.params.id });
      reply.code(201);
      return review;
    },
  );
  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/reviews',
    { schema: { summary: 'Reviews of a document, oldest first', tags: ['review'], params: documentParams, response: { 200: { type: 'object', required: ['reviews'], properties: { reviews: { type: 'array', items: reviewSchema } } }, ...errorResponses } } },
    async (req) => {
      await reportOf(ctx.store, req.params.id);
      return { reviews: await ctx.store.reviews(req.params.id) };
    },
  );
}
