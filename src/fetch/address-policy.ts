import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** Decides whether a resolved IP address may be connected to. */
export type AddressPolicy = (address: string) => boolean;

/**
 * The default policy: only globally routable unicast addresses. Refuses private, loopback, link-local (and so the
 * 169.254.169.254 cloud metadata service), unique-local (fd00:ec2::254), CGNAT, multicast, broadcast, unspecified,
 * documentation and other reserved ranges, NAT64 / 6to4 / Teredo tunnels, and IPv4-mapped IPv6 forms of all these.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  let parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'unicast';
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
