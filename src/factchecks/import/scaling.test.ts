// Time linear in the input for two inputs that made the streamed fact-check import quadratic: a JSON Lines file with
// one very long line (the growing line was searched for a newline again at every chunk), and a JSON document nested
// deeply outside the lists that are streamed (the JSON parser walked its whole stack for every value it completed).
// Ratios of CPU time, not absolute times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSONParser } from '@streamparser/json';
import { doublingRatio, doublingRatioAsync } from '../../nlp/test-helpers.js';
import { streamingJsonParser } from './json-parser.js';
import { streamFactChecks } from './stream.js';

/** A text cut into chunks of `size` characters, as a fetched body arrives. */
function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function* each(chunks: readonly string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
}

const review = (i: number, extra: Record<string, unknown> = {}) => JSON.stringify({ '@type': 'ClaimReview', url: `https://checks.example/${i}`, claimReviewed: `Claim ${i}`, ...extra });

test('JSON Lines with one very long line: each chunk is searched for a newline once', async () => {
  // The long line (about n characters) is a ClaimReview with a long list nobody reads; 64 KB chunks, as a file is read.
  const make = (n: number) => chunked(`${review(0)}\n${review(1, { notes: Array.from({ length: n / 11 }, (_, i) => ({ word: i % 10 })) })}\n${review(2)}\n`, 65536);
  let read = 0;
  const ratio = await doublingRatioAsync(make, async (chunks) => {
    await streamFactChecks('json-lines', each(chunks), (outcome) => void (read += outcome.ok ? 1 : 0), { input: 'long-line.jsonl' });
  }, 6_000_000);
  assert.ok(read > 0);
  assert.ok(ratio < 3, `doubling the line took ${ratio.toFixed(2)}× the time`);
});

test('a JSON document nested deeply beside the streamed lists: the parser counts the emitted containers it is in', () => {
  const make = (n: number) => chunked(`{"@graph":${'[{"name":"x","n":1},'.repeat(n)}{}${']'.repeat(n)}}`, 65536);
  const ratio = doublingRatio(make, (chunks) => {
    const parser = streamingJsonParser(['$.dataFeedElement.*', '$.claims.*']);
    parser.onValue = () => undefined;
    for (const chunk of chunks) parser.write(chunk);
    if (!parser.isEnded) parser.end();
  }, 60_000);
  assert.ok(ratio < 3, `doubling the nesting took ${ratio.toFixed(2)}× the time`);
});

/** What a parser reports on a document: each emitted value, key and depth, the root as it stands after, or the error. */
function trace(parser: JSONParser, text: string): unknown[] {
  const events: unknown[] = [];
  let root: unknown;
  parser.onValue = ({ value, key, stack }) => {
    root ??= stack[1]?.value;
    events.push(structuredClone({ value, key, depth: stack.length }));
  };
  parser.onError = (err) => void events.push(`error: ${err.message}`);
  for (const chunk of chunked(text, 7)) if (!parser.isEnded) parser.write(chunk);
  if (!parser.isEnded) parser.end();
  events.push(structuredClone({ root: root ?? null }));
  return events;
}

test('the streaming parser emits, drops and fails as the library does', () => {
  const documents = [
    '{"@type":"DataFeed","dataFeedElement":[{"item":[{"a":[1,{"b":2}]}]},[[3]]],"x":{"y":[4]},"claims":[5],"z":"w"}',
    '{"claims":[{"text":"a","claimReview":[{"url":"u"}]}],"nextPageToken":"t"}',
    '{"@graph":[[[{"@type":"ClaimReview"}]]],"dataFeedElement":[]}',
    '[{"a":1},[2,[3]],"s",null]',
    '{"dataFeedElement":[{"a":1},{"b":[2,}]}',
    '{"dataFeedElement":[{"a":1}',
  ];
  for (const text of documents) {
    const paths = text.startsWith('[') ? ['$.*'] : ['$.dataFeedElement.*', '$.claims.*'];
    assert.deepEqual(trace(streamingJsonParser(paths), text), trace(new JSONParser({ paths, keepStack: false }), text), text);
  }
});
