import { seededRandom as seeded } from '../../src/learn/hashing.js';
import claimData from './claims.json' with { type: 'json' };
import words from './words.json' with { type: 'json' };
import { FIGURE_FORMATS, RETOLD_FIGURE_FORMATS, formatFigure, type FigureFormat } from './formats.js';

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  readonly articles: number;
  /** The same seed gives the same corpus, byte for byte. */
  readonly seed?: number;
  /** Share of articles that carry a planted claim (default 0.3). */
  readonly plantRate?: number;
  /** Sentences of filler per article (default 48, about 800 words). */
  readonly sentences?: number;
  /** Share of a story's appearances (and of other-place distractors) retold in other words (default {@link RETOLD_SHARE}). */
  readonly retoldShare?: number;
  /** Share of articles with a distractor that shares a story's words and place (default {@link LOOKALIKE_RATE}). */
  readonly lookalikeRate?: number;
}

/**
 * What a plant is: the story told in one of its paraphrases (mostly the claim's words), the story retold in other words
 * (synonyms, other verb frames and number formats, other attributions; few content words shared), or a distractor.
 */
export type PlantKind = 'paraphrase' | 'retold' | 'distractor';

/**
 * What makes a distractor another claim: `unrelated`, the story's figure about something else (the regatta);
 * `other-place`, the story's wording (a paraphrase, or a retold one) and figure about another town; and three that share
 * the story's words and place: `other-event` and `other-actor` keep its figure but change what happened or to whom (the
 * paper mill instead of the shipyard; nurses instead of patients), `other-figure` keeps a paraphrase but carries a
 * figure at least twice or at most half the story's (beyond any mutation; trace's figure conflict).
 */
export type DistractorKind = 'unrelated' | 'other-place' | 'other-event' | 'other-actor' | 'other-figure';

/** The distractor kinds that share the story's words and place (the harder ones). */
export const WORD_SHARING_KINDS: readonly DistractorKind[] = ['other-event', 'other-actor', 'other-figure'];

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
  /** Paraphrase, retold, or distractor (then also {@link distractorKind}). */
  readonly kind: PlantKind;
  /** What makes a distractor another claim; only on distractors. */
  readonly distractorKind?: DistractorKind;
  /** The wording used: "jobs/paraphrase/2", "jobs/retold/0", "jobs/lookalike/3", "distractor/1". */
  readonly template: string;
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

/** Share of a story's appearances retold in other words (the rest are paraphrases). */
export const RETOLD_SHARE = 1 / 3;
/** Share of articles that carry a distractor sharing a story's words and place (besides the 15 % of older distractors). */
export const LOOKALIKE_RATE = 0.12;

/** A sentence to plant, with what it is; its range is set when the article is written. */
type Sentence = Omit<Plant, 'start' | 'end'> & { readonly text: string };

/** A source phrase for the middle of a sentence: "the harbour board", but "Anika Brandt, a spokesperson for …" keeps its capital. */
function sourcePhrase(random: Random, sources: readonly string[] = claimData.sources): string {
  const template = pick(random, sources);
  const source = fill(random, template);
  return template.startsWith('{person}') ? source : source.charAt(0).toLowerCase() + source.slice(1);
}

type Family = Story['family'];

/** A source in apposition ("Anika Brandt, a spokesperson for …") is closed with a comma when the sentence goes on after it. */
function closeApposition(template: string, source: string): string {
  return source.includes(',') && /\{source\} \p{L}/u.test(template) ? `${source},` : source;
}

/** One of the family's paraphrases about a place and a figure, with one of the paraphrase sources. */
function paraphrase(random: Random, family: Family, place: string, value: number, format: FigureFormat): { text: string; template: string } {
  const i = Math.floor(random() * family.paraphrases.length);
  const template = family.paraphrases[i]!;
  const text = fill(random, template, { place, figure: formatFigure(value, format), source: closeApposition(template, sourcePhrase(random)) });
  return { text, template: `${family.id}/paraphrase/${i}` };
}

/** One of the family's retold wordings about a place and a figure, in any number format, with another kind of source. */
function retold(random: Random, family: Family, place: string, value: number): { text: string; template: string; format: FigureFormat } {
  const format = pick(random, RETOLD_FIGURE_FORMATS);
  const i = Math.floor(random() * family.retold.length);
  const template = family.retold[i]!.text;
  const text = fill(random, template, { place, figure: formatFigure(value, format), source: closeApposition(template, sourcePhrase(random, claimData.retoldSources.phrases)) });
  return { text, template: `${family.id}/retold/${i}`, format };
}

/**
 * The planted claim sentence: a paraphrase of the story, a source, and its figure (early reports carry the first value).
 * The paraphrase is always drawn from the main random source, so that the rest of the corpus does not depend on which
 * plants are retold; `side` decides (and words) the retold ones.
 */
function plantSentence(random: Random, side: Random, story: Story, dayInStory: number, retoldShare: number): Sentence {
  const value = dayInStory < STORY_DAYS * 0.25 && random() < 0.7 ? story.firstValue : story.value;
  const format = pick(random, FIGURE_FORMATS);
  const told = paraphrase(random, story.family, story.place, value, format);
  const base = { claimId: story.id, value, distractor: false };
  if (side() >= retoldShare) return { ...base, ...told, format, kind: 'paraphrase' };
  return { ...base, ...retold(side, story.family, story.place, value), kind: 'retold' };
}

/**
 * A sentence that shares something with a story but is another claim: its figure about something unrelated (the
 * regatta), or its wording and figure about another place (a third of those retold in other words, decided by `side`).
 */
function distractorSentence(random: Random, side: Random, story: Story, other: Story, told: ReadonlySet<string>, retoldShare: number): Sentence {
  const format = pick(random, FIGURE_FORMATS);
  const base = { claimId: story.id, value: story.value, distractor: true, kind: 'distractor' } as const;
  if (random() < 0.5) {
    const i = Math.floor(random() * words.distractorTemplates.length);
    return { ...base, format, distractorKind: 'unrelated', template: `distractor/${i}`, text: fill(random, words.distractorTemplates[i]!, { distractor: formatFigure(story.value, format) }) };
  }
  // Another place where no story of this family is told: otherwise the "distractor" would be that story's claim.
  let place = other.place;
  for (let tries = 0; (place === story.place || told.has(`${story.family.id}:${place}`)) && tries < 50; tries++) place = placeName(random);
  const worded = paraphrase(random, story.family, place, story.value, format);
  if (side() >= retoldShare) return { ...base, ...worded, format, distractorKind: 'other-place' };
  return { ...base, ...retold(side, story.family, place, story.value), distractorKind: 'other-place' };
}

/**
 * A distractor that shares a story's words and place but claims something else: one of the family's lookalikes (another
 * event or actor, the story's figure), or a paraphrase with a figure 2.5–4 times larger or smaller than the story's.
 */
function lookalikeSentence(random: Random, story: Story): Sentence {
  const format = pick(random, FIGURE_FORMATS);
  const base = { claimId: story.id, distractor: true, kind: 'distractor', format } as const;
  if (random() < 1 / 3) {
    const factor = 2.5 + random() * 1.5;
    const value = roundFigure(random() < 0.5 ? story.value * factor : story.value / factor);
    return { ...base, value, distractorKind: 'other-figure', ...paraphrase(random, story.family, story.place, value, format) };
  }
  const i = Math.floor(random() * story.family.lookalikes.length);
  const lookalike = story.family.lookalikes[i]!;
  const text = fill(random, lookalike.text, { place: story.place, figure: formatFigure(story.value, format), source: closeApposition(lookalike.text, sourcePhrase(random)) });
  return { ...base, value: story.value, distractorKind: lookalike.differs === 'actor' ? 'other-actor' : 'other-event', template: `${story.family.id}/lookalike/${i}`, text };
}

const isoDay = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);

/**
 * One article: filler paragraphs of four sentences, with a planted claim, a distractor and a lookalike distractor at
 * seeded positions. The main random source draws what the corpus had before retold plants and lookalikes; `side` draws
 * those, so adding them left the filler, dates and paraphrased plants of a seed as they were.
 */
function article(random: Random, side: Random, index: number, options: Required<CorpusOptions>, stories: readonly Story[], told: ReadonlySet<string>): GeneratedArticle {
  const outlet = pick(random, words.outlets);
  const topic = pick(random, words.topics);
  const title = fill(random, `{place}: new questions over ${topic}`);
  const story = random() < options.plantRate ? pick(random, stories) : undefined;
  const dayInStory = Math.floor(random() * STORY_DAYS);
  const day = story ? story.startDay + dayInStory : Math.floor(random() * SPAN_DAYS);
  const planted = story ? { at: Math.floor(random() * options.sentences), ...plantSentence(random, side, story, dayInStory, options.retoldShare) } : undefined;
  const distractor = random() < 0.15 ? { at: Math.floor(random() * options.sentences), ...distractorSentence(random, side, pick(random, stories), pick(random, stories), told, options.retoldShare) } : undefined;
  const lookalike = side() < options.lookalikeRate ? { at: Math.floor(side() * options.sentences), ...lookalikeSentence(side, pick(side, stories)) } : undefined;
  let text = '';
  const plants: Plant[] = [];
  for (let s = 0; s < options.sentences; s++) {
    if (s > 0) text += s % 4 === 0 ? '\n\n' : ' ';
    for (const extra of [planted, distractor, lookalike]) {
      if (extra?.at !== s) continue;
      const { at: _, text: sentence, ...plant } = extra;
      plants.push({ ...plant, start: text.length, end: text.length + sentence.length });
      text += `${sentence} `;
    }
    text += fill(random, pick(random, words.fillerTemplates), { topic: random() < 0.5 ? topic : pick(random, words.topics) });
  }
  const published = isoDay(day);
  const url = `https://${outlet.host}/${published.slice(0, 7)}/article-${index}`;
  return { record: { url, title, site: outlet.site, published, text: `${text}\n` }, plants };
}

/** How many stories a corpus tells: about twelve planted articles each (at least one per claim family). */
export function storyCount(options: Pick<Required<CorpusOptions>, 'articles' | 'plantRate'>): number {
  return Math.max(claimData.claims.length, Math.round((options.articles * options.plantRate) / 12));
}

/** Generates articles one at a time (memory stays flat at 100k): seeded, deterministic, about 800 words each. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  const full: Required<CorpusOptions> = { seed: 1, plantRate: 0.3, sentences: 48, retoldShare: RETOLD_SHARE, lookalikeRate: LOOKALIKE_RATE, ...options };
  const random = seeded(full.seed);
  // A second stream, 2^31 steps away from the first (the generator adds an odd constant per step): retold plants and lookalikes.
  const side = seeded((full.seed + 0x80000000) >>> 0);
  const stories = makeStories(random, storyCount(full));
  const told = new Set(stories.map((s) => `${s.family.id}:${s.place}`));
  for (let i = 0; i < full.articles; i++) yield article(random, side, i, full, stories, told);
}
