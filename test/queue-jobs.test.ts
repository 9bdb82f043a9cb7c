import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClaimtraceError } from '../src/core/errors.js';
import { articleSourceOf, isPermanent, jobIdFor, parseFailedReason, parseJobData, parseQueueUrl, toJobData, failedReasonOf } from '../src/queue/index.js';

const encode = (s: string) => new TextEncoder().encode(s);

describe('queue URL', () => {
  it('reads host, port, database and credentials of a redis URL', () => {
    const target = parseQueueUrl('redis://user:secret@cache.example:6380/3', 'feeds');
    assert.deepEqual(
      { host: target.host, port: target.port, db: target.db, username: target.username, password: target.password, tls: target.tls, name: target.name, display: target.display },
      { host: 'cache.example', port: 6380, db: 3, username: 'user', password: 'secret', tls: false, name: 'feeds', display: 'redis://user:***@cache.example:6380/3' },
    );
  });

  it('defaults to port 6379, database 0 and the queue named ingest', () => {
    const target = parseQueueUrl('redis://127.0.0.1');
    assert.deepEqual([target.port, target.db, target.name, target.prefix], [6379, 0, 'ingest', 'claimtrace']);
  });

  it('takes rediss:// as TLS', () => {
    assert.equal(parseQueueUrl('rediss://cache.example').tls, true);
  });

  for (const bad of ['http://127.0.0.1:6379', 'redis://', 'redis://127.0.0.1/x', 'redis://127.0.0.1/1?password=x', 'not a url', 'postgres://127.0.0.1/db']) {
    it(`refuses ${JSON.stringify(bad)} with E_QUEUE_URL_INVALID`, () => {
      assert.throws(() => parseQueueUrl(bad), (err: ClaimtraceError) => err.code === 'E_QUEUE_URL_INVALID');
    });
  }

  it('refuses a queue name with a colon (BullMQ joins its keys with colons)', () => {
    assert.throws(() => parseQueueUrl('redis://127.0.0.1', 'a:b'), (err: ClaimtraceError) => err.code === 'E_OPTION_INVALID');
  });
});

describe('job data', () => {
  it('carries UTF-8 text as it is and gives back the same bytes', () => {
    const bytes = encode('\uFEFFA caf\u00e9 \u{1F600}\r\nline');
    const data = toJobData({ label: 'a.txt', bytes, contentType: 'text/plain', meta: { title: 'T', site: '' } });
    assert.equal(data.kind, 'article');
    assert.equal(data.kind === 'article' && data.encoding, 'utf8');
    assert.deepEqual(data.kind === 'article' && data.meta, { title: 'T' });
    const back = articleSourceOf(parseJobData('j', JSON.parse(JSON.stringify(data)), 1000) as Extract<typeof data, { kind: 'article' }>);
    assert.deepEqual([...back.bytes], [...bytes]);
    assert.equal(back.contentType, 'text/plain');
  });

  it('carries bytes that are not UTF-8 as base64 and gives back the same bytes', () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x74, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]);
    const data = toJobData({ label: 'latin1.html', bytes, contentType: 'text/html' });
    assert.equal(data.kind === 'article' && data.encoding, 'base64');
    const back = articleSourceOf(parseJobData('j', data, 1000) as Extract<typeof data, { kind: 'article' }>);
    assert.deepEqual([...back.bytes], [...bytes]);
  });

  it('carries a link source as its link and metadata', () => {
    const data = toJobData({ label: 'feed.xml#3', link: 'https://news.example/a', meta: { title: 'A' }, guid: 'g3' });
    assert.deepEqual(data, { schema: 'claimtrace/ingest-job@1', kind: 'link', label: 'feed.xml#3', link: 'https://news.example/a', meta: { title: 'A' }, guid: 'g3' });
  });

  it('gives the same input the same job id, and another label or content another one', () => {
    const id = (label: string, text: string) => jobIdFor(toJobData({ label, bytes: encode(text) }));
    assert.equal(id('a.txt', 'Text one.'), id('a.txt', 'Text one.'));
    assert.notEqual(id('a.txt', 'Text one.'), id('b.txt', 'Text one.'));
    assert.notEqual(id('a.txt', 'Text one.'), id('a.txt', 'Text two.'));
    assert.match(id('a.txt', 'x'), /^a-[0-9a-f]{40}$/);
    const link = jobIdFor(toJobData({ label: 'urls.txt:1', link: 'https://news.example/a' }));
    assert.equal(link, jobIdFor(toJobData({ label: 'feed.xml#9', link: 'https://news.example/a' })));
    assert.match(link, /^l-[0-9a-f]{40}$/);
  });

  it('refuses data that is not a job of this schema with E_JOB_INVALID', () => {
    assert.throws(() => parseJobData('j1', { schema: 'other@1', kind: 'article' }, 1000), (err: ClaimtraceError) => err.code === 'E_JOB_INVALID' && err.message.includes('j1'));
    assert.throws(() => parseJobData('j2', 'text', 1000), (err: ClaimtraceError) => err.code === 'E_JOB_INVALID');
  });

  it('refuses an article over the size limit with E_INPUT_TOO_LARGE', () => {
    const data = toJobData({ label: 'big.txt', bytes: encode('x'.repeat(101)) });
    assert.throws(() => parseJobData('j', data, 100), (err: ClaimtraceError) => err.code === 'E_INPUT_TOO_LARGE' && err.params.size === 101);
  });
});

describe('failures', () => {
  const error = (code: ConstructorParameters<typeof ClaimtraceError>[0], params = {}) => new ClaimtraceError(code, params);

  it('does not retry bad input, refused links and malformed jobs', () => {
    for (const code of ['E_INPUT_EMPTY', 'E_INPUT_TOO_LARGE', 'E_RECORD_INVALID', 'E_JOB_INVALID', 'E_URL_FORBIDDEN', 'E_URL_INVALID'] as const) assert.equal(isPermanent(error(code)), true, code);
    assert.equal(isPermanent(error('E_URL_HTTP_STATUS', { status: 404 })), true);
  });

  it('retries timeouts, unreachable sites, busy stores and internal errors', () => {
    for (const code of ['E_TIMEOUT', 'E_URL_TIMEOUT', 'E_URL_UNREACHABLE', 'E_STORE_UNWRITABLE', 'E_INTERNAL'] as const) assert.equal(isPermanent(error(code)), false, code);
    assert.equal(isPermanent(error('E_URL_HTTP_STATUS', { status: 503 })), false);
    assert.equal(isPermanent(error('E_URL_HTTP_STATUS', { status: 429 })), false);
  });

  it('writes the code into the failed reason and reads it back', () => {
    const err = error('E_INPUT_EMPTY', { input: 'a.txt' });
    assert.deepEqual(parseFailedReason(failedReasonOf(err)), { code: 'E_INPUT_EMPTY', message: 'Input is empty: a.txt' });
    assert.deepEqual(parseFailedReason('job stalled more than allowable limit'), { code: 'E_JOB_STALLED', message: 'job stalled more than allowable limit' });
    assert.equal(parseFailedReason(undefined).code, 'E_INTERNAL');
  });
});
