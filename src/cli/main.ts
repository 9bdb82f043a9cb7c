#!/usr/bin/env node
// A reader that stops early (`claimtrace analyze … | head`) closes the pipe: stop quietly, as other command-line tools
// do, instead of an EPIPE stack trace. Any other stream error is still a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before the option parser and the commands' definitions load (a third of the start-up over Node's own).
  const { VERSION } = await import('../engine/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runCli } = await import('./run-cli.js');
  process.exitCode = await runCli(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    setExitCode: () => undefined,
  });
}
