import { z } from 'zod';
import { ClaimtraceError } from '../core/errors.js';
import type { FeedState } from './types.js';

/** Longest feed URL, validator and item key the store keeps (an item key is a GUID or a link). */
export const MAX_FEED_TEXT = 4096;

const text = z.string().min(1).max(MAX_FEED_TEXT);
const instant = z.iso.datetime().nullable();

/** A feed's polling state as the store takes it (shared by the SQLite and PostgreSQL stores). */
export const FeedStateSchema = z.object({
  url: text,
  etag: text.nullable(),
  lastModified: text.nullable(),
  lastPolledAt: instant,
  nextPollAt: instant,
  lastStatus: z.number().int().min(100).max(599).nullable(),
  lastError: z.string().regex(/^E_[A-Z0-9_]+$/).max(100).nullable(),
});

/** A feeds row as both stores return it. */
export interface FeedRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  last_status: number | null;
  last_error: string | null;
}

/** A feeds row as the polling state it holds. */
export const feedStateFromRow = (r: FeedRow): FeedState => ({
  url: r.url, etag: r.etag, lastModified: r.last_modified, lastPolledAt: r.last_polled_at, nextPollAt: r.next_poll_at, lastStatus: r.last_status, lastError: r.last_error,
});

/** The state, validated (E_REQUEST_INVALID naming the field), with only the known fields. */
export function validateFeedState(state: FeedState): FeedState {
  const parsed = FeedStateSchema.safeParse(state);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `feed state ${issue.path.join('.')}: ${issue.message}` });
}

/** The feed URL and item keys of a claim, checked (E_REQUEST_INVALID), the keys each once in first-seen order. */
export function distinctFeedKeys(feedUrl: string, keys: readonly string[]): string[] {
  if (!text.safeParse(feedUrl).success) throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `feed URL must be 1 to ${MAX_FEED_TEXT} characters` });
  for (const key of keys) {
    if (!text.safeParse(key).success) throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `feed item key must be 1 to ${MAX_FEED_TEXT} characters` });
  }
  return [...new Set(keys)];
}
