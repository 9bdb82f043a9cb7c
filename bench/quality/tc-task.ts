// Technique classification (PTC TC) on the validation split carved from PTC train (models/technique-tc.validation-
// ids.txt): the runner writes a template from the gold spans and predictions with `predict tc`'s code, the scorer
// reads both files back. The same runner scores the dev articles against a gold file where one is given.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TECHNIQUES } from '../../src/core/annotations.js';
import { predictTc } from '../../src/engine/predict/tc.js';
import { readTcLines, scoreTc, type TcScores } from './tc-metric.js';

const VALIDATION_IDS = new URL('../../models/technique-tc.validation-ids.txt', import.meta.url);

function validationIds(): Set<string> {
  return new Set(readFileSync(VALIDATION_IDS, 'utf8').split('\n').filter(Boolean));
}

/** A hash of the validation split: its article texts and gold lines. */
export function tcDataHash(ptcDir: string): string {
  const ids = [...validationIds()].sort();
  const hash = createHash('sha256');
  for (const id of ids) hash.update(id).update(readFileSync(join(ptcDir, 'train-articles', `article${id}.txt`)));
  const gold = readFileSync(join(ptcDir, 'train-task-flc-tc.labels'), 'utf8').split('\n').filter((l) => ids.includes(l.split('\t')[0]!));
  return hash.update(gold.join('\n')).digest('hex');
}

/** Classifies the spans of `templatePath` (articles in `articlesDir`) into `outPath` and scores them against `goldPath`. */
export async function runTcOnTemplate(articlesDir: string, templatePath: string, goldPath: string, outPath: string): Promise<{ spans: number; scores: TcScores; ms: number; failures: number }> {
  const t0 = performance.now();
  const { written, failures } = await predictTc(articlesDir, templatePath, outPath);
  const ms = performance.now() - t0;
  const scores = scoreTc(readTcLines(readFileSync(goldPath, 'utf8')), readTcLines(readFileSync(outPath, 'utf8')), TECHNIQUES);
  return { spans: written, scores, ms, failures: failures.length };
}

/** Runs TC on the validation split of PTC train (`ptcDir` = ../shared/data/ptc-semeval2020-task11) into `outDir`. */
export async function runTcValidation(ptcDir: string, outDir: string): Promise<{ spans: number; scores: TcScores; ms: number; failures: number }> {
  const ids = validationIds();
  const gold = readFileSync(join(ptcDir, 'train-task-flc-tc.labels'), 'utf8').split('\n').filter((l) => l.trim() && ids.has(l.split('\t')[0]!));
  mkdirSync(outDir, { recursive: true });
  const goldPath = join(outDir, 'tc-validation-gold.labels');
  const templatePath = join(outDir, 'tc-validation-template.out');
  writeFileSync(goldPath, `${gold.join('\n')}\n`);
  writeFileSync(templatePath, gold.map((l) => l.replace(/\t[^\t]+\t/, '\t?\t')).join('\n') + '\n');
  return runTcOnTemplate(join(ptcDir, 'train-articles'), templatePath, goldPath, join(outDir, 'tc-validation.out'));
}

/** Micro-F1 and per-class P/R/F1 as a Markdown table. */
export function tcTable(scores: TcScores): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['| technique | P | R | F1 | gold spans |', '|---|---|---|---|---|'];
  for (const [technique, s] of Object.entries(scores.perClass)) lines.push(`| ${technique} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.gold} |`);
  lines.push(`| **micro** | ${f(scores.micro.precision)} | ${f(scores.micro.recall)} | **${f(scores.micro.f1)}** | ${scores.micro.gold} |`);
  return lines.join('\n');
}
