// Setup for the end-to-end tests: the built web app (built here when missing or older than its sources), the server
// on an ephemeral loopback port with a temporary SQLite store, Debian chromium via playwright-core, screenshots.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app.js';
import { openSqliteStore, type Store } from '../src/store/index.js';

/** The repository root. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the app is built and served from. */
export const WEB_ROOT = join(ROOT, 'dist', 'web');
/** The browser the tests drive (CI installs Debian's chromium). */
export const CHROMIUM = '/usr/bin/chromium';
/** `skip` option of the tests: false, or why they cannot run here. */
export const skip: false | string = existsSync(CHROMIUM) ? false : `needs ${CHROMIUM} (apt-get install chromium) to drive the web app`;

/** The newest modification time (ms) of the files under a folder, tests left out. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/web/index.html is missing or older than a file of web/. */
export function webAppStale(): boolean {
  const index = join(WEB_ROOT, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSource(join(ROOT, 'web'));
}

/** Builds the app with vite into a fresh folder beside dist/web, then swaps it in (a reader never sees half a build). */
export function buildWebApp(): void {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const out = mkdtempSync(join(ROOT, 'dist', '.web-e2e-'));
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`vite build failed (${run.status ?? run.signal}): ${run.stderr || run.stdout}`);
  }
  rmSync(WEB_ROOT, { recursive: true, force: true });
  renameSync(out, WEB_ROOT);
}

/** A running server and its store. */
export interface RunningApp {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/** Starts the server on 127.0.0.1 and an ephemeral port, over a fresh SQLite store, serving dist/web. */
export async function startApp(): Promise<RunningApp> {
  const store = await openSqliteStore(join(mkdtempSync(join(tmpdir(), 'claimtrace-e2e-')), 'e2e.db'));
  const app = await buildApp({ store, webRoot: WEB_ROOT, workers: 0, host: '127.0.0.1' });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, store, origin: address, close: async () => { await app.close(); await store.close(); } };
}

/** Debian chromium, headless, with nothing that talks to the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** POSTs JSON to the app and returns the parsed answer; throws on a non-2xx status. */
export async function postJson<T = any>(origin: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(origin + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** GETs JSON from the app; throws on a non-2xx status. */
export async function getJson<T = any>(origin: string, path: string): Promise<T> {
  const res = await fetch(origin + path);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Where every run leaves its screenshots (gitignored). */
const OUTPUT_SHOTS = join(ROOT, 'test-output', 'screenshots');
/** The committed screenshots, rewritten only with UPDATE_SCREENSHOTS=1. */
const DOC_SHOTS = join(ROOT, 'docs', 'screenshots');

/**
 * Saves the viewport (or the whole page) as `<name>.png` under test-output/screenshots/, and also under
 * docs/screenshots/ when UPDATE_SCREENSHOTS=1 unless `docs` is false.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean; docs?: boolean } = {}): Promise<void> {
  mkdirSync(OUTPUT_SHOTS, { recursive: true });
  const png = await page.screenshot({ path: join(OUTPUT_SHOTS, `${name}.png`), fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  if (process.env.UPDATE_SCREENSHOTS !== '1' || options.docs === false) return;
  mkdirSync(DOC_SHOTS, { recursive: true });
  writeFileSync(join(DOC_SHOTS, `${name}.png`), png);
}
