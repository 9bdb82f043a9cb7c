// Propaganda span identification (PTC SI) on the validation split carved from PTC train
// (models/technique-si.validation-ids.txt): the runner writes predictions with `predict si`'s code into a file in the
// official format, the scorer reads them back with the gold (the PTC dev gold is held out elsewhere).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { predictSi } from '../../src/engine/predict/si.js';
import { readSiLabels, scoreSi, type SiScore } from './si-metric.js';

const VALIDATION_IDS = new URL('../../models/technique-si.validation-ids.txt', import.meta.url);

function validationIds(): string[] {
  return readFileSync(VALIDATION_IDS, 'utf8').split('\n').filter(Boolean).sort();
}

/** A hash of the validation split: its article texts and gold spans. */
export function siDataHash(ptcDir: string): string {
  const hash = createHash('sha256');
  for (const id of validationIds()) {
    hash.update(id).update(readFileSync(join(ptcDir, 'train-articles', `article${id}.txt`)));
    const labels = join(ptcDir, 'train-labels-task-si', `article${id}.task-si.labels`);
    if (existsSync(labels)) hash.update(readFileSync(labels));
  }
  return hash.digest('hex');
}

/** Runs `predict si` on the validation articles (linked into `outDir`) and scores the written file. */
export async function runSiValidation(ptcDir: string, outDir: string): Promise<{ articles: number; scores: SiScore; ms: number; failures: number }> {
  const articles = join(outDir, 'si-validation-articles');
  mkdirSync(articles, { recursive: true });
  const ids = validationIds();
  for (const id of ids) {
    const link = join(articles, `article${id}.txt`);
    if (!existsSync(link)) symlinkSync(join(ptcDir, 'train-articles', `article${id}.txt`), link);
  }
  const out = join(outDir, 'si-validation.out');
  const t0 = performance.now();
  const { failures } = await predictSi(articles, out);
  const ms = performance.now() - t0;
  const gold = new Map<string, (readonly [number, number])[]>(ids.map((id) => [id, []]));
  for (const id of ids) {
    const labels = join(ptcDir, 'train-labels-task-si', `article${id}.task-si.labels`);
    if (existsSync(labels)) gold.set(id, readSiLabels(readFileSync(labels, 'utf8')).get(id) ?? []);
  }
  return { articles: ids.length, scores: scoreSi(gold, readSiLabels(readFileSync(out, 'utf8'))), ms, failures: failures.length };
}

/** The score as a Markdown table with the published anchors beside it. */
export function siTable(s: SiScore): string {
  const f = (x: number) => x.toFixed(3);
  return [
    '| system | set | P | R | F1 |',
    '|---|---|---|---|---|',
    `| **claimtrace** | validation (PTC train split, ${s.gold} gold spans) | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} |`,
    '| CyberWallE (BERT) | dev (published) | | | 0.424 |',
    '| logistic regression on token features (task overview) | test (published) | | | ~0.37 |',
  ].join('\n');
}
