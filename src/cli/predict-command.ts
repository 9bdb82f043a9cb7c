import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import type { CliIo } from './analyze-command.js';
import { EXIT, errorLine } from './exit-codes.js';

/**
 * Registers `claimtrace predict <task>`: predictions in benchmarks' own formats, for their own scorers.
 * Each task loads its predictor (and the analyser) only when it runs, so that the rest of the CLI starts fast.
 */
export function registerPredict(program: Command, io: CliIo): void {
  const predict = program.command('predict').description("write predictions in a benchmark's own format");
  predict
    .command('extract')
    .description('article bodies of <id>.html / <id>.html.gz pages as {"<id>": {"articleBody": "..."}} (article-extraction benchmark)')
    .requiredOption('--input <dir>', 'folder of <id>.html or <id>.html.gz pages')
    .requiredOption('--out <file>', 'JSON file to write')
    .action(async (flags: { input: string; out: string }) => {
      const [{ predictExtraction }, { resolveOptions }] = await Promise.all([import('../engine/predict/extract.js'), import('../engine/analyze.js')]);
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
      const [{ predictAttribution }, { resolveOptions }] = await Promise.all([import('../engine/predict/attribution.js'), import('../engine/analyze.js')]);
      const { written, failures } = await predictAttribution(flags.input, flags.out, resolveOptions({}));
      for (const failure of failures) io.stderr.write(`${errorLine(failure.error, failure.id)}\n`);
      io.stderr.write(`claimtrace: ${written} texts, ${failures.length} failed, written to ${flags.out}\n`);
      io.setExitCode(failures.length > 0 ? EXIT.inputError : EXIT.ok);
    });
  registerTechniqueTasks(predict, io);
  predict
    .command('match')
    .description('verified-claim retrieval: rank fact-checked claims for each query as a TREC run qid Q0 claim_id rank score tag (CLEF CheckThat! 2020 task 2)')
    .requiredOption('--claims <file>', 'TSV with a header: claim id, claim, title of the fact-check')
    .requiredOption('--queries <file>', 'TSV with a header: query id, text (links, author trailers and @handles are cleaned away)')
    .requiredOption('--out <file>', 'run file to write (at most 100 lines per query: the re-ranked first stage)')
    .action(async (flags: { claims: string; queries: string; out: string }) => {
      const { predictMatch } = await import('../engine/predict/match.js');
      const { claims, queries, lines } = await predictMatch(flags.claims, flags.queries, flags.out);
      io.stderr.write(`claimtrace: ${queries} queries against ${claims} claims, ${lines} lines written to ${flags.out}\n`);
      io.setExitCode(EXIT.ok);
    });
  predict
    .command('checkworthy')
    .description('check-worthiness of sentences: TSV with Sentence_id and Text columns in, Sentence_id\tscore\tlabel out (CheckThat! style)')
    .requiredOption('--input <file>', 'TSV file with a header and at least Sentence_id and Text columns')
    .requiredOption('--out <file>', 'TSV file to write')
    .option('--threshold <x>', "probability from which the label is Yes (default: the model's validated threshold)")
    .action(async (flags: { input: string; out: string; threshold?: string }) => {
      const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
      if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--threshold', reason: 'must be a number from 0 to 1' });
      const { predictCheckworthy } = await import('../engine/predict/checkworthy.js');
      const { scored, failures } = await predictCheckworthy(flags.input, flags.out, threshold === undefined ? {} : { threshold });
      for (const f of failures) io.stderr.write(`claimtrace: ${flags.input}:${f.line}: ${f.reason}\n`);
      io.stderr.write(`claimtrace: ${scored} sentences scored, ${failures.length} rows skipped, written to ${flags.out}\n`);
      io.setExitCode(failures.length > 0 ? EXIT.inputError : EXIT.ok);
    });
}

/** `predict si` and `predict tc`: SemEval-2020 Task 11 formats, offsets in code points. */
function registerTechniqueTasks(predict: Command, io: CliIo): void {
  predict
    .command('si')
    .description('propaganda spans of article<ID>.txt files as <ID>\t<start>\t<end> lines (SemEval-2020 Task 11 SI)')
    .requiredOption('--input <dir>', 'folder of article<ID>.txt files')
    .requiredOption('--out <file>', 'file to write')
    .action(async (flags: { input: string; out: string }) => {
      const { predictSi } = await import('../engine/predict/si.js');
      const { articles, spans, failures } = await predictSi(flags.input, flags.out);
      for (const failure of failures) io.stderr.write(`${errorLine(failure.error, failure.id)}\n`);
      io.stderr.write(`claimtrace: ${articles} articles, ${spans} spans, ${failures.length} failed, written to ${flags.out}\n`);
      io.setExitCode(failures.length > 0 ? EXIT.inputError : EXIT.ok);
    });
  predict
    .command('tc')
    .description('the technique of every template span as <ID>\t<technique>\t<start>\t<end> lines (SemEval-2020 Task 11 TC)')
    .requiredOption('--input <dir>', 'folder of article<ID>.txt files')
    .requiredOption('--template <file>', 'template lines <ID>\t?\t<start>\t<end>')
    .requiredOption('--out <file>', 'file to write')
    .action(async (flags: { input: string; template: string; out: string }) => {
      const { predictTc } = await import('../engine/predict/tc.js');
      const { written, failures } = await predictTc(flags.input, flags.template, flags.out);
      for (const failure of failures) io.stderr.write(`${errorLine(failure.error, failure.id)}\n`);
      io.stderr.write(`claimtrace: ${written} spans labelled, ${failures.length} articles failed, written to ${flags.out}\n`);
      io.setExitCode(failures.length > 0 ? EXIT.inputError : EXIT.ok);
    });
}
