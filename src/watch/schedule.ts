import type { FeedState } from '../store/types.js';

/** When feeds are polled: every `everyMs` ± `jitter` (a fraction), errors backed off up to `maxBackoffMs`. */
export interface Schedule {
  readonly everyMs: number;
  /** 0–0.5: each interval is drawn uniformly from everyMs × [1 − jitter, 1 + jitter]. */
  readonly jitter: number;
  /** Longest wait after repeated errors (at least `everyMs`). */
  readonly maxBackoffMs: number;
}

/** A random number in [0, 1); tests give a fixed sequence. */
export type Random = () => number;

/** `ms` stretched or shrunk by up to ± jitter, uniformly. */
export function jittered(ms: number, jitter: number, random: Random): number {
  return Math.round(ms * (1 + jitter * (2 * random() - 1)));
}

/**
 * How long after `now` a feed is first polled: a feed never polled, or one overdue (a watch restarted after a
 * pause), waits a random part of one jitter span (everyMs × jitter), so that many feeds do not all start at once;
 * a feed whose stored next poll is still ahead keeps it, so a restart does not poll early.
 */
export function firstPollDelay(state: FeedState | undefined, schedule: Schedule, now: number, random: Random): number {
  const due = state?.nextPollAt ? Date.parse(state.nextPollAt) - now : -1;
  // A shorter --every than the stored wait was made with takes effect now, except for a feed backing off an error.
  if (due >= 0) return Math.min(due, state?.lastError ? backoffCeiling(schedule) : schedule.everyMs * (1 + schedule.jitter));
  return Math.floor(random() * schedule.everyMs * schedule.jitter);
}

/**
 * The wait before the next poll: the jittered interval after a success; after an error, the previous wait (as the
 * stored state tells it: nextPollAt − lastPolledAt) doubled when the poll before had failed too, starting from one
 * interval, never above `maxBackoffMs` (exponential backoff, capped, surviving restarts).
 */
export function nextPollDelay(previous: FeedState | undefined, failed: boolean, schedule: Schedule, random: Random): number {
  if (!failed) return jittered(schedule.everyMs, schedule.jitter, random);
  const before = previous?.lastError && previous.lastPolledAt && previous.nextPollAt ? Date.parse(previous.nextPollAt) - Date.parse(previous.lastPolledAt) : 0;
  const base = before > 0 ? Math.max(schedule.everyMs, before) * 2 : schedule.everyMs;
  return Math.min(backoffCeiling(schedule), jittered(base, schedule.jitter, random));
}

function backoffCeiling(schedule: Schedule): number {
  return Math.max(schedule.maxBackoffMs, schedule.everyMs * (1 + schedule.jitter));
}
