import claimData from './claims.json' with { type: 'json' };
import words from './words.json' with { type: 'json' };
import { FIGURE_FORMATS, formatFigure, type FigureFormat } from './formats.js';

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  readonly articles: number;
  /** The same seed gives the same corpus, byte for byte. */
  readonly seed?: number;
  /** Share of articles that carry a planted claim (default 0.3). */
  readonly plantRate?: number;
  /** Sentences of filler per article (default 48, about 800 words). */
  readonly sentences?: number;
}

/** A planted claim or a distractor: where it is in the article text ([start, end), UTF-16) and what figure it carries. */
export interface Plant {
  readonly claimId: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly format: FigureFormat;
  /** True for a sentence with the claim's figure but about something else: trace should not match it. */
  readonly distractor: boolean;
}

/** One generated article: a JSON Lines record for `claimtrace ingest`, and its ground truth. */
export interface GeneratedArticle {
  readonly record: { readonly url: string; readonly title: string; readonly site: string; readonly published: string; readonly text: string };
  readonly plants: readonly Plant[];
}

type Random = () => number;

/** mulberry32: a small seeded generator, so corpora are reproducible. */
function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Fills `{slot}`s from the word lists; `extra` wins. */
function fill(random: Random, template: string, extra: Record<string, string> = {}): string {
  const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => extra[slot] ?? slotValue(random, slot));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slotValue(random: Random, slot: string): string {
  switch (slot) {
    case 'place': return pick(random, words.places);
    case 'body': return pick(random, words.bodies);
    case 'person': return pick(random, words.people);
    case 'role': return pick(random, words.roles);
    case 'topic': return pick(random, words.topics);
    case 'weekday': return pick(random, words.weekdays);
    case 'small': return String(2 + Math.floor(random() * 40));
    case 'distractor': return formatFigure(1000 * (1 + Math.floor(random() * 90)), pick(random, FIGURE_FORMATS));
    default: return slot;
  }
}

/** The planted claim sentence: a paraphrase, a source, and the figure (early articles carry the first, larger value). */
function plantSentence(random: Random, dayShare: number): { text: string; claimId: string; value: number; format: FigureFormat } {
  const claim = pick(random, claimData.claims);
  const value = dayShare < 0.3 && random() < 0.7 ? claim.mutations[0]! : claim.value;
  const format = pick(random, FIGURE_FORMATS);
  const source = fill(random, pick(random, claimData.sources));
  const text = fill(random, pick(random, claim.paraphrases), { figure: formatFigure(value, format), source: source.charAt(0).toLowerCase() + source.slice(1) });
  return { text, claimId: claim.id, value, format };
}

/** A sentence with a claim's figure about something unrelated (the regatta, the library). */
function distractorSentence(random: Random): { text: string; claimId: string; value: number; format: FigureFormat } {
  const claim = pick(random, claimData.claims);
  const format = pick(random, FIGURE_FORMATS);
  return { text: fill(random, pick(random, words.distractorTemplates), { distractor: formatFigure(claim.value, format) }), claimId: claim.id, value: claim.value, format };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 730;

/** One article: filler paragraphs of four sentences, with a planted claim and a distractor at seeded positions. */
function article(random: Random, index: number, options: Required<CorpusOptions>): GeneratedArticle {
  const outlet = pick(random, words.outlets);
  const dayShare = random();
  const published = new Date(FIRST_DAY + Math.floor(dayShare * SPAN_DAYS) * DAY_MS).toISOString().slice(0, 10);
  const topic = pick(random, words.topics);
  const title = fill(random, `{place}: new questions over ${topic}`);
  const planted = random() < options.plantRate ? { at: Math.floor(random() * options.sentences), ...plantSentence(random, dayShare) } : undefined;
  const distractor = random() < 0.15 ? { at: Math.floor(random() * options.sentences), ...distractorSentence(random) } : undefined;
  let text = '';
  const plants: Plant[] = [];
  for (let s = 0; s < options.sentences; s++) {
    if (s > 0) text += s % 4 === 0 ? '\n\n' : ' ';
    for (const extra of [planted, distractor]) {
      if (extra?.at !== s) continue;
      plants.push({ claimId: extra.claimId, start: text.length, end: text.length + extra.text.length, value: extra.value, format: extra.format, distractor: extra === distractor });
      text += `${extra.text} `;
    }
    text += fill(random, pick(random, words.fillerTemplates), { topic: random() < 0.5 ? topic : pick(random, words.topics) });
  }
  const url = `https://${outlet.host}/${published.slice(0, 7)}/article-${index}`;
  return { record: { url, title, site: outlet.site, published, text: `${text}\n` }, plants };
}

/** Generates articles one at a time (memory stays flat at 100k): seeded, deterministic, about 800 words each. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  const full: Required<CorpusOptions> = { seed: 1, plantRate: 0.3, sentences: 48, ...options };
  const random = seeded(full.seed);
  for (let i = 0; i < full.articles; i++) yield article(random, i, full);
}
