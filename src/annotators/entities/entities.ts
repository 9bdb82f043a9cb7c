import type { EntityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { idMaker } from '../../core/ids.js';
import { provenance, type Stage } from '../../core/pipeline.js';
import { textAnalysisOf, tokenAt, type Token } from '../../nlp/tokens.js';
import agencies from './agencies.json' with { type: 'json' };
import { resolveOverlaps, type Candidate } from './candidate.js';
import { classifyRun, type ClassifyContext } from './classify.js';
import { findDescribedDocuments } from './documents.js';
import { createGazetteer, type Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { linkMentions } from './links.js';
import organizations from './organizations.json' with { type: 'json' };
import outlets from './outlets.json' with { type: 'json' };
import persons from './persons.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };
import { compileRules, type NameRules } from './rules.js';
import { findNameRuns } from './runs.js';

export type { GazetteerEntry } from './gazetteer.js';
export { normalizeName } from './norm.js';

/** Options of the entity annotator. */
export interface EntityOptions {
  /** Entries added to the built-in gazetteers (outlets, agencies, organisations, places, persons). */
  readonly extraEntries?: readonly GazetteerEntry[];
  /** Given names added to the built-in list (evidence that a capitalised run is a person). */
  readonly givenNames?: readonly string[];
  /** Titles added to the built-in list ("Mayor", "Dr"). */
  readonly titles?: readonly string[];
}

/** The built-in gazetteer entries, in priority order (an outlet beats a place of the same spelling). */
export const DEFAULT_ENTRIES: readonly GazetteerEntry[] = Object.freeze(
  [outlets, agencies, organizations, places, persons].flatMap((file) => file.entries as GazetteerEntry[]),
);

/** Finds persons, organisations, outlets, agencies, documents and places, each with a norm linking its mentions. */
export function createEntityAnnotator(options: EntityOptions = {}): Stage {
  const gazetteer = createGazetteer([...DEFAULT_ENTRIES, ...(options.extraEntries ?? [])]);
  const rules = compileRules(options);
  const stage: Stage = {
    name: 'entities',
    version: 1,
    requires: ['sentence'],
    assigns: ['entity'],
    run(doc, ctx) {
      const { tokens } = textAnalysisOf(doc.text, ctx.cache);
      const nextId = idMaker('entity');
      const source = provenance(stage);
      const annotations: EntityAnnotation[] = findEntities(doc, tokens, gazetteer, rules).map((c) => ({
        kind: 'entity',
        id: nextId(),
        source,
        start: c.start,
        end: c.stop,
        type: c.type,
        norm: c.norm,
      }));
      return { annotations };
    },
  };
  return stage;
}

/** Gazetteer and pattern candidates, longest first; then described documents; then later mentions. */
function findEntities(doc: Document, tokens: readonly Token[], gazetteer: Gazetteer, rules: NameRules): Candidate[] {
  const listed = gazetteer.find(tokens);
  const listedNonPerson = new Uint8Array(tokens.length);
  for (const c of listed) if (c.type !== 'person') listedNonPerson.fill(1, c.first, c.end);
  const ctx: ClassifyContext = { text: doc.text, tokens, sentenceStart: sentenceStarts(doc, tokens), rules, listedNonPerson };
  const patterned: Candidate[] = [];
  for (const run of findNameRuns(ctx)) patterned.push(...classifyRun(ctx, run));
  const base = resolveOverlaps([...listed, ...patterned], tokens.length);
  const entityAt = new Map(base.map((c) => [c.first, c] as const));
  const documents = findDescribedDocuments({ text: doc.text, tokens, rules, entityAt });
  const all = documents.length > 0 ? resolveOverlaps([...base, ...documents], tokens.length) : base;
  return linkMentions(tokens, all, rules.nameSuffixes);
}

function sentenceStarts(doc: Document, tokens: readonly Token[]): Uint8Array {
  const starts = new Uint8Array(tokens.length + 1);
  for (const sentence of doc.all('sentence')) starts[tokenAt(tokens, sentence.start)] = 1;
  return starts;
}
