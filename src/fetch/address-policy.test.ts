import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardedLookup, isPublicAddress } from './address-policy.js';

const REFUSED: readonly [string, string][] = [
  ['127.0.0.1', 'IPv4 loopback'],
  ['10.1.2.3', 'private 10/8'],
  ['172.16.0.1', 'private 172.16/12'],
  ['192.168.1.1', 'private 192.168/16'],
  ['169.254.169.254', 'cloud metadata (link-local)'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['0.0.0.0', 'unspecified IPv4'],
  ['224.0.0.1', 'IPv4 multicast'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved class E'],
  ['192.0.2.10', 'documentation range'],
  ['::1', 'IPv6 loopback'],
  ['[::1]', 'bracketed IPv6 loopback'],
  ['::', 'unspecified IPv6'],
  ['fe80::1', 'IPv6 link-local'],
  ['fd00:ec2::254', 'AWS IPv6 metadata (unique-local)'],
  ['fc00::1', 'unique-local'],
  ['ff02::1', 'IPv6 multicast'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
  ['::ffff:10.0.0.1', 'IPv4-mapped private'],
  ['64:ff9b::7f00:1', 'NAT64 of loopback'],
  ['2002:7f00:1::', '6to4 of loopback'],
  ['2001:db8::1', 'IPv6 documentation range'],
  ['not-an-address', 'not an IP address at all'],
];

const ALLOWED: readonly [string, string][] = [
  ['93.184.216.34', 'public IPv4'],
  ['8.8.8.8', 'public resolver'],
  ['2606:4700::1111', 'public IPv6'],
  ['::ffff:93.184.216.34', 'IPv4-mapped public address'],
];

for (const [address, why] of REFUSED) {
  test(`the default policy refuses ${address} (${why})`, () => {
    assert.equal(isPublicAddress(address), false);
  });
}

for (const [address, why] of ALLOWED) {
  test(`the default policy allows ${address} (${why})`, () => {
    assert.equal(isPublicAddress(address), true);
  });
}

test('the guarded lookup refuses a host that resolves to a forbidden address', async () => {
  const lookup = guardedLookup(isPublicAddress);
  const err = await new Promise<unknown>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
  assert.equal((err as Error).name, 'ForbiddenAddressError');
});

test('the guarded lookup passes an allowed address through in the single-address form', async () => {
  const lookup = guardedLookup(() => true);
  const address = await new Promise<unknown>((resolve) => lookup('127.0.0.1', { family: 4 }, (_e, a) => resolve(a)));
  assert.equal(address, '127.0.0.1');
});
