import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/run-cli.js';

/** The outcome of one in-process CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(args: string[], options: { stdin?: string | Uint8Array; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    setExitCode: () => undefined,
  });
  return { code, stdout, stderr };
}

/** Writes files into a fresh temporary folder and returns their paths. */
export function tempFiles(files: Record<string, string | Uint8Array>): Record<string, string> & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-test-'));
  const out: Record<string, string> = { dir };
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    out[name] = path;
  }
  return out as Record<string, string> & { dir: string };
}
