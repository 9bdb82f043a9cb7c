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
/** The trace page of the jobs claim, once the trace test opened it. */
let traceUrl: string | undefined;
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

/** The claim-item of the jobs claim ("at least 40 jobs") on a page. */
const jobsClaimIn = (on: Page) => on.getByTestId('claim-item').filter({ hasText: 'at least 40 jobs' });
/** The jobs claim on the flow's page. */
const jobsClaim = () => jobsClaimIn(page);
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
  await jobsClaim().getByTestId('verdict-badge').waitFor({ timeout: 20_000 });
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

/** A phone: 390 × 844 CSS pixels, touch, no hover (the keyboard hints' media query). */
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } as const;

/** A page of a phone context whose script errors and console errors (CSP violations among them) count as problems. */
async function phonePage(phone: BrowserContext): Promise<Page> {
  const tab = await phone.newPage();
  tab.setDefaultTimeout(10_000);
  tab.on('pageerror', (err) => problems.push(`phone page error: ${err.message}`));
  tab.on('console', (msg) => msg.type() === 'error' && problems.push(`phone console: ${msg.text()}`));
  return tab;
}

test('on a phone the claims are one tap away from anywhere in the article, with no keyboard hints and no sideways scrolling', { skip }, async () => {
  const id = pastedId();
  const phone = await browser.newContext(PHONE);
  const tab = await phonePage(phone);
  try {
    await tab.goto(`${server.origin}/documents/${id}`);
    await tab.getByTestId('article-text').waitFor();
    assert.ok((await tab.locator('html').evaluate((html) => html.scrollWidth)) <= 390, 'the page scrolls sideways');
    // The claim list is not stacked below the article: it waits behind its tab.
    assert.equal(await tab.getByTestId('claim-item').first().isVisible(), false);
    const hints = await tab.locator('kbd, .keys').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
    assert.equal(hints, 0, 'keyboard hints show on a touch screen');
    await screenshot(tab, 'article-phone');
    // From the end of the article, one tap on Claims puts the first claim on screen, above the tab bar.
    await tab.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await tab.getByTestId('tab-claims').tap();
    const bar = (await tab.locator('.view-tabs').boundingBox())!;
    // The list is scrolled to its top after the tab renders (a frame later on a busy machine): wait, bounded.
    await onScreen(tab, '[data-testid=claim-item]', (box) => box.y >= 0 && box.y + 40 <= bar.y);
    assert.equal(await tab.getByTestId('article-text').isVisible(), false);
    await screenshot(tab, 'claims-phone');
    // A claim shown in the article switches back to the text with that claim outlined.
    await jobsClaimIn(tab).locator('button.claim-head').tap();
    await jobsClaimIn(tab).getByRole('button', { name: 'Show in article' }).tap();
    // It scrolls smoothly into view: wait (bounded) until it is on screen.
    await onScreen(tab, '[data-testid=article-text] .is-selected', (box, height) => box.y >= -1 && box.y + box.height <= height + 1);
    // Findings: a list of their own; a tap shows the finding in the text.
    await tab.getByTestId('tab-findings').tap();
    const finding = tab.getByTestId('finding-item').first();
    await onScreen(tab, '[data-testid=finding-item]', (box) => box.y < bar.y);
    await finding.locator('button').tap();
    await tab.locator('[data-testid=article-text] .is-current').first().waitFor();
    // A claim tapped in the text opens in the claim list, selected and on screen.
    const jobsId = await jobsClaimIn(tab).getAttribute('data-claim-id');
    await tab.getByTestId('tab-article').tap();
    await tab.locator(`[data-testid=article-text] .hl-claim[data-ann-id="${jobsId}"]`).first().tap();
    await onScreen(tab, '.claim-item.is-selected', (box, height) => box.y >= -1 && box.y < height - 100);
    assert.match(await tab.locator('.claim-item.is-selected').innerText(), /at least 40 jobs/);
  } finally {
    await phone.close();
  }
});

test('on a desktop screen text and claims stand side by side, without the tab bar, with the keyboard hints', { skip }, async () => {
  pastedId();
  assert.equal(await page.locator('.view-tabs').isVisible(), false);
  assert.equal(await page.getByTestId('article-text').isVisible(), true);
  assert.equal(await page.getByTestId('claim-item').first().isVisible(), true);
  assert.equal(await page.locator('.claim-panel .keys').isVisible(), true);
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
  // The y axis is the jobs figure as each article wrote it, with its tick values; dates below.
  assert.equal(await page.getByTestId('y-title').textContent(), 'Figure (jobs)');
  assert.deepEqual(await page.locator('[data-testid=trace-chart] .y-tick text').allTextContents(), ['0', '10', '20', '30', '40', '50']);
  const dates = await page.locator('[data-testid=trace-chart] .x-tick text').allTextContents();
  assert.ok(dates.length >= 2 && dates.every((d) => /\d/.test(d)), `date ticks: ${dates.join(', ')}`);
  const ys = await page.locator('[data-testid=trace-chart] circle.pt').evaluateAll((els) => els.map((el) => Number(el.getAttribute('cy'))));
  assert.ok(ys[3]! < ys[0]!, 'about 45 is not drawn above 40');
  assert.deepEqual(await page.locator('table.matches tbody td:nth-child(4)').allInnerTexts(), ['40', 'at least 40', 'at least 40', 'about 45']);
  traceUrl = page.url();
  await screenshot(page, 'trace', { fullPage: true });
});

test('the outlets page draws a chart for each outlet in the corpus', { skip }, async () => {
  pastedId();
  await page.getByRole('link', { name: 'Outlets', exact: true }).click();
  await page.getByTestId('outlets-chart').first().waitFor();
  const outlets = (await getJson(server.origin, '/api/outlets')).outlets.length;
  assert.ok(outlets >= SEED_ARTICLES.length, `only ${outlets} outlets`);
  assert.equal(await page.getByTestId('outlets-chart').count(), outlets);
  // Every monthly chart has values on its axis: 0 and at least one more.
  const axes = await page.getByTestId('month-chart').evaluateAll((els) => els.map((el) => [...el.querySelectorAll('.y-tick text')].map((t) => t.textContent)));
  assert.ok(axes.length >= 4 * outlets, `${axes.length} monthly charts`);
  for (const ticks of axes) assert.ok(ticks.length >= 2 && /^0%?$/.test(ticks[0]!) && ticks.slice(1).every((t) => /^\d/.test(t!)), `ticks: ${ticks.join(', ')}`);
  await screenshot(page, 'outlets', { fullPage: true });
});

test('on a phone the charts keep readable tick labels, at least 11 px high, and fit the screen', { skip }, async () => {
  pastedId();
  const phone = await browser.newContext(PHONE);
  const tab = await phonePage(phone);
  try {
    assert.ok(traceUrl, 'the trace test did not run');
    await tab.goto(traceUrl);
    await tab.getByTestId('trace-chart').waitFor({ timeout: 10_000 });
    const sizes = async (selector: string) => tab.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    const traceLabels = await sizes('[data-testid=trace-chart] .tick-label');
    assert.ok(traceLabels.length >= 6 && traceLabels.every((h) => h >= 11), `trace tick labels: ${traceLabels.join(', ')} px`);
    assert.ok((await tab.locator('html').evaluate((html) => html.scrollWidth)) <= 390, 'the trace page scrolls sideways');
    await screenshot(tab, 'trace-phone');
    await tab.goto(`${server.origin}/outlets`);
    await tab.getByTestId('month-chart').first().waitFor();
    const monthLabels = await sizes('[data-testid=month-chart] .tick-label');
    assert.ok(monthLabels.length > 0 && monthLabels.every((h) => h >= 11), `monthly tick labels: ${monthLabels.join(', ')} px`);
    assert.ok((await tab.locator('html').evaluate((html) => html.scrollWidth)) <= 390, 'the outlets page scrolls sideways');
    await screenshot(tab, 'outlets-phone');
  } finally {
    await phone.close();
  }
});

test('a PDF chosen for upload is refused by name before anything is sent', { skip }, async () => {
  const sent: string[] = [];
  const onRequest = (req: { url(): string }) => sent.push(req.url());
  await page.goto(`${server.origin}/`);
  page.on('request', onRequest);
  try {
    await page.getByLabel('Upload a file').check();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]);
    await page.getByTestId('analyze-file').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('analyze-submit').click();
    await page.getByTestId('form-problem').waitFor();
    assert.equal(await page.getByTestId('form-problem').innerText(), 'report.pdf looks binary (PDF), not text or HTML. Save it as text or HTML first.');
    assert.deepEqual(sent.filter((url) => url.includes('/api/analyze')), []);
    assert.equal(await page.getByTestId('error-alert').innerText(), '');
  } finally {
    page.off('request', onRequest);
  }
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

/**
 * Waits (at most 3 s) until the first element matching `selector` is placed as `placed` wants in the viewport (a pixel of slack: smooth scrolling stops at fractions such as y = -0.08). Polled
 * from Node: the app's CSP forbids eval, which a string predicate of waitForFunction needs after its first try.
 */
async function onScreen(tab: Page, selector: string, placed: (box: { y: number; height: number }, viewportHeight: number) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const box = await tab.locator(selector).first().boundingBox();
    if (box && placed(box, tab.viewportSize()!.height)) return;
    if (Date.now() > deadline) throw new Error(`${selector} is not on screen after 10 s (box ${JSON.stringify(box)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
