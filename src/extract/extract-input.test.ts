import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractInput } from './extract-input.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const LIMIT = { maxBytes: 10_000 };
const STORY = 'The harbour master said the fishing fleet would stay in port until the eastern wall had been rebuilt, and the council agreed to publish the report.';
const GERMAN = 'Der Hafenmeister sagte, die Fischereiflotte werde im Hafen bleiben, bis die östliche Mauer wieder aufgebaut sei, und der Rat stimmte zu, den Bericht zu veröffentlichen.';

test('refuses input over the size limit before decoding it', () => {
  assert.throws(() => extractInput({ bytes: new Uint8Array(11), label: 'big.txt' }, { maxBytes: 10 }), {
    code: 'E_INPUT_TOO_LARGE',
    message: 'Input is 11 bytes, over the limit of 10 bytes: big.txt (raise it with --max-bytes)',
  });
});

test('treats text without markup as plain text and detects its language', () => {
  const text = `By Ana Ruiz\n\nFleet stays in port\n\n${STORY}`;
  assert.deepEqual(extractInput({ bytes: utf8(text), label: 'a.txt' }, LIMIT), {
    text,
    meta: { byline: 'Ana Ruiz', title: 'Fleet stays in port', language: 'en' },
  });
});

test('sniffs HTML when no content type is given', () => {
  const extracted = extractInput({ bytes: utf8(`<!DOCTYPE html><html><body><p>${STORY}</p></body></html>`), label: 'page' }, LIMIT);
  assert.equal(extracted.text, STORY);
});

test('follows the content type over sniffing', () => {
  const markup = `<p>${STORY}</p>`;
  assert.equal(extractInput({ bytes: utf8(markup), label: 'a', contentType: 'text/plain; charset=utf-8' }, LIMIT).text, markup);
});

test('keeps the language the page declares', () => {
  const html = `<html lang="en"><body><p>${GERMAN}</p></body></html>`;
  assert.equal(extractInput({ bytes: utf8(html), label: 'page', contentType: 'text/html' }, LIMIT).meta.language, 'en');
});

test('detects the language when the page declares none', () => {
  const html = `<html><body><p>${GERMAN}</p></body></html>`;
  assert.equal(extractInput({ bytes: utf8(html), label: 'page', contentType: 'text/html' }, LIMIT).meta.language, 'de');
});

test('passes the page URL through for the canonical link', () => {
  const html = `<html><head><link rel="canonical" href="/story"></head><body><p>${STORY}</p></body></html>`;
  const extracted = extractInput({ bytes: utf8(html), label: 'page', contentType: 'text/html', url: 'https://courier.example/x?y=1' }, LIMIT);
  assert.equal(extracted.meta.url, 'https://courier.example/story');
});

test('refuses an HTML page with no text in it', () => {
  assert.throws(() => extractInput({ bytes: utf8('<html><body><script>var a = 1;</script></body></html>'), label: 'empty.html' }, LIMIT), { code: 'E_INPUT_EMPTY' });
});

test('refuses binary input', () => {
  assert.throws(() => extractInput({ bytes: utf8('%PDF-1.4'), label: 'x.pdf' }, LIMIT), { code: 'E_INPUT_BINARY' });
});
