// The "Already fact-checked" section of the reviewer app end to end: a stored article whose first claim lists two
// fact-check matches (one with hostile markup in every text field, one whose link is javascript: and whose fact-check
// is not in the store), driven by Debian chromium via playwright-core. Accepting a match by keyboard survives a
// reload; the hostile texts show as words and run nothing; an article without matches shows no section and asks for
// no decisions. Skipped where /usr/bin/chromium is missing (.ci/run installs it).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Report } from '../src/core/report-schema.js';
import { FERRIES } from '../src/store/conformance-fixtures.js';
import { dredgingWithMatch } from '../src/store/conformance-match-decisions.js';
import { buildWebApp, getJson, launchBrowser, screenshot, skip, startApp, webAppStale, type RunningApp } from './e2e-helpers.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

let server: RunningApp;
let browser: Browser;
let page: Page;
let documentId: number;
let plainId: number;
let factCheckId: number;
const problems: string[] = [];
const dialogs: string[] = [];
const requests: string[] = [];

/** DREDGING whose spending claim lists the stored hostile fact-check and a second one with a javascript: link. */
function reportWithMatches(id: number): Report {
  const base = dredgingWithMatch(id);
  const [first, ...rest] = base.claims;
  const hostile = { ...first!.factChecks![0]!, claimReviewed: `Port spent 12 million ${HOSTILE}`, publisher: `Harbour ${HOSTILE}`, rating: { name: `True ${HOSTILE}`, value: 5 }, why: { sharedTerms: [HOSTILE, 'dredging'], sameFigures: ['12 million euros'], sameEntities: [] } };
  const scripted = { ...hostile, factCheckId: 987_654, score: 0.61, publisher: 'Coast Facts', rating: { name: 'False', value: 1 }, claimReviewed: 'Vellmar dredging cost 2 million.', url: 'javascript:window.__pwned=3' };
  return { ...base, claims: [{ ...first!, factChecks: [hostile, scripted] }, ...rest] };
}

before(async () => {
  if (skip) return;
  if (webAppStale()) buildWebApp();
  server = await startApp();
  const [stored] = await server.store.upsertFactChecks([{
    claim: `Vellmar port spent 12 million euros on dredging ${HOSTILE}`, url: 'https://harbourcheck.example/checks/dredging-bill',
    rating: { name: 'True', alternateName: null, value: 5, best: 5, worst: 1 }, publisher: { name: 'Harbour Check', url: null },
    date: '2024-03-20', language: 'en', claimant: null, claimDate: null, title: HOSTILE,
  }]);
  factCheckId = stored!.id;
  documentId = (await server.store.upsert({ report: reportWithMatches(factCheckId) })).documentId;
  plainId = (await server.store.upsert({ report: FERRIES })).documentId;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('request', (req) => requests.push(req.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const claimItem = (claimId: string) => page.locator(`[data-testid=claim-item][data-claim-id="${claimId}"]`);
const matchEntry = (id: number) => page.locator(`[data-testid=factcheck-match][data-factcheck-id="${id}"]`);

async function openArticle(id: number): Promise<void> {
  await page.goto(`${server.origin}/documents/${id}`);
  await page.getByTestId('article-text').waitFor();
}

test('a claim with fact-check matches has a badge in the list; a claim without has none', { skip }, async () => {
  await openArticle(documentId);
  const badge = claimItem('c1').getByTestId('factcheck-badge');
  await badge.waitFor();
  assert.deepEqual([await badge.getAttribute('data-state'), await claimItem('c2').getByTestId('factcheck-badge').count()], ['pending', 0]);
  assert.match(await badge.innerText(), /fact-checked\?/);
});

test('the selected claim lists its matches with publisher, rating, date, score and why, the hostile texts shown as words', { skip }, async () => {
  await claimItem('c1').locator('.claim-head').click();
  const section = claimItem('c1').getByTestId('factcheck-section');
  await section.waitFor();
  assert.equal(await section.getByTestId('factcheck-match').count(), 2);
  const first = matchEntry(factCheckId);
  assert.equal(await first.getByTestId('factcheck-claim').innerText(), `Port spent 12 million ${HOSTILE}`);
  const text = await first.innerText();
  assert.match(text, /Harbour <img src=x onerror="window\.__pwned=1"><script>/);
  assert.match(text, /20 Mar 2024/);
  assert.match(text, /match 87%/);
  assert.match(text, /Shared words\s*:?\s*<img src=x/);
  assert.match(text, /Same figures\s*:?\s*12 million euros/);
  assert.equal(await section.locator('img, script, iframe, object, embed, [onerror], [onload]').count(), 0);
  assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
  await screenshot(page, 'factcheck-matches', { docs: false });
});

test('a match links out in a new tab with noopener noreferrer, and a javascript: address is not a link', { skip }, async () => {
  const link = matchEntry(factCheckId).getByTestId('factcheck-link');
  assert.deepEqual(
    [await link.getAttribute('href'), await link.getAttribute('target'), await link.getAttribute('rel')],
    ['https://harbourcheck.example/checks/dredging-bill', '_blank', 'noopener noreferrer'],
  );
  assert.equal(await matchEntry(987_654).locator('a').count(), 0);
  assert.match(await matchEntry(987_654).innerText(), /No link: the address is not http or https/);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
});

test('deciding without a reviewer name asks for one and records nothing', { skip }, async () => {
  await matchEntry(factCheckId).getByTestId('factcheck-accept').click();
  await claimItem('c1').locator('.form-problem').waitFor();
  assert.match(await claimItem('c1').locator('.form-problem').innerText(), /Give your name/);
  assert.deepEqual((await getJson(server.origin, `/api/documents/${documentId}/match-decisions`)).decisions, []);
});

test('a match is accepted from the keyboard and shows as accepted', { skip }, async () => {
  await claimItem('c1').getByTestId('factcheck-reviewer').fill('K. Varga');
  await claimItem('c1').getByTestId('factcheck-note').fill('Same bill, same year <b>bold</b>');
  await matchEntry(factCheckId).getByTestId('factcheck-accept').focus();
  await page.keyboard.press('Enter');
  const decision = matchEntry(factCheckId).getByTestId('factcheck-decision');
  await matchEntry(factCheckId).locator('[data-testid=factcheck-decision][data-decision=accepted]').waitFor();
  assert.match(await decision.innerText(), /^Accepted by K\. Varga, .*: Same bill, same year <b>bold<\/b>$/);
  assert.equal(await claimItem('c1').getByTestId('factcheck-note').inputValue(), '');
  assert.equal(await matchEntry(factCheckId).getByTestId('factcheck-accept').getAttribute('aria-pressed'), 'true');
  assert.equal(await matchEntry(factCheckId).getByTestId('factcheck-reject').getAttribute('aria-pressed'), 'false');
  assert.equal(await claimItem('c1').getByTestId('factcheck-badge').getAttribute('data-state'), 'accepted');
  await matchEntry(factCheckId).scrollIntoViewIfNeeded();
  await screenshot(page, 'factcheck-accepted', { docs: false });
});

test('after a reload the match is still accepted, badge and all', { skip }, async () => {
  await openArticle(documentId);
  const badge = claimItem('c1').getByTestId('factcheck-badge');
  await claimItem('c1').locator('[data-testid=factcheck-badge][data-state=accepted]').waitFor();
  assert.match(await badge.innerText(), /fact-checked ✓/);
  await claimItem('c1').locator('.claim-head').click();
  const decision = matchEntry(factCheckId).getByTestId('factcheck-decision');
  await decision.waitFor();
  assert.deepEqual([await decision.getAttribute('data-decision'), await matchEntry(987_654).getByTestId('factcheck-decision').innerText()], ['accepted', 'Not decided']);
  const stored = (await getJson(server.origin, `/api/documents/${documentId}/match-decisions`)).decisions;
  assert.deepEqual(stored.map((d: { claimId: string; factCheckId: number; decision: string; reviewer: string }) => [d.claimId, d.factCheckId, d.decision, d.reviewer]), [['c1', factCheckId, 'accepted', 'K. Varga']]);
  assert.equal(stored[0].note, 'Same bill, same year <b>bold</b>');
});

test('a refused decision (its fact-check is not stored) shows the server\'s error in the app\'s alert', { skip }, async () => {
  await matchEntry(987_654).getByTestId('factcheck-reject').click();
  const alert = page.getByTestId('error-alert');
  await alert.getByText('E_NOT_FOUND').waitFor();
  assert.match(await alert.innerText(), /E_NOT_FOUND No fact-check 987654/);
  assert.equal(await matchEntry(987_654).getByTestId('factcheck-decision').innerText(), 'Not decided');
});

test('an article without matches shows no badge and no section, and asks for no decisions', { skip }, async () => {
  const before = requests.length;
  await openArticle(plainId);
  await claimItem('c1').locator('.claim-head').click();
  await claimItem('c1').locator('.claim-details').waitFor();
  assert.deepEqual([await page.getByTestId('factcheck-badge').count(), await page.getByTestId('factcheck-section').count()], [0, 0]);
  assert.deepEqual(requests.slice(before).filter((url) => url.includes('match-decisions')), []);
});

test('on a phone the matches fit the screen: no sideways scrolling, Accept and Reject within reach', { skip }, async () => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  try {
    const tab = await phone.newPage();
    tab.on('pageerror', (err) => problems.push(`phone page error: ${err.message}`));
    await tab.goto(`${server.origin}/documents/${documentId}`);
    await tab.getByTestId('tab-claims').tap();
    await tab.locator('[data-testid=claim-item][data-claim-id="c1"] .claim-head').tap();
    const entry = tab.locator(`[data-testid=factcheck-match][data-factcheck-id="${factCheckId}"]`);
    await entry.waitFor();
    await entry.scrollIntoViewIfNeeded();
    assert.ok((await tab.locator('html').evaluate((html) => html.scrollWidth)) <= 390, 'the page scrolls sideways');
    const box = (await entry.getByTestId('factcheck-reject').boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `Reject is at x = ${box.x}..${box.x + box.width}`);
    await screenshot(tab, 'factcheck-phone', { docs: false });
  } finally {
    await phone.close();
  }
});

test('the pages raised no script error, opened no dialog and ran none of the hostile code', { skip }, async () => {
  // The one refused decision is a 404 the browser logs; anything else is a problem.
  assert.deepEqual([problems.filter((p) => !/status of 404/.test(p)), dialogs], [[], []]);
  assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined);
});
