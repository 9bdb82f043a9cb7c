import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPlainText } from './plain-text.js';

const ARTICLE = '14.05.2022 Author: Nils Varga\n\nWho Will Pay for the Harbour?\n\n\nThe council of Saltmere says the new wall will cost £4 million.\n\nCritics disagree.';

test('leaves the text exactly as given', () => {
  assert.equal(extractPlainText(ARTICLE).text, ARTICLE);
});

test('reads a day-first date and an Author: byline from one line, and the title after it', () => {
  assert.deepEqual(extractPlainText(ARTICLE).meta, { published: '2022-05-14', byline: 'Nils Varga', title: 'Who Will Pay for the Harbour?' });
});

test('reads a By line before the title', () => {
  assert.deepEqual(extractPlainText('By Ana Ruiz\n\nFerry tender delayed\n\nThe ministry said on Monday.').meta, { byline: 'Ana Ruiz', title: 'Ferry tender delayed' });
});

test('reads a Published line with a spelled-out date', () => {
  assert.deepEqual(extractPlainText('Published 3 March 2021\n\nThe quay reopened.').meta, { published: '2021-03-03' });
});

test('reads a month-first date and a name beside it', () => {
  assert.deepEqual(extractPlainText('Jane Doe | March 3, 2021\n\nTolls rise\n\nBody text.').meta, { published: '2021-03-03', byline: 'Jane Doe', title: 'Tolls rise' });
});

test('reads an ISO date line after the title', () => {
  assert.deepEqual(extractPlainText('Tolls rise\n\n2021-03-03\n\nBody text.').meta, { title: 'Tolls rise', published: '2021-03-03' });
});

test('keeps CRLF text unchanged and still reads its header', () => {
  const text = 'By Ana Ruiz\r\n\r\nFerry tender delayed\r\n\r\nBody.';
  const extracted = extractPlainText(text);
  assert.equal(extracted.text, text);
  assert.deepEqual(extracted.meta, { byline: 'Ana Ruiz', title: 'Ferry tender delayed' });
});

test('does not take a first sentence ending in a full stop as the title', () => {
  assert.deepEqual(extractPlainText('The council met on Monday.\n\nIt voted twice.').meta, {});
});

test('does not take a line without a blank line after it as the title', () => {
  assert.deepEqual(extractPlainText('Tolls rise\nagain this year\n\nBody.').meta, {});
});

test('does not take a one-line text as its own title', () => {
  assert.deepEqual(extractPlainText('Tolls rise').meta, {});
});

test('ignores an impossible date', () => {
  assert.equal(extractPlainText('31.04.2022\n\nBody text here.').meta.published, undefined);
});

test('never throws on arbitrary text and never changes it', async () => {
  const fc = await import('fast-check');
  const piece = fc.constantFrom('By Ana Ruiz', '\r\n', '\n\n', '02.10.2019', 'Author:', 'March 3, 2021', ' | ', 'Title', '🚢', '\u00a0');
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 20 }), (parts) => {
      const text = parts.join('');
      assert.equal(extractPlainText(text).text, text);
    }),
    { numRuns: 300 },
  );
});
