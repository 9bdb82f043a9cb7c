import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { isPublicAddress } from './address-policy.js';
import { fetchUrl, type FetchOptions } from './fetch-url.js';
import { USER_AGENT } from './http-request.js';

const PAGE = '<html><body><p>The ferry timetable changed on Monday.</p></body></html>';

let server: Server;
let base = '';
let port = 0;
let lastUserAgent: string | undefined;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/article': (req, res) => {
    lastUserAgent = req.headers['user-agent'];
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  },
  '/gzipped': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('Tide tables.')),
  '/moved': (_req, res) => res.writeHead(301, { location: '/article' }).end(),
  '/to-other-host': (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${port}/article` }).end(),
  '/to-file': (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/big': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 0; i < 64; i++) res.write('x'.repeat(1024));
    res.end();
  },
  '/slow': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<p>Start');
    setTimeout(() => res.end('</p>'), 2000).unref();
  },
  '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('not really a png'),
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('gone'),
  '/conditional': (req, res) => {
    if (req.headers['if-none-match'] === '"v2"') return res.writeHead(304, { etag: '"v2"' }).end();
    res.writeHead(200, { 'content-type': 'text/plain', etag: '"v2"', 'last-modified': 'Tue, 03 Dec 2024 08:00:00 GMT' }).end(`accept: ${req.headers.accept}`);
  },
  '/moved-conditional': (_req, res) => res.writeHead(302, { location: '/conditional' }).end(),
};

before(async () => {
  server = createServer((req, res) => {
    // /redirect/<encoded URL> answers 302 to that URL, for the table of refused redirect targets.
    if (req.url?.startsWith('/redirect/')) return res.writeHead(302, { location: decodeURIComponent(req.url.slice('/redirect/'.length)) }).end();
    (routes[req.url ?? ''] ?? routes['/missing']!)(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const onlyLocalhost: FetchOptions = { timeoutMs: 1000, maxBytes: 16_384, maxRedirects: 3, isAllowedAddress: (address) => address === '127.0.0.1' };
const publicOnly: FetchOptions = { timeoutMs: 1000, maxBytes: 16_384, maxRedirects: 3 };
/** The default policy, plus this test server's own address so that the first hop can answer with a redirect. */
const publicAndTestServer: FetchOptions = { ...publicOnly, isAllowedAddress: (address) => address === '127.0.0.1' || isPublicAddress(address) };

async function assertRejects(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: { code?: string }) => {
    assert.equal(err.code, code);
    return true;
  });
}

test('fetches an HTML page with its content type and final URL', async () => {
  const res = await fetchUrl(`${base}/article`, onlyLocalhost);
  assert.equal(new TextDecoder().decode(res.bytes), PAGE);
  assert.equal(res.contentType, 'text/html; charset=utf-8');
  assert.equal(res.finalUrl, `${base}/article`);
});

test('sends the claimtrace User-Agent', async () => {
  await fetchUrl(`${base}/article`, onlyLocalhost);
  assert.equal(lastUserAgent, USER_AGENT);
});

test('decompresses a gzip-encoded body', async () => {
  const res = await fetchUrl(`${base}/gzipped`, onlyLocalhost);
  assert.equal(new TextDecoder().decode(res.bytes), 'Tide tables.');
});

test('follows a redirect and reports the final URL', async () => {
  const res = await fetchUrl(`${base}/moved`, onlyLocalhost);
  assert.equal(res.finalUrl, `${base}/article`);
});

test('refuses a redirect to an address the policy forbids', async () => {
  await assertRejects(fetchUrl(`${base}/to-other-host`, onlyLocalhost), 'E_URL_FORBIDDEN');
});

test('refuses a redirect to a non-http scheme', async () => {
  await assertRejects(fetchUrl(`${base}/to-file`, onlyLocalhost), 'E_URL_INVALID');
});

test('stops a redirect loop at the redirect limit', async () => {
  await assertRejects(fetchUrl(`${base}/loop-a`, onlyLocalhost), 'E_URL_TOO_MANY_REDIRECTS');
});

test('aborts a body larger than maxBytes', async () => {
  await assertRejects(fetchUrl(`${base}/big`, onlyLocalhost), 'E_INPUT_TOO_LARGE');
});

test('gives up when the whole fetch takes longer than the timeout', async () => {
  await assertRejects(fetchUrl(`${base}/slow`, { ...onlyLocalhost, timeoutMs: 200 }), 'E_URL_TIMEOUT');
});

test('refuses a content type that is neither HTML nor text', async () => {
  await assertRejects(fetchUrl(`${base}/image`, onlyLocalhost), 'E_URL_CONTENT_TYPE');
});

test('reports an HTTP error status', async () => {
  await assert.rejects(fetchUrl(`${base}/missing`, onlyLocalhost), { code: 'E_URL_HTTP_STATUS', message: `Fetching ${base}/missing returned HTTP 404` });
});

test('refuses a non-http URL', async () => {
  await assertRejects(fetchUrl('ftp://example.org/file.txt', publicOnly), 'E_URL_INVALID');
});

test('refuses a string that is not a URL', async () => {
  await assertRejects(fetchUrl('not a url', publicOnly), 'E_URL_INVALID');
});

test('the default policy refuses loopback IPv4 without touching the network', async () => {
  await assertRejects(fetchUrl(`${base}/article`, publicOnly), 'E_URL_FORBIDDEN');
});

test('the default policy refuses loopback IPv6', async () => {
  await assertRejects(fetchUrl('http://[::1]/', publicOnly), 'E_URL_FORBIDDEN');
});

test('the default policy refuses the cloud metadata address', async () => {
  await assert.rejects(fetchUrl('http://169.254.169.254/latest/meta-data/', publicOnly), {
    code: 'E_URL_FORBIDDEN',
    message: 'Refusing to fetch http://169.254.169.254/latest/meta-data/: 169.254.169.254 resolves to a private, loopback, link-local or metadata address (169.254.169.254: instance metadata service of AWS EC2, Azure, Google Cloud, Oracle Cloud, DigitalOcean, Hetzner, IBM Cloud VPC, Huawei Cloud, Linode and OpenStack (credentials, user data))',
  });
});

test('the default policy refuses a host name that resolves to loopback', async () => {
  await assertRejects(fetchUrl(`http://localhost:${port}/article`, publicOnly), 'E_URL_FORBIDDEN');
});

test('reports a host that refuses the connection as unreachable', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const freePort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await assertRejects(fetchUrl(`http://127.0.0.1:${freePort}/article`, onlyLocalhost), 'E_URL_UNREACHABLE');
});

test('reports a host name that does not resolve as unreachable', async () => {
  await assertRejects(fetchUrl('http://no-such-host.invalid/article', publicOnly), 'E_URL_UNREACHABLE');
});

/** Redirect targets the default policy must refuse before connecting, each with the reason the error must name. */
const REFUSED_REDIRECTS: readonly [string, string][] = [
  ['http://[::127.0.0.1]:9/', 'loopback address (this machine), embedded in ::7f00:1 as 127.0.0.1'],
  ['http://[::7f00:1]/', 'loopback address (this machine), embedded in ::7f00:1 as 127.0.0.1'],
  ['http://[::ffff:169.254.169.254]/latest/meta-data/', 'embedded in ::ffff:a9fe:a9fe as 169.254.169.254'],
  ['http://[64:ff9b::169.254.169.254]/latest/meta-data/', 'embedded in 64:ff9b::a9fe:a9fe as 169.254.169.254'],
  ['http://[2002:a9fe:a9fe::]/latest/meta-data/', 'embedded in 2002:a9fe:a9fe:: as 169.254.169.254'],
  ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'instance metadata service of AWS EC2'],
  ['http://[fd00:ec2::254]/latest/meta-data/', 'AWS EC2 instance metadata service over IPv6'],
  ['http://169.254.170.2/v2/credentials/', 'AWS ECS task metadata'],
  ['http://168.63.129.16/machine?comp=goalstate', 'Azure platform address (WireServer)'],
  ['http://100.100.100.200/latest/meta-data/', 'Alibaba Cloud ECS metadata service'],
  ['http://192.0.0.192/opc/v1/instance/', 'Oracle Cloud legacy instance metadata address'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'Google Cloud metadata server'],
  ['http://METADATA.google.internal./computeMetadata/v1/', 'Google Cloud metadata server'],
  ['http://100.64.0.1/', 'carrier-grade NAT'],
  ['http://0x7f.2/', 'loopback address (this machine)'], // the URL parser reads 0x7f.2 as 127.0.0.2
];

for (const [target, reason] of REFUSED_REDIRECTS) {
  test(`a redirect to ${target} is refused as E_URL_FORBIDDEN naming why`, async () => {
    await assert.rejects(fetchUrl(`${base}/redirect/${encodeURIComponent(target)}`, publicAndTestServer), (err: { code?: string; message?: string }) => {
      assert.equal(err.code, 'E_URL_FORBIDDEN');
      assert.ok(err.message?.includes(reason), err.message);
      return true;
    });
  });
}

test('a URL naming the Azure platform address is refused without a redirect too', async () => {
  await assert.rejects(fetchUrl('http://168.63.129.16/metadata/instance', publicOnly), {
    code: 'E_URL_FORBIDDEN',
    message: "Refusing to fetch http://168.63.129.16/metadata/instance: 168.63.129.16 resolves to a private, loopback, link-local or metadata address (168.63.129.16: Azure platform address (WireServer): DHCP, DNS, health probes and the VM agent's channel to the host; a public address every Azure VM reaches)",
  });
});

test('sends the request headers it is given and reports the final status and headers', async () => {
  const res = await fetchUrl(`${base}/moved-conditional`, { ...onlyLocalhost, headers: { accept: 'application/rss+xml', 'if-none-match': '"v1"' } });
  assert.deepEqual([res.status, res.headers.etag, res.headers['last-modified'], new TextDecoder().decode(res.bytes)], [200, '"v2"', 'Tue, 03 Dec 2024 08:00:00 GMT', 'accept: application/rss+xml']);
});

test('takes 304 Not Modified as a result without bytes when asked to, after a redirect too', async () => {
  const res = await fetchUrl(`${base}/moved-conditional`, { ...onlyLocalhost, headers: { 'if-none-match': '"v2"' }, notModified: true });
  assert.deepEqual([res.status, res.bytes.length, res.headers.etag, res.finalUrl], [304, 0, '"v2"', `${base}/conditional`]);
});

test('reports 304 Not Modified as an HTTP error status unless asked to take it', async () => {
  await assertRejects(fetchUrl(`${base}/conditional`, { ...onlyLocalhost, headers: { 'if-none-match': '"v2"' } }), 'E_URL_HTTP_STATUS');
});
