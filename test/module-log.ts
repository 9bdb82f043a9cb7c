import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const HOOKS = pathToFileURL(join(import.meta.dirname, 'module-log-hooks.mjs')).href;

/** Modules a command must not load unless it analyses text: the NLP model, the analyser, HTML parsing, the server. */
export const HEAVY_MODULES = /node_modules\/(wink-nlp|wink-eng-lite-web-model|linkedom|@mozilla\/readability|fastify|pg|pg-pool|bullmq|ioredis|robots-parser)\/|\/src\/(annotators|checks|engine\/analyze|server)\//;

/**
 * Runs the CLI (from source, through tsx) in a child process and returns its exit code and the project and package
 * modules it loaded (paths relative to the checkout). Counting modules, not milliseconds, keeps the check stable on
 * a loaded machine.
 */
export async function loadedModules(args: readonly string[], timeoutMs = 60_000): Promise<{ code: number | null; modules: string[]; stderr: string }> {
  const log = join(mkdtempSync(join(tmpdir(), 'claimtrace-modules-')), 'modules.log');
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(HOOKS)})`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', register, join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
    env: { ...process.env, MODULE_LOG: log, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const root = pathToFileURL(ROOT).href;
  // Packages by their path from node_modules/ on, wherever it is (it may be a link); the project's own files from the root.
  const named = (u: string) => (u.includes('/node_modules/') ? u.slice(u.indexOf('/node_modules/')) : u.startsWith(root) ? u.slice(root.length) : undefined);
  const modules = readFileSync(log, 'utf8').split('\n').map(named).filter((m): m is string => m !== undefined && !m.startsWith('/node_modules/tsx/'));
  return { code, modules: [...new Set(modules)], stderr };
}
