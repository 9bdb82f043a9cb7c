import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { resolveOptions } from '../engine/analyze.js';
import { predictAttribution } from '../engine/predict/attribution.js';
import { predictExtraction } from '../engine/predict/extract.js';
import type { CliIo } from './analyze-command.js';
import { EXIT, errorLine } from './exit-codes.js';

/** Registers `claimtrace predict <task>`: predictions in benchmarks' own formats, for their own scorers. */
export function registerPredict(program: Command, io: CliIo): void {
  const predict = program.command('predict').description("write predictions in a benchmark's own format");
  predict
    .command('extract')
    .description('article bodies of <id>.html / <id>.html.gz pages as {"<id>": {"articleBody": "..."}} (article-extraction benchmark)')
    .requiredOption('--input <dir>', 'folder of <id>.html or <id>.html.gz pages')
    .requiredOption('--out <file>', 'JSON file to write')
    .action(async (flags: { input: string; out: string }) => {
      const { predictions, failures } = await predictExtraction(flags.input, resolveOptions({}));
      for (const failure of failures) io.stderr.write(`${errorLine(failure.error, failure.id)}\n`);
      await writeFile(flags.out, `${JSON.stringify(predictions, null, 2)}\n`);
      io.stderr.write(`claimtrace: ${Object.keys(predictions).length} pages, ${failures.length} failed, written to ${flags.out}\n`);
      io.setExitCode(failures.length > 0 ? EXIT.inputError : EXIT.ok);
    });
  predict
    .command('attribution')
    .description('attributions of <name>.txt texts as <name>.ann in brat standoff (PolNeAR style, with Grade/Hedged attributes)')
    .requiredOption('--input <dir>', 'folder of <name>.txt texts')
    .requiredOption('--out <dir>', 'folder to write <name>.ann files into')
    .action(async (flags: { input: string; out: string }) => {
      const { written, failures } = await predictAttribution(flags.input, flags.out, resolveOptions({}));
      for (const failure of failures) io.stderr.write(`${errorLine(failure.error, failure.id)}\n`);
      io.stderr.write(`claimtrace: ${written} texts, ${failures.length} failed, written to ${flags.out}\n`);
      io.setExitCode(failures.length > 0 ? EXIT.inputError : EXIT.ok);
    });
}
