import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import refused from './refused-addresses.json' with { type: 'json' };

/** Decides whether a resolved IP address may be connected to. */
export type AddressPolicy = (address: string) => boolean;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The refused networks of refused-addresses.json, parsed once. */
const REFUSED_NETWORKS = refused.networks.map((entry) => ({ range: ipaddr.parseCIDR(entry.cidr), reason: entry.reason }));
/** Why each special-purpose range of ipaddr.js (every range but global unicast) is refused, by range name. */
const RANGE_REASONS: Readonly<Record<string, string>> = refused.ranges;
/** The refused host names of refused-addresses.json, by name. */
const REFUSED_HOSTS = new Map(refused.hosts.map((entry) => [entry.name, entry.reason]));

/** 2000::/3, the only IPv6 space allocated for global unicast; anything else is reserved or special. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** RFC 8215 local-use NAT64 prefix: the operator picks where the IPv4 address sits, so no embedded address can be trusted. */
const LOCAL_NAT64 = ipaddr.parseCIDR('64:ff9b:1::/48');

/**
 * An IP address parsed strictly: dotted-quad IPv4 or IPv6 (brackets and a zone id allowed). IPv6 goes through the
 * WHATWG URL parser first, which writes a dotted tail in hex (`::127.0.0.1` → `::7f00:1`), because ipaddr.js reads
 * `::a.b.c.d` as IPv4-mapped.
 */
function parseAddress(address: string): Address | undefined {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return ipaddr.IPv4.parse(bare);
  if (family !== 6) return undefined;
  const [host = '', zone] = bare.split('%');
  const canonical = URL.canParse(`http://[${host}]/`) ? new URL(`http://[${host}]/`).hostname.slice(1, -1) : host;
  return ipaddr.IPv6.parse(zone === undefined ? canonical : `${canonical}%${zone}`);
}

const v4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 addresses an IPv6 address stands for, which decide where it leads: IPv4-compatible (::/96, deprecated),
 * IPv4-mapped (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo
 * (2001::/32: its server and its obfuscated client). Undefined when the address embeds none.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] | undefined {
  const p = address.parts as unknown as number[];
  const zeros = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  if (zeros(0, 5) && (p[5] === 0 || p[5] === 0xffff)) return [v4(p[6]!, p[7]!)];
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return [v4(p[6]!, p[7]!)];
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return [v4(p[6]!, p[7]!)];
  if (p[0] === 0x2002) return [v4(p[1]!, p[2]!)];
  if (p[0] === 0x2001 && p[1] === 0) return [v4(p[2]!, p[3]!), v4(p[6]! ^ 0xffff, p[7]! ^ 0xffff)];
  return undefined;
}

const rangeReason = (range: string) => RANGE_REASONS[range] ?? `special-purpose address (${range})`;

/** Why an IPv4 address is refused, or undefined when it is a global unicast address not on the refused list. */
function refusedIPv4(address: ipaddr.IPv4): string | undefined {
  const listed = REFUSED_NETWORKS.find((n) => n.range[0].kind() === 'ipv4' && address.match(n.range));
  if (listed) return listed.reason;
  const range = address.range();
  return range === 'unicast' ? undefined : rangeReason(range);
}

/** Why an IPv6 address is refused: by its embedded IPv4 addresses when it has some, else by range and the list. */
function refusedIPv6(address: ipaddr.IPv6): string | undefined {
  const special = address.range();
  if (special === 'loopback' || special === 'unspecified') return rangeReason(special);
  if (address.match(LOCAL_NAT64)) return 'local-use NAT64 address (RFC 8215), whose IPv4 target cannot be told';
  const embedded = embeddedIPv4(address);
  if (embedded) {
    for (const inner of embedded) {
      const reason = refusedIPv4(inner);
      if (reason) return `${reason}, embedded in ${address.toString()} as ${inner.toString()}`;
    }
    return undefined;
  }
  const listed = REFUSED_NETWORKS.find((n) => n.range[0].kind() === 'ipv6' && address.match(n.range));
  if (listed) return listed.reason;
  if (special !== 'unicast') return rangeReason(special);
  return address.match(GLOBAL_UNICAST_V6) ? undefined : 'IPv6 address outside global unicast (2000::/3)';
}

/**
 * Why the default policy refuses an IP address, or undefined when it allows it. Only global unicast addresses pass:
 * private, loopback, link-local, unique-local, CGNAT, multicast, broadcast, unspecified, documentation and other
 * reserved ranges are refused, and so are the cloud platform and metadata endpoints of refused-addresses.json (AWS,
 * Azure's 168.63.129.16, Google Cloud, Alibaba, Oracle, Tencent, IBM, Linode, …). An IPv6 address that embeds an
 * IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) is judged by that IPv4 address. Anything that is not a plain
 * IP address is refused.
 */
export function refusedAddressReason(address: string): string | undefined {
  const parsed = parseAddress(address);
  if (!parsed) return 'not an IP address';
  return parsed.kind() === 'ipv4' ? refusedIPv4(parsed as ipaddr.IPv4) : refusedIPv6(parsed as ipaddr.IPv6);
}

/** The default policy: true for the addresses {@link refusedAddressReason} has nothing against. */
export function isPublicAddress(address: string): boolean {
  return refusedAddressReason(address) === undefined;
}

/** Why a host name is refused before it is resolved (a cloud metadata name), or undefined. Case and a final dot ignored. */
export function refusedHostReason(hostname: string): string | undefined {
  return REFUSED_HOSTS.get(hostname.toLowerCase().replace(/\.$/, ''));
}
/** Why a connection was refused: the host name and the address it resolved to. */
export class ForbiddenAddressError extends Error {
  /** The refused address. */
  readonly address: string;
  /** The host name that resolved to it. */
  readonly host: string;

  /** Builds the error for one refused address. */
  constructor(host: string, address: string) {
    super(`${host} resolves to the refused address ${address}`);
    this.name = 'ForbiddenAddressError';
    this.host = host;
    this.address = address;
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http that resolves the host and refuses it when any address it resolves to fails the policy.
 * Because it runs at connect time for every connection, a host that re-resolves (DNS rebinding) is checked again.
 */
export function guardedLookup(isAllowed: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.find((entry) => !isAllowed(entry.address));
      if (refused) return callback(new ForbiddenAddressError(hostname, refused.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
