import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createLanguageCheck } from './index.js';

const TEXT = 'Der Hafen bleibt geschlossen.\n\nDie Stadt prüft die Mauer.';

function run(text: string, language?: string) {
  return createLanguageCheck().run(createDocument(text, language ? { language } : {}), { cache: new Map() });
}

test('warns over the first paragraph when the article is in German', () => {
  assert.deepEqual(run(TEXT, 'de').findings, [
    {
      rule: 'non-english',
      severity: 'warning',
      message: "The article appears to be in German (de); claimtrace's annotators are tuned for English, so expect missed and spurious results.",
      start: 0,
      end: 29,
      annotationIds: [],
    },
  ]);
});

test('covers the whole text when it has a single paragraph', () => {
  assert.equal(run('Le port reste fermé.', 'fr').findings?.[0]?.end, 20);
});

test('ends the range before a CRLF blank line', () => {
  assert.equal(run('Porto chiuso.\r\n\r\nAltro.', 'it').findings?.[0]?.end, 13);
});

test('names a language code it cannot translate as the code itself', () => {
  assert.match(run(TEXT, 'qqq').findings?.[0]?.message ?? '', /^The article appears to be in qqq;/);
});

test('says nothing for English', () => {
  assert.deepEqual(run(TEXT, 'en'), {});
});

test('says nothing when the language is unknown', () => {
  assert.deepEqual(run(TEXT), {});
});
