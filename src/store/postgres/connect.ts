import pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';

/** Options of the PostgreSQL store that are not in its URL. */
export interface PgConnectOptions {
  /** Schema to keep the tables in (created when missing, unless `mustExist`); else the URL's `?schema=`, else the server's search_path. */
  readonly schema?: string;
  /** Most connections the store's pool opens (default 10). */
  readonly maxConnections?: number;
}

/** Where and how to connect: the pool settings, the schema, and a name for messages that carries no password. */
export interface PgTarget {
  readonly connectionString: string;
  readonly schema: string | null;
  readonly location: string;
  /** The password given in the URL, if any: scrubbed from every message. */
  readonly secret: string | null;
}

/** A schema name the store accepts: a plain SQL identifier, so it can go in search_path and DDL unquoted. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Reads a `postgres://user:password@host:port/database?schema=NAME` URL. `schema` is claimtrace's own parameter (the
 * rest goes to node-postgres as given, e.g. `?host=/var/run/postgresql` or `sslmode=require`). A bad URL or schema name
 * is E_STORE_UNREADABLE; no message ever carries the password.
 */
export function parsePostgresTarget(url: string, options: PgConnectOptions = {}): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ClaimtraceError('E_STORE_UNREADABLE', { path: 'postgres://…', reason: 'not a valid postgres:// URL' });
  }
  const secret = parsed.password ? decodeURIComponent(parsed.password) : parsed.searchParams.get('password');
  const schema = options.schema ?? parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  const shown = new URL(connectionString);
  shown.password = '';
  shown.searchParams.delete('password');
  const location = `${shown.toString()}${schema ? ` (schema ${schema})` : ''}`;
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new ClaimtraceError('E_STORE_UNREADABLE', { path: location, reason: 'a schema name is letters, digits and underscores, not starting with a digit, at most 63 characters' });
  }
  return { connectionString, schema: schema || null, location, secret: secret || null };
}

/** node-postgres type parsers with BIGINT (ids, counts) as JavaScript numbers: ids stay far below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** A pool for the target: search_path set to the schema on every connection, BIGINT read as number. */
export function createPool(target: PgTarget, options: PgConnectOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
    types: TYPES,
    // Named for pg_stat_activity: which schema a connection serves.
    application_name: applicationName(target),
  });
  // An idle connection the server closes (restart, timeout) is an 'error' event: without a listener it ends the process.
  // The next query opens a new connection, or fails with an error mapped by toPgStoreError.
  pool.on('error', () => {});
  return pool;
}

/** The application_name of the store's connections: `claimtrace`, and the schema when there is one. */
export function applicationName(target: Pick<PgTarget, 'schema'>): string {
  return target.schema ? `claimtrace ${target.schema}` : 'claimtrace';
}

/** SQLSTATE classes and Node socket codes that mean the database cannot be reached or used at all. */
const UNREACHABLE = /^(08|28|3D|57P0[1-3]|53300)|^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE)$/;
/** SQLSTATEs that mean nothing more can be written: disk full, out of memory, a read-only server or transaction, no privilege. */
const UNWRITABLE = /^(53100|53200|25006|42501)$/;
/** Messages node-postgres gives for connections that failed without a code. */
const CONNECTION_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;

/**
 * The one place where PostgreSQL's errors become store errors: an unreachable server, refused login or missing
 * database is E_STORE_UNREADABLE, a full disk or read-only server E_STORE_UNWRITABLE; the password never shows. Other
 * errors (a constraint broken by a bad report) pass through unchanged.
 */
export function toPgStoreError(err: unknown, target: Pick<PgTarget, 'location' | 'secret'>): unknown {
  if (err instanceof ClaimtraceError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  const reason = scrub(message || String(code ?? 'unknown error'), target.secret);
  const path = target.location;
  if (typeof code === 'string' && UNWRITABLE.test(code)) return new ClaimtraceError('E_STORE_UNWRITABLE', { path, reason }, { cause: err });
  if ((typeof code === 'string' && UNREACHABLE.test(code)) || CONNECTION_MESSAGE.test(message) || err instanceof AggregateError) {
    return new ClaimtraceError('E_STORE_UNREADABLE', { path, reason: reason || 'cannot connect' }, { cause: err });
  }
  return err;
}

/** The message with every copy of the password (plain and URL-encoded) replaced. */
export function scrub(message: string, secret: string | null): string {
  if (!secret) return message;
  return message.split(secret).join('***').split(encodeURIComponent(secret)).join('***');
}
