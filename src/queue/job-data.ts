import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ClaimtraceError } from '../core/errors.js';
import type { ArticleSource } from '../ingest/source.js';

/** Schema version of a job's data: a worker refuses jobs of another version (E_JOB_INVALID), never guesses. */
export const JOB_SCHEMA = 'claimtrace/ingest-job@1';

const MetaSchema = z
  .object({
    title: z.string().optional(),
    byline: z.string().optional(),
    published: z.string().optional(),
    site: z.string().optional(),
    url: z.string().optional(),
    language: z.string().optional(),
  })
  .strict();

/** An article with its content in the job: UTF-8 text when its bytes are valid UTF-8, else base64. */
const ArticleJobSchema = z.object({
  schema: z.literal(JOB_SCHEMA),
  kind: z.literal('article'),
  label: z.string().min(1).max(4096),
  encoding: z.enum(['utf8', 'base64']),
  body: z.string(),
  contentType: z.string().max(200).optional(),
  url: z.string().max(8192).optional(),
  meta: MetaSchema.optional(),
  /** Metadata used only where extraction finds none (a feed item's title and date, for a page fetched from its link). */
  fallbackMeta: MetaSchema.optional(),
  guid: z.string().max(8192).optional(),
});

/** An article known by its link: the worker fetches it with the address policy and limits of `analyze`. */
const LinkJobSchema = z.object({
  schema: z.literal(JOB_SCHEMA),
  kind: z.literal('link'),
  label: z.string().min(1).max(4096),
  link: z.string().url().max(8192),
  meta: MetaSchema.optional(),
  guid: z.string().max(8192).optional(),
});

/** The data of one ingest job, as validated at the worker. */
export const JobDataSchema = z.discriminatedUnion('kind', [ArticleJobSchema, LinkJobSchema]);

/** The data of one ingest job. */
export type JobData = z.infer<typeof JobDataSchema>;

/** An article known by its link only (the feeds helper's LinkSource; structural, so either shape of it fits). */
export interface LinkLike {
  readonly label: string;
  readonly link: string;
  readonly meta?: Partial<Record<string, string | undefined>>;
  readonly guid?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The job data of an article or a link source. */
export function toJobData(source: ArticleSource | LinkLike): JobData {
  const meta = cleanMeta(source.meta);
  const guid = 'guid' in source && typeof source.guid === 'string' ? { guid: source.guid } : {};
  // Read structurally: the feeds helper's ArticleSource carries `fallbackMeta` (src/ingest/source.ts).
  const fallbackMeta = cleanMeta((source as { fallbackMeta?: Partial<Record<string, string | undefined>> }).fallbackMeta);
  if ('link' in source) return { schema: JOB_SCHEMA, kind: 'link', label: source.label, link: source.link, ...(meta ? { meta } : {}), ...guid };
  const text = utf8OrUndefined(source.bytes);
  return {
    schema: JOB_SCHEMA,
    kind: 'article',
    label: source.label,
    encoding: text === undefined ? 'base64' : 'utf8',
    body: text ?? Buffer.from(source.bytes).toString('base64'),
    ...(source.contentType ? { contentType: source.contentType } : {}),
    ...(source.url ? { url: source.url } : {}),
    ...(meta ? { meta } : {}),
    ...(fallbackMeta ? { fallbackMeta } : {}),
    ...guid,
  };
}

/**
 * The job id: `a-` and a hash of the label and the content for an article, `l-` and a hash of the link for a link.
 * BullMQ ignores an add whose id is already taken, so the same input enqueued twice makes one job.
 */
export function jobIdFor(data: JobData): string {
  const hash = createHash('sha256');
  if (data.kind === 'link') return `l-${hash.update(data.link).digest('hex').slice(0, 40)}`;
  hash.update(data.label).update('\0').update(data.encoding).update('\0').update(data.body);
  return `a-${hash.digest('hex').slice(0, 40)}`;
}

/** Validates job data taken from the queue (E_JOB_INVALID); an article over `maxBytes` is E_INPUT_TOO_LARGE. */
export function parseJobData(jobId: string, value: unknown, maxBytes: number): JobData {
  const parsed = JobDataSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
    throw new ClaimtraceError('E_JOB_INVALID', { job: jobId, reason: `${where}${issue.message}` });
  }
  const data = parsed.data;
  if (data.kind === 'article') {
    const size = data.encoding === 'utf8' ? Buffer.byteLength(data.body, 'utf8') : Math.floor((data.body.length * 3) / 4);
    if (size > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size, limit: maxBytes, input: data.label });
  }
  return data;
}

/** The article source of an article job. */
export function articleSourceOf(data: Extract<JobData, { kind: 'article' }>): ArticleSource {
  const bytes = data.encoding === 'utf8' ? new TextEncoder().encode(data.body) : new Uint8Array(Buffer.from(data.body, 'base64'));
  return {
    label: data.label,
    bytes,
    ...(data.contentType ? { contentType: data.contentType } : {}),
    ...(data.url ? { url: data.url } : {}),
    ...(data.meta ? { meta: data.meta } : {}),
    ...(data.fallbackMeta ? { fallbackMeta: data.fallbackMeta } : {}),
    ...(data.guid ? { guid: data.guid } : {}),
  };
}

/** The link source of a link job, in the shape `fetchLinkSource` takes. */
export function linkSourceOf(data: Extract<JobData, { kind: 'link' }>): LinkLike {
  return { label: data.label, link: data.link, ...(data.meta ? { meta: data.meta } : {}), ...(data.guid ? { guid: data.guid } : {}) };
}

function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Metadata without empty fields; undefined when nothing is left. */
function cleanMeta(meta: Partial<Record<string, string | undefined>> | undefined): Record<string, string> | undefined {
  if (!meta) return undefined;
  const kept = Object.entries(meta).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
