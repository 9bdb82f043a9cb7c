import type { EntityType } from '../../core/annotations.js';
import documents from './documents.json' with { type: 'json' };
import givenNames from './given-names.json' with { type: 'json' };
import patterns from './patterns.json' with { type: 'json' };

/** How a connector may join two capitalised words inside a name. */
export type JoinRule = 'always' | 'after-connector' | 'after-head' | 'particle';

/** The pattern data, compiled into sets and maps once per annotator. */
export interface NameRules {
  readonly suffixHeads: ReadonlyMap<string, EntityType>;
  readonly prefixHeads: ReadonlyMap<string, EntityType>;
  readonly titles: ReadonlySet<string>;
  /** Titles in lower case, for a title written before a name ("the former president Olsen"). */
  readonly lowerTitles: ReadonlySet<string>;
  readonly titleModifiers: ReadonlySet<string>;
  readonly personCues: ReadonlySet<string>;
  /** Speech verbs that may precede the speaker ("said Olsen"). */
  readonly invertedCues: ReadonlySet<string>;
  readonly connectors: ReadonlyMap<string, JoinRule>;
  readonly notNames: ReadonlySet<string>;
  readonly closedPos: ReadonlySet<string>;
  readonly initialPos: ReadonlySet<string>;
  readonly demonyms: ReadonlySet<string>;
  /** Plural common nouns that open sentences before speech verbs (Authorities, Police). */
  readonly commonSubjects: ReadonlySet<string>;
  readonly calendarWords: ReadonlySet<string>;
  /** Jr., Sr., III: never a surname on their own. */
  readonly nameSuffixes: ReadonlySet<string>;
  readonly givenNames: ReadonlySet<string>;
  /** Lemmas of document nouns ("a report by X"). */
  readonly docNouns: ReadonlySet<string>;
  /** Lemmas of document nouns that may follow a name ("the Mueller report"). */
  readonly docNounsAfterName: ReadonlySet<string>;
  readonly docModifiers: ReadonlySet<string>;
  readonly docVerbs: ReadonlySet<string>;
  readonly docPreps: ReadonlySet<string>;
  readonly docBarePreps: ReadonlySet<string>;
  readonly docDeterminers: ReadonlySet<string>;
  /** Lower-case nouns that type the name right after them ("the carmaker Veltra"). */
  readonly descriptors: ReadonlyMap<string, EntityType>;
}

/** Extra given names or title words an annotator may add to the defaults. */
export interface RuleExtras {
  readonly givenNames?: readonly string[];
  readonly titles?: readonly string[];
}

const headMap = (list: readonly { word: string; type: string }[]) =>
  new Map(list.map((h) => [h.word, h.type as EntityType] as const));

/** Compiles the JSON pattern data (and extras) into lookup tables. */
export function compileRules(extras: RuleExtras = {}): NameRules {
  const titles = [...patterns.titles.map((t) => t.word), ...(extras.titles ?? [])];
  return Object.freeze({
    suffixHeads: headMap(patterns.suffixHeads),
    prefixHeads: headMap(patterns.prefixHeads),
    titles: new Set(titles),
    lowerTitles: new Set(titles.map((t) => t.toLowerCase())),
    titleModifiers: new Set(patterns.titleModifiers.words),
    personCues: new Set(patterns.personCues.words),
    invertedCues: new Set(patterns.invertedCues.words),
    connectors: new Map(patterns.connectors.map((c) => [c.word, c.join as JoinRule] as const)),
    notNames: new Set(patterns.notNames.words),
    closedPos: new Set(patterns.closedClassPos.tags),
    initialPos: new Set(patterns.sentenceInitialPos.tags),
    demonyms: new Set(patterns.demonyms.words.flatMap((w) => [w, `${w}s`])),
    calendarWords: new Set(patterns.calendarWords.words),
    commonSubjects: new Set(patterns.commonSubjects.words),
    nameSuffixes: new Set(patterns.nameSuffixes.words),
    givenNames: new Set([...givenNames.names, ...(extras.givenNames ?? [])]),
    docNouns: new Set(documents.nouns.map((n) => n.lemma)),
    docNounsAfterName: new Set(documents.nouns.filter((n) => 'afterName' in n && n.afterName).map((n) => n.lemma)),
    docModifiers: new Set(documents.modifiers.map((m) => m.word)),
    docVerbs: new Set(documents.verbs.words),
    docPreps: new Set(documents.prepositions.words),
    docBarePreps: new Set(documents.barePrepositions.words),
    docDeterminers: new Set(documents.determiners.words),
    descriptors: new Map([
      ...patterns.descriptorNouns.organization.map((w) => [w, 'organization'] as const),
      ...patterns.descriptorNouns.outlet.map((w) => [w, 'outlet'] as const),
    ]),
  });
}
