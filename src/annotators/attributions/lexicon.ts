import { createPhraseMatcher, type PhraseMatcher } from '../../nlp/phrases.js';
import cues from './cues.json' with { type: 'json' };
import sources from './sources.json' with { type: 'json' };

/** How a cue relates source and content. */
export type CueKind = 'verb' | 'prep' | 'stance' | 'conditional' | 'passive-subject' | 'existential' | 'adverb';

/** An antecedent class of an anaphoric source. */
export type SourceClass = 'outlet' | 'document' | 'agency' | 'person';

/** One cue from cues.json. */
export interface Cue {
  readonly kind: CueKind;
  readonly hedged: boolean;
  /** Verbs: the content may be a clause without "that". */
  readonly bare: boolean;
  /** Verbs: a clause without "that" only after a document subject ("an analysis found 17 banks had ..."). */
  readonly bareAfterDocument: boolean;
  /** Verbs: the content may be an object holding a number ("estimate savings of 1.1 billion"). */
  readonly figure: boolean;
  /** Verbs: the content is an object and "at" a number ("put the figure at 14"). */
  readonly figureAt: boolean;
  /** Verbs: an object holding a number is the content only after a document subject ("the survey found 52 percent in favour"). */
  readonly figureAfterDocument: boolean;
  /** Verbs: only a quotation can be the content ("called it the “…”"). */
  readonly quoteOnly: boolean;
  /** Verbs: an addressee may come before "that" ("told reporters that"). */
  readonly addressee: boolean;
  /** Prepositions: only at a clause edge (sentence start or after a comma). */
  readonly clauseEdge: boolean;
  /** The words that make the cue (lemmas for verbs, lower-case words otherwise). */
  readonly phrases: readonly string[];
}

/** The compiled word lists the attribution annotator works with. */
export interface Lexicon {
  /** Reporting verbs, matched on lemmas. */
  readonly verbs: PhraseMatcher<Cue>;
  /** Prepositional, stance, passive, existential and adverb cues, matched on lower-case words. */
  readonly phrases: PhraseMatcher<Cue>;
  readonly quantifiers: PhraseMatcher<string>;
  readonly discourseMarkers: PhraseMatcher<string>;
  /** Two-word anaphoric heads ("media organization") as "media organization". */
  readonly anaphoricHeads: ReadonlyMap<string, readonly SourceClass[]>;
  readonly pronouns: ReadonlyMap<string, readonly SourceClass[]>;
  readonly vagueHeads: ReadonlySet<string>;
  readonly documentHeads: ReadonlySet<string>;
  readonly agentPrepositions: ReadonlySet<string>;
  readonly definiteDeterminers: ReadonlySet<string>;
  readonly notSources: ReadonlySet<string>;
  readonly verbGroupWords: ReadonlySet<string>;
  readonly authorModals: ReadonlySet<string>;
}

type CueFlags = { hedged?: boolean; bare?: boolean; bareAfterDocument?: boolean; figure?: boolean; figureAt?: boolean; figureAfterDocument?: boolean; quoteOnly?: boolean; clauseEdge?: boolean; addressee?: boolean };

const cue = (kind: CueKind, e: CueFlags, phrases: readonly string[]): Cue =>
  Object.freeze({
    kind,
    hedged: e.hedged ?? false,
    bare: e.bare ?? false,
    bareAfterDocument: e.bareAfterDocument ?? false,
    figure: e.figure ?? false,
    figureAt: e.figureAt ?? false,
    figureAfterDocument: e.figureAfterDocument ?? false,
    quoteOnly: e.quoteOnly ?? false,
    addressee: e.addressee ?? false,
    clauseEdge: e.clauseEdge ?? false,
    phrases: Object.freeze([...phrases]),
  });

/** Expands `{be}` and `{have}` in a phrase template into every listed form. */
function expand(template: string): string[] {
  if (template.includes('{be}')) return cues.beForms.map((form) => template.replace('{be}', form));
  if (template.includes('{have}')) return cues.haveBeen.map((form) => template.replace('{have}', form));
  return [template];
}

function phraseCues(): Cue[] {
  const out: Cue[] = [];
  for (const p of cues.prepositions) out.push(cue('prep', p, [p.phrase]));
  for (const s of cues.stances) out.push(cue('stance', {}, cues.beForms.map((be) => `${be} ${s.adjective} that`)));
  for (const p of cues.phrases) out.push(cue(p.kind as CueKind, p, expand(p.phrase)));
  const moods = cues.statedMoods;
  out.push(cue('stance', {}, moods.verbs.flatMap((verb) => moods.nouns.map((noun) => `${verb} ${noun}`))));
  return out;
}

const words = (list: readonly { words: readonly string[] }[]) => new Set(list.flatMap((e) => e.words));

function classMap(list: readonly { words: readonly string[]; classes: readonly string[] }[]): Map<string, SourceClass[]> {
  const map = new Map<string, SourceClass[]>();
  for (const e of list) {
    for (const w of e.words) map.set(w, [...new Set([...(map.get(w) ?? []), ...(e.classes as SourceClass[])])]);
  }
  return map;
}

let cached: Lexicon | undefined;

/** The default lexicon from cues.json and sources.json, compiled once per process. */
export function defaultLexicon(): Lexicon {
  cached ??= Object.freeze({
    verbs: createPhraseMatcher(cues.verbs.map((v) => cue('verb', v, [v.lemma])), (c) => c.phrases, 'lemma'),
    phrases: createPhraseMatcher(phraseCues(), (c) => c.phrases, 'lower'),
    quantifiers: createPhraseMatcher(sources.quantifiers.map((q) => q.phrase), (p) => [p], 'lower'),
    discourseMarkers: createPhraseMatcher(sources.discourseMarkers.map((d) => d.phrase), (p) => [p], 'lower'),
    anaphoricHeads: classMap(sources.anaphoricHeads),
    pronouns: classMap(sources.pronouns),
    vagueHeads: words(sources.vagueHeads),
    documentHeads: words(sources.documentHeads),
    agentPrepositions: words(sources.agentPrepositions),
    definiteDeterminers: words(sources.definiteDeterminers),
    notSources: words(sources.notSources),
    verbGroupWords: new Set(cues.verbGroup.map((v) => v.word)),
    authorModals: new Set(cues.authorModals.map((m) => m.word)),
  });
  return cached;
}
