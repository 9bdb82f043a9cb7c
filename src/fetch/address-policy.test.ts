import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardedLookup, isPublicAddress, refusedAddressReason, refusedHostReason } from './address-policy.js';

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
  ['127.1', 'a shorthand IPv4 form, not a plain address'],
  ['::7f00:1', 'IPv4-compatible loopback (::127.0.0.1 as the URL parser writes it)'],
  ['[::127.0.0.1]', 'IPv4-compatible loopback with a dotted tail'],
  ['::a9fe:a9fe', 'IPv4-compatible metadata address'],
  ['::ffff:0:7f00:1', 'IPv4-translated loopback (RFC 6145)'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
  ['64:ff9b:1::808:808', 'local-use NAT64, whose IPv4 position the operator picks'],
  ['2002:a9fe:a9fe::1', '6to4 of the metadata address'],
  ['2001:0:808:808::f5ff:fffe', 'Teredo whose client is 10.0.0.1'],
  ['2001:0:a00:1::f7f7:f7f7', 'Teredo whose server is 10.0.0.1'],
  ['fe80::1%eth0', 'link-local with a zone id'],
  ['1::1', 'IPv6 outside global unicast 2000::/3'],
  ['168.63.129.16', 'Azure platform address (WireServer)'],
  ['::ffff:168.63.129.16', 'IPv4-mapped Azure platform address'],
  ['64:ff9b::a83f:8110', 'NAT64 of the Azure platform address'],
  ['169.254.170.2', 'AWS ECS credentials endpoint'],
  ['100.100.100.200', 'Alibaba Cloud metadata'],
  ['192.0.0.192', 'Oracle Cloud legacy metadata'],
  ['fd20:ce::254', 'Google Cloud metadata over IPv6'],
  ['161.26.0.10', 'IBM Cloud service network'],
];

const ALLOWED: readonly [string, string][] = [
  ['93.184.216.34', 'public IPv4'],
  ['8.8.8.8', 'public resolver'],
  ['2606:4700::1111', 'public IPv6'],
  ['::ffff:93.184.216.34', 'IPv4-mapped public address'],
  ['64:ff9b::808:808', 'NAT64 of a public address (what DNS64 gives an IPv6-only host)'],
  ['2002:808:808::1', '6to4 of a public address'],
  ['168.63.129.17', 'the public neighbour of the Azure platform address'],
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

test('a refusal names its reason, for an embedded address the IPv4 address it stands for', () => {
  assert.deepEqual([refusedAddressReason('168.63.129.16')?.startsWith('Azure platform address'), refusedAddressReason('::7f00:1'), refusedAddressReason('8.8.8.8')], [
    true, 'loopback address (this machine), embedded in ::7f00:1 as 127.0.0.1', undefined,
  ]);
});

const REFUSED_HOSTS: readonly [string, string][] = [
  ['metadata.google.internal', 'Google Cloud metadata server'],
  ['METADATA.Google.Internal.', 'Google Cloud metadata server'],
  ['metadata', "Google Cloud metadata server's short name (resolved through the VM's search domain)"],
  ['instance-data.ec2.internal', 'AWS EC2 instance metadata service'],
  ['metadata.tencentyun.com', 'Tencent Cloud metadata service'],
];

for (const [host, reason] of REFUSED_HOSTS) {
  test(`the host name ${host} is refused before it is resolved`, () => {
    assert.equal(refusedHostReason(host), reason);
  });
}

test('a host name that merely contains a metadata name is not refused by name', () => {
  assert.deepEqual(['metadata.example', 'news.example', 'google.internal.example'].map(refusedHostReason), [undefined, undefined, undefined]);
});

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
