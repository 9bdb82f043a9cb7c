import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { parseHTML } from 'linkedom';
import rules from './boilerplate.json' with { type: 'json' };
import { stripBoilerplateBlocks, stripInertHtml } from './prestrip.js';
import { seededRandom } from '../learn/hashing.js';
import { keepRoundTrippable, type RemovableNode } from './round-trip.js';

/** The page of issue 12 that never finished: Readability's grab loop spun on a doctype linkedom cannot move. */
const LOOPING_PAGE = '<meta name="author" content="x"><![CDATA[ ></!--><!doctype html>';

/** Pieces the generated pages are made of: everything that opens or closes a comment, declaration or raw text. */
const PIECES = [
  '<![CDATA[', ']]>', '<!--', '-->', '--!>', '<!-->', '</!', '</!-->', '<!', '<?', '?>', '</ ', '</>', '>', '<',
  '<!doctype html>', '<!DOCTYPE html PUBLIC "x">', '&lt;!doctype html&gt;', '&lt;/title&gt;', '&lt;/textarea&gt;',
  '<title>', '</title>', '<textarea>', '</textarea>', '<xmp>', '</xmp>', '<math>', '</math>', '<svg>', '</svg>',
  '<script>', '<script type="application/ld+json">', '</script>', '<style>', '</style>', '<template>',
  '<meta name="author" content="x">', '<p>', '</p>', '<div class="comment">', '</div>', '<html>', '<body>', '</body>',
  'The ferry left at nine.', ' ', '"', "'",
];


function generatedPages(count: number, seed: number): string[] {
  const next = seededRandom(seed); // deterministic, so a failure names a page that can be rebuilt
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 12);
    return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]!).join('');
  });
}

interface BodyNode extends RemovableNode {
  innerHTML: string;
}

/** The body as extractHtml hands it to Readability (before the boilerplate pruning, which only removes elements). */
function preparedBody(html: string): BodyNode {
  const stripped = stripBoilerplateBlocks(stripInertHtml(html), rules.prestrip.tags);
  const { document } = parseHTML(`<html><head></head><body>${stripped}</body></html>`);
  const body = document.body as unknown as BodyNode;
  keepRoundTrippable(body);
  return body;
}

/**
 * Runs extractHtml over the pages in a worker thread and resolves with the pages that did not finish within
 * `perPageMs` each (the worker is then terminated: an endless loop cannot be stopped from inside).
 */
function pagesThatHang(pages: readonly string[], perPageMs: number): Promise<string[]> {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./html.ts', import.meta.url).href);
  const source = `const { parentPort, workerData } = require('node:worker_threads');
    import(${api}).then((tsx) => { tsx.register(); return import(${entry}); }).then(({ extractHtml }) => {
      for (const html of workerData.pages) { extractHtml(html); parentPort.postMessage('done'); }
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { pages } });
    let finished = 0;
    // The first page also waits for tsx and the extractor to load.
    let timer = setTimeout(() => stop(), perPageMs + 10_000);
    const stop = () => void worker.terminate().then(() => resolve([pages[finished]!]));
    worker.on('message', () => {
      finished++;
      clearTimeout(timer);
      if (finished === pages.length) void worker.terminate().then(() => resolve([]));
      else timer = setTimeout(stop, perPageMs);
    });
    worker.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

test('the 65-byte page with a CDATA section, a bogus comment and a doctype is extracted in bounded time', async () => {
  assert.deepEqual(await pagesThatHang([LOOPING_PAGE], 2_000), []);
});

test('a <title> in the body whose text holds a doctype is extracted in bounded time', async () => {
  const page = '<meta name="author" content="x"><title>&lt;/title&gt;&lt;!doctype html&gt;</title>';
  assert.deepEqual(await pagesThatHang([page], 2_000), []);
});

test('the body handed to Readability keeps only elements and text, and no raw-text element', () => {
  const body = preparedBody('<p>a<!-- note --></p><title>t</title><textarea>x</textarea><p>b</p>');
  assert.equal(body.innerHTML, '<p>a</p><p>b</p>');
});

test('a CDATA section outside foreign content ends at the first ">", as a browser reads it', () => {
  assert.equal(stripInertHtml('<p>a</p><![CDATA[ x > y ]]><p>b</p>'), '<p>a</p> y ]]><p>b</p>');
});

test('doctypes, processing instructions and bogus end tags are dropped before parsing', () => {
  assert.equal(stripInertHtml('<!doctype html><p>a</p><?xml x?></!x><p>b</p></ y>c</>'), '<p>a</p><p>b</p>c');
});

test('comments end at "--!>" too', () => {
  assert.equal(stripInertHtml('a<!-- x --!>b'), 'ab');
});

test('the text of <title> and <textarea> is kept as it is, comment-like text included', () => {
  const html = '<title>A <!-- B --> C</title><textarea>x <? y</textarea><p>d</p>';
  assert.equal(stripInertHtml(html), html);
});

test('every generated page is handed to Readability as a body that parses back into the same tree', () => {
  for (const page of generatedPages(3_000, 12)) {
    const body = preparedBody(page);
    const before = body.innerHTML;
    body.innerHTML = before;
    assert.equal(body.innerHTML, before, `round trip changed the body of ${JSON.stringify(page)}`);
  }
});

test('every generated page is extracted in bounded time', async () => {
  const pages = [LOOPING_PAGE, ...generatedPages(3_000, 7)];
  assert.deepEqual(await pagesThatHang(pages, 2_000), []);
});
