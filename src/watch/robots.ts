import { ClaimtraceError } from '../core/errors.js';
import { fetchUrl, type AddressPolicy } from '../fetch/index.js';
import type { HostGate } from './host-gate.js';
import { isAllowedBy, parseRobotsRules, type RobotsRules } from './robots-rules.js';

/** The product token claimtrace's User-Agent starts with, which robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'claimtrace';
/** Largest robots.txt read (Google reads 500 KiB; rules past it are ignored there, refused here). */
const MAX_ROBOTS_BYTES = 512 * 1024;
/** Longest Crawl-delay honoured. */
const MAX_CRAWL_DELAY_MS = 60_000;
const ROBOTS_TYPES = new Set(['text/plain', 'text/html', 'application/octet-stream']);

/** What robots.txt says about one URL. */
export interface RobotsVerdict {
  readonly allowed: boolean;
  /** The Crawl-delay for claimtrace (or *), in ms, at most 60 s; 0 when none. */
  readonly crawlDelayMs: number;
}

/** Options of {@link createRobots}. */
export interface RobotsOptions {
  /** How long a site's robots.txt is kept before it is fetched again. */
  readonly ttlMs: number;
  readonly timeoutMs: number;
  readonly isAllowedAddress?: AddressPolicy;
  /** Requests for robots.txt wait their turn at the host like any other. */
  readonly gate: HostGate;
}

/** robots.txt per origin, fetched once per `ttlMs`. */
export interface RobotsCache {
  /**
   * The verdict for `url`; rejects with the fetch's ClaimtraceError when robots.txt cannot be had (5xx, timeout,
   * unreachable), or with WatchStopped when `signal` aborts while it waits its turn at the host.
   */
  check(url: string, signal?: AbortSignal): Promise<RobotsVerdict>;
}

/**
 * A robots.txt cache. As crawlers commonly read it (RFC 9309): a robots.txt that does not exist or is refused with a
 * 4xx status allows everything; a server error or an unreachable host makes the poll fail (and back off), never a
 * silent "allowed". One fetch per origin at a time: concurrent checks share it.
 */
export function createRobots(options: RobotsOptions): RobotsCache {
  const cache = new Map<string, { expires: number; robot: Promise<RobotsRules | null> }>();
  const load = async (origin: string, signal: AbortSignal | undefined): Promise<RobotsRules | null> => {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const page = await options.gate.run(new URL(origin).hostname, () => fetchUrl(robotsUrl, {
        timeoutMs: options.timeoutMs, maxBytes: MAX_ROBOTS_BYTES, maxRedirects: 5, contentTypes: ROBOTS_TYPES,
        headers: { accept: 'text/plain' }, ...(options.isAllowedAddress ? { isAllowedAddress: options.isAllowedAddress } : {}),
      }), { signal });
      return parseRobotsRules(new TextDecoder().decode(page.bytes), ROBOTS_AGENT);
    } catch (err) {
      if (err instanceof ClaimtraceError && allowsAll(err)) return null;
      throw err;
    }
  };
  return {
    async check(url, signal) {
      const origin = new URL(url).origin;
      let entry = cache.get(origin);
      if (!entry || entry.expires <= Date.now()) {
        // Kept while it loads (so concurrent checks share the fetch), then for ttlMs; a failed load is forgotten.
        const fresh = { expires: Infinity, robot: load(origin, signal) };
        fresh.robot.then(() => void (fresh.expires = Date.now() + options.ttlMs), () => void (cache.get(origin) === fresh && cache.delete(origin)));
        cache.set(origin, fresh);
        entry = fresh;
      }
      return verdict(await entry.robot, url);
    },
  };
}

/** A missing or forbidden robots.txt (4xx), or one that is not text, allows everything. */
function allowsAll(err: ClaimtraceError): boolean {
  if (err.code === 'E_URL_CONTENT_TYPE') return true;
  if (err.code !== 'E_URL_HTTP_STATUS') return false;
  const status = Number(err.params.status);
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function verdict(robot: RobotsRules | null, url: string): RobotsVerdict {
  if (!robot) return { allowed: true, crawlDelayMs: 0 };
  const delay = robot.crawlDelay;
  return {
    // Rules too costly to match against this URL (robots-rules.ts MATCH_BUDGET) are read as disallowing it, as RFC
    // 9309 reads a robots.txt that cannot be had for a server error: polite, and reported like any disallow.
    allowed: isAllowedBy(robot, new URL(url)) === true,
    crawlDelayMs: typeof delay === 'number' && delay > 0 ? Math.min(MAX_CRAWL_DELAY_MS, delay * 1000) : 0,
  };
}
