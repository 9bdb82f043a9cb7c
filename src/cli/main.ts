#!/usr/bin/env node
import { runCli } from './run-cli.js';

// A reader that stops early (`claimtrace analyze … | head`) closes the pipe: stop quietly, as other command-line tools
// do, instead of an EPIPE stack trace. Any other stream error is still a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  setExitCode: () => undefined,
});
process.exitCode = code;
