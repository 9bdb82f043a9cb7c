// The reviewer app end to end: the server (buildApp on 127.0.0.1, a temporary SQLite store, the built app from
// dist/web) driven by Debian chromium via playwright-core. One app, one browser and one page carry the flow from test
// to test: paste an article, read its highlights, switch a layer, record a verdict, export it, search, trace, outlets.
// A second, fresh page opens a hostile HTML article. Screenshots land in test-output/screenshots/ (and docs/screenshots/
// with UPDATE_SCREENSHOTS=1). Skipped where /usr/bin/chromium is missing (.ci/run installs it).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWebApp, getJson, launchBrowser, postJson, screenshot, skip, startApp, webAppStale, type RunningApp } from './e2e-helpers.js';
import { HOSTILE_HTML, PIER_META, PIER_TEXT, PIER_TITLE, SEED_ARTICLES } from './e2e-fixtures.js';

let server: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** The id of the pasted article, once the first test stored it. */
let documentId: number | undefined;
/** Script errors and every request the flow's page made. */
const problems: string[] = [];
const requests: string[] = [];

before(async () => {
  if (skip) return;
  if (webAppStale()) buildWebApp();
  server = await startApp();
  for (const article of SEED_ARTICLES) await postJson(server.origin, '/api/analyze?store=true', article);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('request', (req) => requests.push(req.url()));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The stored id of the pasted article; fails the test when the first test could not store it. */
function pastedId(): number {
  assert.ok(documentId !== undefined, 'the pasted article was not stored (see the first test)');
  return documentId;
}

test('pasting an article with its outlet and date opens the stored article view with claim, figure and source highlights', { skip }, async () => {
  await page.goto(`${server.origin}/`);
  await page.getByTestId('analyze-text').fill(PIER_TEXT);
  await page.locator('details.metadata summary').click();
  await page.locator('#meta-site').fill(PIER_META.site);
  await page.locator('#meta-published').fill(PIER_META.published);
  await page.getByTestId('analyze-text').evaluate((el) => { el.scrollTop = 0; });
  await screenshot(page, 'analyze');
  await page.getByTestId('analyze-submit').click();
  await page.waitForURL(/\/documents\/\d+$/, { timeout: 20_000 });
  await page.getByTestId('article-text').waitFor();
  documentId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.equal(await page.locator('h1').first().innerText(), PIER_TITLE);
  assert.match(await page.locator('.article-meta').innerText(), /eastcoast-courier\.example/);
  for (const layer of ['hl-claim', 'hl-figure', 'hl-source']) assert.ok((await page.locator(`.${layer}`).count()) > 0, `no .${layer} in the article`);
  assert.equal(await page.getByTestId('article-text').innerText(), (await getJson(server.origin, `/api/documents/${documentId}`)).report.document.text);
  await screenshot(page, 'article');
});

test('switching the figures layer off removes every figure highlight and switching it back on restores them', { skip }, async () => {
  pastedId();
  const figures = await page.locator('.hl-figure').count();
  await page.getByTestId('layer-figures').uncheck();
  assert.equal(await page.locator('.hl-figure').count(), 0);
  assert.ok((await page.locator('.hl-claim').count()) > 0, 'the claims layer went off too');
  await page.getByTestId('layer-figures').check();
  assert.equal(await page.locator('.hl-figure').count(), figures);
});

/** The claim-item of the jobs claim ("at least 40 jobs"). */
const jobsClaim = () => page.getByTestId('claim-item').filter({ hasText: 'at least 40 jobs' });
/** The verdict recorded in the test below. */
const VERDICT = { rating: 'mostly-false', label: 'Mostly false', explanation: 'The tender documents list 25 posts.', evidence: 'https://audit.example/kelmsby-pier-tender', reviewer: 'Dana Okafor' };

test('a verdict recorded on a claim shows its badge on the claim and counts in the review progress', { skip }, async () => {
  const id = pastedId();
  const claims = (await getJson(server.origin, `/api/documents/${id}`)).report.claims.length;
  assert.match(await page.getByTestId('review-progress').innerText(), new RegExp(`^0 of ${claims} claims reviewed`));
  await jobsClaim().locator('button.claim-head').click();
  await jobsClaim().getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByTestId('review-form').waitFor();
  await page.getByTestId(`rating-${VERDICT.rating}`).check();
  await page.getByTestId('review-explanation').fill(VERDICT.explanation);
  await page.getByTestId('review-evidence').fill(VERDICT.evidence);
  await page.getByTestId('review-reviewer').fill(VERDICT.reviewer);
  await jobsClaim().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'article-review-form');
  await page.getByTestId('review-save').click();
  await jobsClaim().getByTestId('verdict-badge').waitFor({ timeout: 5_000 });
  assert.equal(await jobsClaim().getByTestId('verdict-badge').innerText(), VERDICT.label);
  assert.equal(await page.getByTestId('review-form').count(), 0);
  assert.match(await page.getByTestId('review-progress').innerText(), new RegExp(`^1 of ${claims} claims reviewed`));
});

test('the ClaimReview download describes the reviewed claim with its words, verdict and reviewer', { skip }, async () => {
  const id = pastedId();
  const claimId = await jobsClaim().getAttribute('data-claim-id');
  const claim = (await getJson(server.origin, `/api/documents/${id}`)).report.claims.find((c: { id: string }) => c.id === claimId);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-claimreview').click()]);
  assert.equal(download.suggestedFilename(), `claimtrace-${id}-claimreview.jsonld`);
  const reviews = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  assert.equal(reviews.length, 1);
  const [review] = reviews;
  assert.equal(review['@context'], 'https://schema.org');
  assert.equal(review['@type'], 'ClaimReview');
  assert.equal(review.claimReviewed, claim.text);
  assert.equal(review.reviewRating.alternateName, VERDICT.label);
  assert.equal(review.reviewRating.ratingValue, 2);
  assert.equal(review.itemReviewed['@type'], 'Claim');
  assert.equal(review.itemReviewed.appearance.headline, PIER_TITLE);
  assert.equal(review.author.name, VERDICT.reviewer);
  assert.deepEqual(review.citation, [VERDICT.evidence]);
});

test('the article view fits a 375 px phone screen without sideways scrolling', { skip }, async () => {
  const id = pastedId();
  await page.setViewportSize({ width: 375, height: 800 });
  try {
    await page.goto(`${server.origin}/documents/${id}`);
    await page.getByTestId('article-text').waitFor();
    assert.ok((await page.locator('.hl-claim').count()) > 0);
    assert.ok((await page.locator('html').evaluate((html) => html.scrollWidth)) <= 375, 'the page scrolls sideways');
    await screenshot(page, 'article-phone');
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('the corpus search finds the pasted article by words of its text', { skip }, async () => {
  pastedId();
  await page.getByRole('link', { name: 'Corpus', exact: true }).click();
  await page.getByTestId('search-input').fill('pier jobs');
  await page.getByTestId('search-input').press('Enter');
  await page.locator('.hit').first().waitFor();
  assert.ok((await page.locator('.hit-title').allInnerTexts()).includes(PIER_TITLE), 'the pasted article is not among the hits');
  assert.ok((await page.locator('.hit mark').count()) > 0, 'no search word is marked in the snippets');
  await screenshot(page, 'search');
});

test('tracing the jobs claim across the corpus draws the timeline, the earliest appearance and how the figure changed', { skip }, async () => {
  const id = pastedId();
  await page.goto(`${server.origin}/documents/${id}`);
  await jobsClaim().locator('button.claim-head').click();
  await jobsClaim().getByRole('link', { name: 'Trace across corpus' }).click();
  await page.getByTestId('trace-chart').waitFor({ timeout: 10_000 });
  const [first, second, third] = SEED_ARTICLES;
  assert.deepEqual(await page.locator('table.matches tbody td:nth-child(2) a').allInnerTexts(), [first!.title, second!.title, PIER_TITLE, third!.title]);
  assert.equal(await page.locator('[data-testid=trace-chart] circle.pt').count(), 4);
  assert.match(await page.locator('tr.is-earliest').innerText(), new RegExp(first!.title));
  const changes = await page.locator('.mutations li').allInnerTexts();
  assert.equal(changes.length, 2);
  assert.match(changes[0]!, /^40 → at least 40: /);
  assert.match(changes[1]!, /^at least 40 → about 45: /);
  await screenshot(page, 'trace', { fullPage: true });
});

test('the outlets page draws a chart for each outlet in the corpus', { skip }, async () => {
  pastedId();
  await page.getByRole('link', { name: 'Outlets', exact: true }).click();
  await page.getByTestId('outlets-chart').first().waitFor();
  const outlets = (await getJson(server.origin, '/api/outlets')).outlets.length;
  assert.ok(outlets >= SEED_ARTICLES.length, `only ${outlets} outlets`);
  assert.equal(await page.getByTestId('outlets-chart').count(), outlets);
  await screenshot(page, 'outlets', { fullPage: true });
});

test('the flow raised no script error and every request stayed on the app origin', { skip }, async () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
});

test('a hostile HTML article runs no code, loads nothing from elsewhere and shows its words as text', { skip }, async () => {
  const hostile = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const seen: string[] = [];
  const dialogs: string[] = [];
  const tab = await hostile.newPage();
  tab.on('request', (req) => seen.push(req.url()));
  tab.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  try {
    await tab.goto(`${server.origin}/`);
    await tab.getByLabel('Upload a file').check();
    await tab.getByTestId('analyze-file').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
    await tab.getByTestId('analyze-submit').click();
    await tab.waitForURL(/\/documents\/\d+$/, { timeout: 20_000 });
    const article = tab.getByTestId('article-text');
    await article.waitFor();
    // Where the page had an onclick and a javascript: link, the words are now plain text: clicking them does nothing.
    await article.getByText('Click the audit summary').click();
    await article.getByText('Read the audit').click();
    await tab.waitForTimeout(300);
    assert.match(tab.url(), /\/documents\/\d+$/);
    assert.equal(await tab.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.ok(seen.includes(`${server.origin}/api/analyze?store=true`), 'the requests were not recorded');
    assert.deepEqual(seen.filter((url) => !url.startsWith(`${server.origin}/`)), []);
    assert.equal(await article.locator('script, iframe, object, embed, img, svg, a, form, input, style, link, meta, base').count(), 0);
    assert.equal(await tab.locator('a[href^="javascript:"], [onerror], [onload], [onclick], iframe, object, base').count(), 0);
    assert.equal(await tab.locator('h1').first().innerText(), 'Harbour Board Accounts Questioned');
    const text = await article.innerText();
    assert.match(text, /spent at least 2\.4 million euros on consultants/);
    assert.match(text, /<script>window\.__pwned = 'escaped'<\/script> must show as words/);
    await screenshot(tab, 'hostile', { docs: false });
  } finally {
    await hostile.close();
  }
});
