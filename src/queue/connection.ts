import { ClaimtraceError } from '../core/errors.js';

/** Where the ingest queue lives: a Redis server (and database), the queue's name and the prefix of its keys. */
export interface QueueTarget {
  /** The URL as given, with any password hidden: for messages. */
  readonly display: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
  readonly name: string;
  readonly prefix: string;
}

/** The queue's default name (`--queue-name`). */
export const DEFAULT_QUEUE_NAME = 'ingest';
/** Prefix of every Redis key the queue uses, so that claimtrace's keys stand apart from other users of the server. */
export const DEFAULT_QUEUE_PREFIX = 'claimtrace';

/** Reads `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS); E_QUEUE_URL_INVALID for anything else. */
export function parseQueueUrl(raw: string, name: string = DEFAULT_QUEUE_NAME, prefix: string = DEFAULT_QUEUE_PREFIX): QueueTarget {
  let url: URL;
  const display = raw.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ClaimtraceError('E_QUEUE_URL_INVALID', { url: display });
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '' || url.search !== '' || url.hash !== '') {
    throw new ClaimtraceError('E_QUEUE_URL_INVALID', { url: display });
  }
  const dbPart = url.pathname.replace(/^\//, '');
  if (dbPart !== '' && !/^\d{1,2}$/.test(dbPart)) throw new ClaimtraceError('E_QUEUE_URL_INVALID', { url: display });
  checkName(name, '--queue-name');
  checkName(prefix, 'queue prefix');
  return {
    display,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 6379 : Number(url.port),
    db: dbPart === '' ? 0 : Number(dbPart),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    tls: url.protocol === 'rediss:',
    name,
    prefix,
  };
}

/** A queue name or key prefix: letters, digits, `-`, `_` and `.` (BullMQ joins keys with `:`). */
function checkName(value: string, option: string): void {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(value)) {
    throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${value}" is not 1-100 letters, digits, '-', '_' or '.'` });
  }
}

/**
 * ioredis options for the target. `maxRetriesPerRequest: null` is what BullMQ's workers need (their blocking reads
 * wait as long as it takes); producers and status readers pass `failFast` so that a server that went away fails the
 * command after a few tries instead of waiting forever.
 */
export function redisOptions(target: QueueTarget, failFast = false): Record<string, unknown> {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {}),
    ...(target.tls ? { tls: {} } : {}),
    connectTimeout: 5_000,
    maxRetriesPerRequest: failFast ? 2 : null,
  };
}

/** Checks that the server answers (PING) within a few seconds; E_QUEUE_UNREACHABLE otherwise. */
export async function checkReachable(target: QueueTarget): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis({ ...redisOptions(target), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new ClaimtraceError('E_QUEUE_UNREACHABLE', { url: target.display, reason: (err as Error).message || String(err) }, { cause: err });
  } finally {
    client.disconnect();
  }
}
