import { WORD_SHARING_KINDS, type DistractorKind, type PlantKind } from './generate.js';
import type { Truth } from './write.js';

/** A story's planted appearance: its article, its sentence and how it is told. */
export interface Appearance {
  readonly url: string;
  readonly text: string;
  readonly kind: PlantKind;
  /** The wording used ("jobs/retold/2"). */
  readonly template: string;
}

/** A match a trace returned: its article and the matched claim's range. */
export interface TraceMatch {
  readonly url: string | null;
  readonly start: number;
  readonly end: number;
}

/** What one trace found, counted against the planted truth. */
export interface TraceCounts {
  /** Matches on the story's own appearances, by how the appearance is told. */
  found: Record<'paraphrase' | 'retold', number>;
  /** The story's appearances, by how they are told. */
  relevant: Record<'paraphrase' | 'retold', number>;
  returned: number;
  /** Wrong matches: on a distractor (by its kind), on another story's appearance, or on anything else (filler). */
  distractors: Record<DistractorKind, number>;
  otherStories: number;
  other: number;
  /** The distractors that borrow this story's words or figure, by kind (what trace could have wrongly matched). */
  plantedDistractors: Record<DistractorKind, number>;
  /** Retold appearances and those found, by wording: which retellings a trace misses. */
  retoldTemplates: Record<string, { relevant: number; found: number }>;
}

const DISTRACTOR_KINDS: readonly DistractorKind[] = ['unrelated', 'other-place', 'other-event', 'other-actor', 'other-figure'];

/** Counts that start at zero. */
export function emptyCounts(): TraceCounts {
  const zero = () => Object.fromEntries(DISTRACTOR_KINDS.map((k) => [k, 0])) as Record<DistractorKind, number>;
  return { found: { paraphrase: 0, retold: 0 }, relevant: { paraphrase: 0, retold: 0 }, returned: 0, distractors: zero(), otherStories: 0, other: 0, plantedDistractors: zero(), retoldTemplates: {} };
}

/** Planted appearances by story id (distractors left out), in corpus order. */
export function appearances(truth: Truth): Map<string, Appearance[]> {
  const byStory = new Map<string, Appearance[]>();
  for (const [url, plants] of truth) {
    for (const p of plants.filter((x) => !x.distractor)) {
      const list = byStory.get(p.claimId) ?? [];
      list.push({ url, text: p.text, kind: p.kind === 'retold' ? 'retold' : 'paraphrase', template: p.template });
      byStory.set(p.claimId, list);
    }
  }
  return byStory;
}

/** Distractors by story id: those that borrow the story's figure or words. */
export function distractorsByStory(truth: Truth): Map<string, DistractorKind[]> {
  const byStory = new Map<string, DistractorKind[]>();
  for (const plants of truth.values()) for (const p of plants) if (p.distractor) byStory.set(p.claimId, [...(byStory.get(p.claimId) ?? []), p.distractorKind ?? 'unrelated']);
  return byStory;
}

/**
 * Scores one trace of `story` into `counts`: a match is right when its article carries the story's claim and the
 * matched claim overlaps it (counted by how that appearance is told); a wrong match is put down to the planted sentence
 * it overlaps, if any.
 */
export function scoreTrace(counts: TraceCounts, story: string, matches: readonly TraceMatch[], truth: Truth, planted: readonly Appearance[], distractors: readonly DistractorKind[]): void {
  const byTemplate = (template: string) => (counts.retoldTemplates[template] ??= { relevant: 0, found: 0 });
  for (const a of planted) counts.relevant[a.kind === 'retold' ? 'retold' : 'paraphrase']++;
  for (const a of planted) if (a.kind === 'retold') byTemplate(a.template).relevant++;
  for (const k of distractors) counts.plantedDistractors[k]++;
  counts.returned += matches.length;
  for (const m of matches) {
    const hit = (m.url === null ? [] : truth.get(m.url) ?? []).filter((p) => p.start < m.end && m.start < p.end);
    const own = hit.find((p) => !p.distractor && p.claimId === story);
    const distractor = hit.find((p) => p.distractor);
    if (own?.kind === 'retold') byTemplate(own.template).found++;
    if (own) counts.found[own.kind === 'retold' ? 'retold' : 'paraphrase']++;
    else if (distractor) counts.distractors[distractor.distractorKind ?? 'unrelated']++;
    else if (hit.length > 0) counts.otherStories++;
    else counts.other++;
  }
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 10000) / 10000;
}

/**
 * The figures reported: recall and precision overall (as before), recall by how appearances are told, the wrong matches
 * by what they hit, and precision against the word-sharing distractors only (right matches over right matches plus
 * matches on distractors that share the story's words and place).
 */
export function summarise(c: TraceCounts) {
  const found = c.found.paraphrase + c.found.retold;
  const relevant = c.relevant.paraphrase + c.relevant.retold;
  const byKind = Object.fromEntries((['paraphrase', 'retold'] as const).map((k) => [k, { relevant: c.relevant[k], found: c.found[k], recall: ratio(c.found[k], c.relevant[k]) }]));
  const wordSharingPlanted = WORD_SHARING_KINDS.reduce((n, k) => n + c.plantedDistractors[k], 0);
  const wordSharingMatched = WORD_SHARING_KINDS.reduce((n, k) => n + c.distractors[k], 0);
  const distractors = Object.fromEntries(DISTRACTOR_KINDS.map((k) => [k, { planted: c.plantedDistractors[k], matched: c.distractors[k] }]));
  return {
    recall: ratio(found, relevant),
    precision: ratio(found, c.returned),
    relevant,
    returned: c.returned,
    byKind,
    retoldByTemplate: Object.fromEntries(Object.entries(c.retoldTemplates).sort(([a], [b]) => a.localeCompare(b))),
    wrong: { distractors, otherStories: c.otherStories, other: c.other },
    wordSharing: { planted: wordSharingPlanted, matched: wordSharingMatched, precision: ratio(found, found + wordSharingMatched) },
  };
}
