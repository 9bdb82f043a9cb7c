import { networkInterfaces } from 'node:os';

/** What the Host check needs of the server options. */
export interface HostCheckOptions {
  /** The address the server binds to. */
  readonly host: string;
  /** Extra names, lower-cased, `name` (any port) or `name:port`; `*` accepts any Host. */
  readonly allowedHosts: readonly string[];
  /** The configured public URL, whose host is accepted on any port. */
  readonly publicUrl?: string;
}

/** A Host value split into its lower-cased name (IPv6 in brackets, no trailing dot) and port. */
export interface HostValue {
  readonly name: string;
  readonly port?: number;
}

/** Splits `name[:port]` or `[v6][:port]`; undefined for anything else. */
export function parseHost(raw: string): HostValue | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+?)\.?(?::(\d{1,5}))?$/.exec(raw.trim().toLowerCase());
  if (!m) return undefined;
  return { name: m[1]!, port: m[2] === undefined ? undefined : Number(m[2]) };
}

/** Names every server answers to on its own port: this machine's loopback names. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '[::]']);

const bracketed = (address: string) => (address.includes(':') ? `[${address.replace(/^\[|\]$/g, '')}]` : address).toLowerCase();

/** This machine's interface addresses, for a server bound to every interface (0.0.0.0 or ::). */
function interfaceNames(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((info) => bracketed(info.address.replace(/%.*$/, ''))));
}

/**
 * Builds the check: true when `host` (the request's Host, or X-Forwarded-Host behind a trusted proxy) names this
 * server. Accepted: 127.0.0.1, localhost, [::1] and the bound host (every interface address when bound to 0.0.0.0 or
 * ::) on the port the request came in on (any when unknown, none meaning 80); the public URL's host and the allowed
 * hosts (with or without a port of their own).
 */
export function createHostCheck(options: HostCheckOptions): (host: string | undefined, localPort: number | undefined) => boolean {
  if (options.allowedHosts.includes('*')) return () => true;
  const bound = bracketed(options.host);
  const ownNames = new Set(WILDCARDS.has(bound) ? LOOPBACK_NAMES : [...LOOPBACK_NAMES, bound]);
  const anyPort = new Set<string>();
  const exact = new Set<string>();
  for (const entry of options.allowedHosts) (entry.includes(':') && !entry.endsWith(']') ? exact : anyPort).add(entry);
  if (options.publicUrl) anyPort.add(bracketed(new URL(options.publicUrl).hostname));
  return (host, localPort) => {
    const value = host === undefined ? undefined : parseHost(host);
    if (!value) return false;
    if (anyPort.has(value.name) || (value.port !== undefined && exact.has(`${value.name}:${value.port}`))) return true;
    const ownPort = localPort === undefined || (value.port ?? 80) === localPort;
    if (!ownPort) return false;
    return ownNames.has(value.name) || (WILDCARDS.has(bound) && interfaceNames().includes(value.name));
  };
}
