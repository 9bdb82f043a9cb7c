// The HTML report in a real browser (Debian chromium via playwright-core): the strict CSP lets the page's own script
// run and blocks everything else, hostile article text stays text, details open on click and layers switch off.
// Skipped where /usr/bin/chromium is missing (.ci/run installs it).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzePure } from '../src/engine/analyze.js';
import { renderHtml } from '../src/report/render-html.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : 'needs /usr/bin/chromium';
const ARTICLE = [
  'Ferry Fares Rise Again',
  '',
  'According to the Harbour Gazette, at least 300 commuters stopped using the ferry last year.',
  'The operator printed <img src=x onerror="window.__pwned=1"> on every ticket and a <script>window.__pwned=2</script> note.',
].join('\n');

let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  await page.setContent(renderHtml(analyzePure({ text: ARTICLE })), { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
});

test('the page script runs under the CSP without errors and hostile text never executes', { skip }, async () => {
  assert.deepEqual(problems, []);
  assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
  const text = await page.locator('#ct-text').innerText();
  assert.match(text, /<img src=x onerror="window\.__pwned=1">/);
  assert.equal(await page.locator('#ct-text img').count(), 0);
});

test('clicking a source highlight opens its details', { skip }, async () => {
  await page.locator('#ct-text [data-ref^="source:"]').first().click();
  const pop = page.locator('#ct-pop');
  assert.equal(await pop.isVisible(), true);
  const details = await pop.innerText();
  assert.match(details, /Harbour Gazette/);
  assert.match(details, /named/);
});

test('switching a layer off removes its highlighting', { skip }, async () => {
  await page.keyboard.press('Escape');
  await page.locator('#ct-layer-figure').uncheck();
  assert.equal(await page.locator('#ct-text').evaluate((el) => el.classList.contains('off-figure')), true);
});
