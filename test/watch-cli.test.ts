import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { queueStatus } from '../src/queue/index.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { runWatch, type PollResult } from '../src/watch/index.js';
import { createQueueSink } from '../src/watch/queue-sink.js';
import { cli } from './cli-helpers.js';
import { REDIS_URL, testQueue } from './queue-helpers.js';
import { FeedSite, freshDbPath, watchOptions } from './watch-helpers.js';

const site = new FeedSite();
before(() => site.start());
after(() => site.stop());

const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

test('the CLI keeps to the address policy: a feed on this machine is refused, recorded, and never requested', { timeout: 30_000 }, async () => {
  const db = freshDbPath();
  site.feeds.set('/cli-feed.xml', [{ guid: 'urn:hp:1', link: `${site.base}/news/1`, title: 'One' }]);
  const res = await cli(['watch', site.url('/cli-feed.xml'), '--once', '--db', db, '--workers', '0', '--no-models']);
  assert.equal(res.code, 1);
  assert.match(res.stdout, new RegExp(`^\\S+Z error ${site.url('/cli-feed.xml').replace(/[.]/g, '\\.')}: E_URL_FORBIDDEN: .*; next \\S+Z\\n$`));
  assert.match(res.stderr, /watch round done: 1 polls, 0 new items, 0 stored, 0 failed, 1 polls failed/);
  assert.deepEqual(site.seen, []);
  const store = await openSqliteStore(db);
  const state = await store.getFeedState(site.url('/cli-feed.xml'));
  await store.close();
  assert.equal(state?.lastError, 'E_URL_FORBIDDEN');
});

test('--format json prints one claimtrace/watch-poll@1 object per poll', { timeout: 30_000 }, async () => {
  const res = await cli(['watch', 'http://127.0.0.1:9/a.xml', 'http://127.0.0.1:9/b.xml', '--once', '--db', freshDbPath(), '--format', 'json', '--host-delay', '0s']);
  const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as PollResult & { schema: string });
  assert.deepEqual(lines.map((l) => [l.schema, l.outcome, l.error?.code]), [
    ['claimtrace/watch-poll@1', 'error', 'E_URL_FORBIDDEN'], ['claimtrace/watch-poll@1', 'error', 'E_URL_FORBIDDEN'],
  ]);
  assert.deepEqual(lines.map((l) => l.feed).sort(), ['http://127.0.0.1:9/a.xml', 'http://127.0.0.1:9/b.xml']);
});

test('bad options and feed URLs are refused before anything is polled', async () => {
  const db = freshDbPath();
  const cases = [
    [['watch', 'https://harbourpost.example/feed.xml', '--every', '5s', '--db', db], 2, 'E_OPTION_INVALID'],
    [['watch', 'https://harbourpost.example/feed.xml', '--jitter', '0.9', '--db', db], 2, 'E_OPTION_INVALID'],
    [['watch', 'ftp://harbourpost.example/feed.xml', '--db', db], 1, 'E_URL_INVALID'],
    [['watch', 'https://harbourpost.example/feed.xml', '--queue', 'http://cache.example', '--db', db], 1, 'E_QUEUE_URL_INVALID'],
  ] as const;
  for (const [args, code, error] of cases) {
    const res = await cli([...args]);
    assert.deepEqual([res.code, res.stderr.includes(error)], [code, true], res.stderr);
  }
});

test('SIGTERM stops a running watch gracefully: it exits 0 after saying it stopped', { timeout: 60_000 }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'watch', 'http://127.0.0.1:9/feed.xml', '--every', '10s', '--jitter', '0', '--db', freshDbPath(), '--queue', REDIS_URL, '--queue-name', `watch-sigterm-${process.pid}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('\n')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.match(stdout, /error http:\/\/127\.0\.0\.1:9\/feed\.xml: E_URL_FORBIDDEN/);
  assert.match(stderr, /watch stopped: 1 polls/);
  assert.equal(code, 0);
});

test('with a queue, new items become jobs and a second round adds none', { timeout: 30_000 }, async () => {
  const queue = testQueue();
  const path = freshDbPath();
  site.feeds.set('/queue-feed.xml', [1, 2].map((n) => ({ guid: `urn:hp:q${n}`, link: `${site.base}/news/q${n}`, title: `Q${n}` })));
  const once = async () => {
    const store = await openSqliteStore(path);
    const results: PollResult[] = [];
    try {
      await runWatch([site.url('/queue-feed.xml')], watchOptions({ store, sink: await createQueueSink(REDIS_URL, queue.name), onPoll: (r) => results.push(r) }));
    } finally {
      await store.close();
    }
    return results;
  };
  try {
    const first = await once();
    site.version++;
    site.feeds.set('/queue-feed.xml', [3, 1, 2].map((n) => ({ guid: `urn:hp:q${n}`, link: `${site.base}/news/q${n}`, title: `Q${n}` })));
    const second = await once();
    const status = await queueStatus(queue.target);
    assert.deepEqual([first[0]!.delivered, second[0]!.newItems, second[0]!.delivered, status.counts.waiting], [2, 1, 1, 3]);
    assert.deepEqual(['/news/q1', '/news/q2', '/news/q3'].map((p) => site.requests(p).length), [0, 0, 0]); // the worker fetches them
  } finally {
    await queue.cleanup();
  }
});
