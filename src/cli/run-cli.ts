import { Command, CommanderError } from 'commander';
import { toClaimtraceError } from '../core/errors.js';
import { VERSION } from '../engine/version.js';
import { registerAnalyze, type CliIo } from './analyze-command.js';
import { EXIT, errorLine, exitCodeFor } from './exit-codes.js';
import { registerDb } from './db-command.js';
import { registerFactChecks } from './factchecks-command.js';
import { registerIngest } from './ingest-command.js';
import { registerMatch } from './match-command.js';
import { registerOutlets } from './outlets-command.js';
import { registerPredict } from './predict-command.js';
import { registerQueue } from './queue-command.js';
import { registerSearch } from './search-command.js';
import { registerServe } from './serve-command.js';
import { registerTrace } from './trace-command.js';
import { registerWatch } from './watch-command.js';
import { registerWorker } from './worker-command.js';

/**
 * Runs the CLI with the given arguments (without `node` and the script path) and returns the exit code.
 * The command modules register options only; each loads what it runs on (the NLP model, the store, the server) inside
 * its action, so that `--version` and `--help` start as fast as Node itself and `search` never loads the analyser.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const scoped: CliIo = { ...io, setExitCode: (code) => (exitCode = code) };
  const program = new Command('claimtrace')
    .description('Audit news and opinion articles: claims, figures and their bounds, sourcing, entities and persuasion techniques.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerAnalyze(program, scoped);
  registerPredict(program, scoped);
  registerIngest(program, scoped);
  registerSearch(program, scoped);
  registerTrace(program, scoped);
  registerFactChecks(program, scoped);
  registerMatch(program, scoped);
  registerOutlets(program, scoped);
  registerServe(program, scoped);
  registerWorker(program, scoped);
  registerQueue(program, scoped);
  registerWatch(program, scoped);
  registerDb(program, scoped);
  program
    .command('schema')
    .description('print the JSON Schema of the report (claimtrace/report@1)')
    .action(async () => {
      const { reportJsonSchema } = await import('../core/report-schema.js');
      io.stdout.write(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
    });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const error = toClaimtraceError(err);
    io.stderr.write(`${errorLine(error)}\n`);
    return exitCodeFor(error);
  }
}
