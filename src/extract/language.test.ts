import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from './language.js';

const ENGLISH = 'The harbour master said the fishing fleet would stay in port until the eastern wall had been rebuilt, and the council agreed to publish the report.';
const GERMAN = 'Der Hafenmeister sagte, die Fischereiflotte werde im Hafen bleiben, bis die östliche Mauer wieder aufgebaut sei, und der Rat stimmte zu, den Bericht zu veröffentlichen.';
const FRENCH = 'Le capitaine du port a déclaré que la flotte de pêche resterait au port jusqu’à la reconstruction du mur est, et le conseil a accepté de publier le rapport.';

test('detects English as en', () => {
  assert.equal(detectLanguage(ENGLISH), 'en');
});

test('detects German as de', () => {
  assert.equal(detectLanguage(GERMAN), 'de');
});

test('detects French as fr', () => {
  assert.equal(detectLanguage(FRENCH), 'fr');
});

test('gives no answer for a text with too few letters', () => {
  assert.equal(detectLanguage('Harbour wall: 4.2m, 600 signatures, 2023.'), undefined);
});

test('answers quickly on a 5 MB text by sampling its start', () => {
  const big = `${ENGLISH} `.repeat(Math.ceil(5_000_000 / (ENGLISH.length + 1)));
  const start = performance.now();
  assert.equal(detectLanguage(big), 'en');
  assert.ok(performance.now() - start < 500);
});

test('a Dutch text that shares some short words with English is not taken for English', () => {
  const dutch = 'De havenmeester zei dat de vissersvloot in de haven zou blijven tot de oostelijke muur was herbouwd, en de raad stemde in met het publiceren van het rapport over de kade.';
  assert.equal(detectLanguage(dutch), 'nl');
});
