import { seededRandom as seeded } from '../../src/learn/hashing.js';
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
  /** The story ("s12") whose claim this is, or whose figure/wording a distractor borrows. */
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

/**
 * A story: one claim family (a set of paraphrases) told about one place with one figure. Its first reports often carry
 * an earlier, different figure (23,000 before 20,000): the mutation trace has to follow. A story runs for a few weeks.
 */
export interface Story {
  readonly id: string;
  readonly family: (typeof claimData.claims)[number];
  readonly place: string;
  readonly value: number;
  readonly firstValue: number;
  readonly startDay: number;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);
const SPAN_DAYS = 730;

const STORY_DAYS = 45;

/** Two significant digits: 23,456 → 23,000, so that figures look like the ones newsrooms print. */
function roundFigure(x: number): number {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.max(1, Math.round(x / scale) * scale);
}

/** A place name made of two syllables ("Tarnholm"): thousands of stories get their own town. */
function placeName(random: Random): string {
  return `${pick(random, words.placeHeads)}${pick(random, words.placeTails)}`;
}

/** The stories of a corpus: about one per `articles * plantRate / 12` planted articles, each with its own place and figure. */
export function makeStories(random: Random, count: number): Story[] {
  const told = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const family = claimData.claims[i % claimData.claims.length]!;
    let place = placeName(random);
    for (let tries = 0; told.has(`${family.id}:${place}`) && tries < 50; tries++) place = placeName(random);
    told.add(`${family.id}:${place}`);
    const value = roundFigure(family.value * (0.3 + random() * 3));
    const ratio = family.mutations[0]! / family.value;
    return { id: `s${i}`, family, place, value, firstValue: roundFigure(value * ratio), startDay: Math.floor(random() * (SPAN_DAYS - STORY_DAYS)) };
  });
}

/** A source phrase for the middle of a sentence: "the harbour board", but "Anika Brandt, a spokesperson for …" keeps its capital. */
function sourcePhrase(random: Random): string {
  const template = pick(random, claimData.sources);
  const source = fill(random, template);
  return template.startsWith('{person}') ? source : source.charAt(0).toLowerCase() + source.slice(1);
}

/** The planted claim sentence: a paraphrase of the story, a source, and its figure (early reports carry the first value). */
function plantSentence(random: Random, story: Story, dayInStory: number): { text: string; claimId: string; value: number; format: FigureFormat } {
  const value = dayInStory < STORY_DAYS * 0.25 && random() < 0.7 ? story.firstValue : story.value;
  const format = pick(random, FIGURE_FORMATS);
  const text = fill(random, pick(random, story.family.paraphrases), { place: story.place, figure: formatFigure(value, format), source: sourcePhrase(random) });
  return { text, claimId: story.id, value, format };
}

/**
 * A sentence that shares something with a story but is another claim: its figure about something unrelated (the
 * regatta), or its wording and figure about another place.
 */
function distractorSentence(random: Random, story: Story, other: Story, told: ReadonlySet<string>): { text: string; claimId: string; value: number; format: FigureFormat } {
  const format = pick(random, FIGURE_FORMATS);
  if (random() < 0.5) return { text: fill(random, pick(random, words.distractorTemplates), { distractor: formatFigure(story.value, format) }), claimId: story.id, value: story.value, format };
  // Another place where no story of this family is told: otherwise the "distractor" would be that story's claim.
  let place = other.place;
  for (let tries = 0; (place === story.place || told.has(`${story.family.id}:${place}`)) && tries < 50; tries++) place = placeName(random);
  const text = fill(random, pick(random, story.family.paraphrases), { place, figure: formatFigure(story.value, format), source: sourcePhrase(random) });
  return { text, claimId: story.id, value: story.value, format };
}

const isoDay = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);

/** One article: filler paragraphs of four sentences, with a planted claim and a distractor at seeded positions. */
function article(random: Random, index: number, options: Required<CorpusOptions>, stories: readonly Story[], told: ReadonlySet<string>): GeneratedArticle {
  const outlet = pick(random, words.outlets);
  const topic = pick(random, words.topics);
  const title = fill(random, `{place}: new questions over ${topic}`);
  const story = random() < options.plantRate ? pick(random, stories) : undefined;
  const dayInStory = Math.floor(random() * STORY_DAYS);
  const day = story ? story.startDay + dayInStory : Math.floor(random() * SPAN_DAYS);
  const planted = story ? { at: Math.floor(random() * options.sentences), ...plantSentence(random, story, dayInStory) } : undefined;
  const distractor = random() < 0.15 ? { at: Math.floor(random() * options.sentences), ...distractorSentence(random, pick(random, stories), pick(random, stories), told) } : undefined;
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
  const published = isoDay(day);
  const url = `https://${outlet.host}/${published.slice(0, 7)}/article-${index}`;
  return { record: { url, title, site: outlet.site, published, text: `${text}\n` }, plants };
}

/** How many stories a corpus tells: about twelve planted articles each (at least one per claim family). */
export function storyCount(options: Required<CorpusOptions>): number {
  return Math.max(claimData.claims.length, Math.round((options.articles * options.plantRate) / 12));
}

/** Generates articles one at a time (memory stays flat at 100k): seeded, deterministic, about 800 words each. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  const full: Required<CorpusOptions> = { seed: 1, plantRate: 0.3, sentences: 48, ...options };
  const random = seeded(full.seed);
  const stories = makeStories(random, storyCount(full));
  const told = new Set(stories.map((s) => `${s.family.id}:${s.place}`));
  for (let i = 0; i < full.articles; i++) yield article(random, i, full, stories, told);
}
