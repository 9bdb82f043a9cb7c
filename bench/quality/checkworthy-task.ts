// Check-worthiness on two sets with gold in ../shared: the model's validation split (ClaimBuster sentences carved from
// the training side, ids in models/checkworthy.validation-ids.txt) and CheckThat! 2024 English dev-test (never used
// for a choice; the organisers' n-gram baseline scores 0.599 there). The runner writes `predict checkworthy` TSV files;
// the scorer reads them back and computes F1 of the positive class (the official CT24 metric) and the Brier score.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { predictCheckworthy, readTable } from '../../src/engine/predict/checkworthy.js';

/** Scores on one set. */
export interface CheckworthyScores {
  readonly sentences: number;
  readonly positives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly brier: number;
}

interface GoldRow {
  readonly id: string;
  readonly text: string;
  readonly label: 0 | 1;
}

const VALIDATION_IDS = new URL('../../models/checkworthy.validation-ids.txt', import.meta.url);

/** The gold rows of each set, read from the data folder (`../shared/data`). */
function goldSets(data: string): Record<'validation' | 'ct24DevTest', GoldRow[]> {
  const wanted = new Set(readFileSync(VALIDATION_IDS, 'utf8').split('\n').filter(Boolean));
  const validation: GoldRow[] = [];
  for (const file of ['crowdsourced.csv', 'groundtruth.csv']) {
    const { columns, rows } = readTable(readFileSync(join(data, 'claimbuster', file), 'utf8'), ',');
    const [id, text, verdict] = ['Sentence_id', 'Text', 'Verdict'].map((c) => columns.indexOf(c));
    for (const { fields } of rows) if (wanted.has(fields[id!]!)) validation.push({ id: fields[id!]!, text: fields[text!]!, label: fields[verdict!]!.trim() === '1' ? 1 : 0 });
  }
  const { columns, rows } = readTable(readFileSync(join(data, 'clef-checkthat-en', 'ct24-task1-english', 'CT24_checkworthy_english_dev-test.tsv'), 'utf8'));
  const [id, text, label] = ['Sentence_id', 'Text', 'class_label'].map((c) => columns.indexOf(c));
  const ct24DevTest = rows.map(({ fields }): GoldRow => ({ id: fields[id!]!, text: fields[text!]!, label: fields[label!]!.trim() === 'Yes' ? 1 : 0 }));
  return { validation, ct24DevTest };
}

/** A hash of the gold files the task reads and the validation id list. */
export function checkworthyDataHash(data: string): string {
  const hash = createHash('sha256');
  for (const file of ['claimbuster/crowdsourced.csv', 'claimbuster/groundtruth.csv', 'clef-checkthat-en/ct24-task1-english/CT24_checkworthy_english_dev-test.tsv']) hash.update(file).update(readFileSync(join(data, file)));
  return hash.update(readFileSync(VALIDATION_IDS)).digest('hex');
}

/** Scores a `Sentence_id\tscore\tlabel` file against gold rows (a missing prediction counts as No, score 0). */
export function scoreCheckworthy(gold: readonly GoldRow[], predictions: string): CheckworthyScores {
  const predicted = new Map(readTable(predictions).rows.map(({ fields }) => [fields[0]!, { score: Number(fields[1]), yes: fields[2] === 'Yes' }]));
  let [tp, fp, fn, squares] = [0, 0, 0, 0];
  for (const row of gold) {
    const p = predicted.get(row.id) ?? { score: 0, yes: false };
    if (p.yes) row.label === 1 ? tp++ : fp++;
    else if (row.label === 1) fn++;
    squares += (p.score - row.label) ** 2;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { sentences: gold.length, positives: tp + fn, precision, recall, f1, brier: squares / Math.max(1, gold.length) };
}

/** Runs `predict checkworthy` on each set's sentences into `outDir` and scores the written files. */
export async function runCheckworthy(data: string, outDir: string): Promise<{ sets: Record<string, CheckworthyScores>; ms: number; sentencesPerSecond: number }> {
  mkdirSync(outDir, { recursive: true });
  const sets: Record<string, CheckworthyScores> = {};
  let [ms, sentences] = [0, 0];
  for (const [name, gold] of Object.entries(goldSets(data))) {
    const input = join(outDir, `${name}.input.tsv`);
    writeFileSync(input, `Sentence_id\tText\n${gold.map((row) => `${row.id}\t${row.text.replace(/[\t\r\n]+/g, ' ')}`).join('\n')}\n`);
    const t0 = performance.now();
    await predictCheckworthy(input, join(outDir, `${name}.tsv`));
    ms += performance.now() - t0;
    sentences += gold.length;
    sets[name] = scoreCheckworthy(gold, readFileSync(join(outDir, `${name}.tsv`), 'utf8'));
  }
  return { sets, ms, sentencesPerSecond: (sentences / ms) * 1000 };
}

/** The scores as a Markdown table, with the published anchor beside CheckThat! 2024 dev-test. */
export function checkworthyTable(sets: Record<string, CheckworthyScores>): string {
  const f = (x: number) => x.toFixed(3);
  const anchors: Record<string, string> = { validation: '—', ct24DevTest: 'n-gram baseline 0.599, random 0.462' };
  const lines = ['| set | sentences | positives | precision | recall | F1 (positive) | Brier | anchor |', '|---|---|---|---|---|---|---|---|'];
  for (const [name, s] of Object.entries(sets)) lines.push(`| ${name} | ${s.sentences} | ${s.positives} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${f(s.brier)} | ${anchors[name] ?? ''} |`);
  return lines.join('\n');
}
