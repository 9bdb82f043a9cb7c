// `predict checkworthy`: CheckThat!-style TSV in (Sentence_id and Text columns, any others ignored), one calibrated
// score and a Yes/No label per sentence out. A malformed row is reported and skipped; the run goes on.
import { readFile, writeFile } from 'node:fs/promises';
import { ClaimtraceError } from '../../core/errors.js';
import { defaultCheckworthyModel, scoreSentence, type CheckworthyModel } from '../../annotators/claims/model.js';

/** A row of the input that could not be scored: its 1-based line number and why. */
export interface RowFailure {
  readonly line: number;
  readonly reason: string;
}

/** Options of the check-worthiness predict mode. */
export interface CheckworthyPredictOptions {
  /** Probability from which the label is Yes; the model's validated threshold when left out. */
  readonly threshold?: number;
  /** The model to use; the committed one when left out. */
  readonly model?: CheckworthyModel;
}

/**
 * Splits one line of a delimited file into fields. A field wrapped in double quotes is unwrapped and its doubled
 * quotes undone (as Python's csv module reads CheckThat! and ClaimBuster files); quotes inside a field are kept.
 */
export function splitRecord(line: string, separator: string): string[] {
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let end = at + 1;
      let value = '';
      for (;;) {
        const q = line.indexOf('"', end);
        if (q < 0) return [...fields, line.slice(at)]; // an unclosed quote: keep the rest as it stands
        value += line.slice(end, q);
        if (line[q + 1] === '"') [value, end] = [`${value}"`, q + 2];
        else if (q + 1 === line.length || line[q + 1] === separator) {
          fields.push(value);
          at = q + 2;
          break;
        } else {
          const next = line.indexOf(separator, q);
          fields.push(line.slice(at, next < 0 ? line.length : next));
          at = next < 0 ? line.length + 1 : next + 1;
          break;
        }
      }
      continue;
    }
    const next = line.indexOf(separator, at);
    fields.push(line.slice(at, next < 0 ? line.length : next));
    at = next < 0 ? line.length + 1 : next + 1;
  }
  return fields;
}

/** The rows of a TSV with a header, as records keyed by column name, with their 1-based line numbers. */
export function readTable(text: string, separator = '\t'): { columns: string[]; rows: { line: number; fields: string[] }[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const columns = splitRecord(lines[0] ?? '', separator).map((c) => c.trim());
  const rows: { line: number; fields: string[] }[] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i]!.trim() !== '') rows.push({ line: i + 1, fields: splitRecord(lines[i]!, separator) });
  return { columns, rows };
}

/** Scores TSV text in memory (`label` names it in errors): the output TSV text and the rows that were skipped. */
export function scoreCheckworthyTsv(input: string, options: CheckworthyPredictOptions = {}, label = 'input'): { output: string; scored: number; failures: RowFailure[] } {
  const model = options.model ?? defaultCheckworthyModel();
  const threshold = options.threshold ?? model.threshold;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new ClaimtraceError('E_OPTION_INVALID', { option: 'threshold', reason: `must be a number from 0 to 1, got ${threshold}` });
  const { columns, rows } = readTable(input);
  const idColumn = columns.indexOf('Sentence_id');
  const textColumn = columns.indexOf('Text');
  if (idColumn < 0 || textColumn < 0) {
    throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: label, reason: `the TSV header must name Sentence_id and Text columns, got: ${columns.join(', ') || '(empty)'}` });
  }
  const out = ['Sentence_id\tscore\tlabel'];
  const failures: RowFailure[] = [];
  for (const { line, fields } of rows) {
    const id = fields[idColumn]?.trim();
    const text = fields[textColumn];
    if (fields.length !== columns.length) failures.push({ line, reason: `expected ${columns.length} fields, got ${fields.length}` });
    else if (!id || /[\t\r\n]/.test(id)) failures.push({ line, reason: 'no Sentence_id' });
    else if (text === undefined) failures.push({ line, reason: 'no Text' });
    else {
      const score = scoreSentence(model, text);
      out.push(`${id}\t${score.toFixed(3)}\t${score >= threshold ? 'Yes' : 'No'}`);
    }
  }
  return { output: `${out.join('\n')}\n`, scored: out.length - 1, failures };
}

/** Reads `inputTsv`, writes `Sentence_id\tscore\tlabel` rows to `outTsv`; malformed rows are reported and skipped. */
export async function predictCheckworthy(inputTsv: string, outTsv: string, options: CheckworthyPredictOptions = {}): Promise<{ scored: number; failures: RowFailure[] }> {
  let input: string;
  try {
    input = await readFile(inputTsv, 'utf8');
  } catch {
    throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path: inputTsv });
  }
  const { output, scored, failures } = scoreCheckworthyTsv(input, options, inputTsv);
  await writeFile(outTsv, output);
  return { scored, failures };
}
