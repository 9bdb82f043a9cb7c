/**
 * Calibration of the trace's comparison by meaning (src/trace/alignment.ts, used by traceScore for a candidate anchored
 * on the query's place and figure) on the project's own claims: the corpus generator's claim families (claims.json:
 * each paraphrase as the query against the other paraphrases and the retold versions, which the trace must match, and
 * the look-alikes, which it must not) and the tuning groups of src/trace/paraphrases.json (odd groups). Tallies at the
 * trace threshold (0.5): words alone (near words, as before), with the direction and outside rules, and with the
 * anchored alignment at SIF a = 10⁻³ and 10⁻⁴ and a floor for the cosine of the counted things; the pick is the pair
 * with the best balanced accuracy (retellings found, look-alikes turned away) on the tuning pairs. The held-out groups of paraphrases.json and the held-out claims of
 * src/trace/paraphrases-heldout.json (written before any of this was tried, never tuned on) are scored for the report
 * only. Then the WordNet lexicon's settings and the minimal contrast's (src/trace/contrast.ts), the latter also with each
 * claim family held out in turn. `--check` fails unless ALIGNMENT_SIF_A (src/trace/meaning.ts), DEFAULT_HEAD_FLOOR
 * (src/trace/similarity.ts), DEFAULT_LEXICON and DEFAULT_CONTRAST (src/trace/contrast.ts) are the picks.
 *
 *   node --import tsx bench/corpus/calibrate-alignment.ts [--check]
 */
import { readFileSync } from 'node:fs';
import { traceQueryFromText } from '../../src/engine/trace-query.js';
import { idfWeights } from '../../src/trace/calibration.js';
import { ALIGNMENT_SIF_A, createWordMeaning } from '../../src/trace/meaning.js';
import { getNearness } from '../../src/trace/nearness.js';
import { createLexicon, decodeLexicon, DEFAULT_LEXICON, LEXICON_URL, type LexiconOptions } from '../../src/trace/lexicon.js';
import { DEFAULT_CONTRAST, type ContrastOptions, type EventContrastOptions } from '../../src/trace/contrast.js';
import { DEFAULT_CONTRAST_SET, type ContrastSetOptions } from '../../src/trace/contrast-set.js';
import { keptBySet, setTally } from '../../src/trace/calibration-set.js';
import { DEFAULT_HEAD_FLOOR, DEFAULT_KIND_CONFLICT, DEFAULT_NEAR, DEFAULT_SIMILARITY, fingerprint, traceScore, type ClaimFingerprint, type NearOptions } from '../../src/trace/similarity.js';
import { readVectorsPrefix, WORD_VECTORS_URL } from '../../src/meaning/vectors-format.js';
import claimData from './claims.json' with { type: 'json' };
import { formatFigure, RETOLD_FIGURE_FORMATS, FIGURE_FORMATS } from './formats.js';

const THRESHOLD = 0.5;

/** A claim text as the trace compares it (figures and attribution read by the analyser, as ingest reads them). */
function compared(text: string): ClaimFingerprint {
  const q = traceQueryFromText(text);
  return fingerprint(q.text, q.figures, q.masks ?? []);
}

/** Without the direction and outside readings: the comparison as it was before them. */
const plain = (f: ClaimFingerprint): ClaimFingerprint => ({ ...f, direction: 0, outside: [], head: null });

interface Case {
  readonly set: string;
  readonly query: ClaimFingerprint;
  readonly candidate: ClaimFingerprint;
  readonly positive: boolean;
  readonly kind: string;
  /** The claim family (claims.json) or group (paraphrases files) the pair belongs to, held out together. */
  readonly family: string;
}

const PLACES = ['Tarnholm', 'Brisdale', 'Oskarby'];
const PEOPLE = ['Anika Brandt', 'Tomas Reyes'];
const BODIES = ['the harbour board', 'the regional council'];

/** A claims.json template filled deterministically: the query's place, the n-th figure format and source. */
function fill(template: string, value: number, n: number, retold: boolean, place: string): string {
  const formats = retold ? RETOLD_FIGURE_FORMATS : FIGURE_FORMATS;
  const sources = retold ? claimData.retoldSources.phrases : claimData.sources;
  const source = sources[n % sources.length]!.replace('{person}', PEOPLE[n % 2]!).replace('{body}', BODIES[n % 2]!).replace('{role}', 'the mayor');
  const closed = source.includes(',') && /\{source\} \p{L}/u.test(template) ? `${source},` : source;
  const text = template.replace('{place}', place).replace('{figure}', formatFigure(value, formats[n % formats.length]!)).replace('{source}', closed);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The claim families of the corpus generator: every paraphrase as a query. */
function corpusCases(): Case[] {
  const cases: Case[] = [];
  for (const family of claimData.claims) {
    family.paraphrases.forEach((p, qi) => {
      const place = PLACES[qi % PLACES.length]!;
      const query = compared(fill(p, family.value, 0, false, place));
      const add = (text: string, positive: boolean, kind: string) => cases.push({ set: 'claims.json', query, candidate: compared(text), positive, kind, family: family.id });
      family.paraphrases.forEach((o, i) => i !== qi && add(fill(o, family.value, i + qi, false, place), true, 'paraphrase'));
      family.retold.forEach((r, i) => add(fill(r.text, family.value, i + qi, true, place), true, 'retold'));
      family.lookalikes.forEach((l, i) => add(fill(l.text, family.value, i + qi, false, place), false, l.differs));
    });
  }
  return cases;
}

/**
 * The claim families with each retold version as the query (a trace started from a sentence told in other words):
 * against the paraphrases and the other retold versions, which it must match, and the look-alikes, which it must not.
 */
function retoldQueryCases(): Case[] {
  const cases: Case[] = [];
  for (const family of claimData.claims) {
    family.retold.forEach((r, qi) => {
      const place = PLACES[qi % PLACES.length]!;
      const query = compared(fill(r.text, family.value, 0, true, place));
      const add = (text: string, positive: boolean, kind: string) => cases.push({ set: 'claims.json, retold query', query, candidate: compared(text), positive, kind, family: family.id });
      family.paraphrases.forEach((p, i) => add(fill(p, family.value, i + qi, false, place), true, 'paraphrase'));
      family.retold.forEach((o, i) => i !== qi && add(fill(o.text, family.value, i + qi, true, place), true, 'retold'));
      family.lookalikes.forEach((l, i) => add(fill(l.text, family.value, i + qi, false, place), false, l.differs));
    });
  }
  return cases;
}

interface Groups {
  readonly groups: readonly { claim: string; retellings: readonly string[]; lookalikes: readonly { kind: string; text: string }[] }[];
}

/** Pairs of a paraphrases.json-shaped file, of the groups kept (by 1-based number). */
function groupCases(set: string, file: string, keep: (group: number) => boolean): Case[] {
  const data = JSON.parse(readFileSync(new URL(`../../src/trace/${file}`, import.meta.url), 'utf8')) as Groups;
  return data.groups.flatMap((g, i) => {
    if (!keep(i + 1)) return [];
    const query = compared(g.claim);
    return [
      ...g.retellings.map((r) => ({ set, query, candidate: compared(r), positive: true, kind: 'retelling', family: `${file}#${i + 1}` })),
      ...g.lookalikes.map((l) => ({ set, query, candidate: compared(l.text), positive: false, kind: l.kind, family: `${file}#${i + 1}` })),
    ];
  });
}

const corpus = corpusCases();
const tuning = groupCases('paraphrases.json tuning groups', 'paraphrases.json', (g) => g % 2 === 1);
const heldOut = groupCases('paraphrases.json held-out groups', 'paraphrases.json', (g) => g % 2 === 0);
const fresh = groupCases('paraphrases-heldout.json', 'paraphrases-heldout.json', () => true);
const all = [...corpus, ...tuning, ...heldOut, ...fresh];
const weight = idfWeights([...new Set(all.flatMap((c) => [c.query, c.candidate]))]);
const vectors = readVectorsPrefix(WORD_VECTORS_URL, Number.MAX_SAFE_INTEGER);

interface Variant {
  readonly name: string;
  readonly near: NearOptions;
  readonly rules: boolean;
  readonly sifA?: number;
  readonly headFloor?: number;
}
const base = { near: getNearness(), ...DEFAULT_NEAR };
const variants: Variant[] = [
  { name: 'words and near words (before)', near: base, rules: false },
  { name: '+ direction and outside rules', near: base, rules: true },
  ...[1e-3, 1e-4].flatMap((a) => [0, 0.25, 0.3, 0.35, 0.4, 0.45].map((floor) => ({ name: `+ anchored alignment, SIF a ${a}, counted-thing floor ${floor}`, near: { ...base, meaning: createWordMeaning(vectors, a), headFloor: floor }, rules: true, sifA: a, headFloor: floor }))),
];

const hit = (c: Case, v: Variant) => (v.rules ? traceScore(c.query, c.candidate, weight, DEFAULT_SIMILARITY, v.near) : traceScore(plain(c.query), plain(c.candidate), weight, DEFAULT_SIMILARITY, v.near)) >= THRESHOLD;

/** "kind found/all" for each kind of pair in a set. */
function tallies(cases: readonly Case[], v: Variant): string {
  const kinds = [...new Set(cases.map((c) => (c.positive ? c.kind : `look-alike ${c.kind}`)))];
  return kinds.map((k) => {
    const of = cases.filter((c) => (c.positive ? c.kind : `look-alike ${c.kind}`) === k);
    return `${k} ${of.filter((c) => hit(c, v)).length}/${of.length}`;
  }).join(', ');
}

/** Balanced accuracy: the mean of the share of retellings matched and the share of look-alikes turned away. */
function balanced(cases: readonly Case[], v: Variant): number {
  const pos = cases.filter((c) => c.positive);
  const neg = cases.filter((c) => !c.positive);
  return (pos.filter((c) => hit(c, v)).length / pos.length + neg.filter((c) => !hit(c, v)).length / neg.length) / 2;
}

const tune = [...corpus, ...tuning];
for (const v of variants) {
  console.log(`${v.name}: balanced accuracy on the tuning pairs ${balanced(tune, v).toFixed(3)}`);
  for (const [label, cases] of [['claims.json', corpus], ['paraphrases.json tuning groups', tuning], ['paraphrases.json held-out groups', heldOut], ['paraphrases-heldout.json (held out)', fresh]] as const) console.log(`  ${label}: ${tallies(cases, v)}`);
}
const candidates = variants.filter((v) => v.sifA !== undefined);
// Ties go to the stricter floor (fewer look-alikes let through where the tuning pairs cannot tell).
const pick = candidates.reduce((best, v) => (balanced(tune, v) > balanced(tune, best) || (balanced(tune, v) === balanced(tune, best) && v.headFloor! > best.headFloor!) ? v : best));
console.log(`pick: SIF a ${pick.sifA}, counted-thing floor ${pick.headFloor}`);

// WordNet (src/trace/lexicon.ts): a query word whose nearest candidate word is a different thing of the same kind is a
// conflict ('conflict': score 0) or withholds the alignment ('alignment'), over how close a common hypernym makes two
// words siblings, how far down the hierarchy it must be, how many levels make a word broader, and whether verbs count.
// The pick: the best balanced accuracy on the tuning pairs among the settings that find every tuning retelling the
// alignment alone finds (none may be lost); ties go to the milder setting (fewer sibling levels, deeper hypernym).
const lexiconData = decodeLexicon(readFileSync(LEXICON_URL));
const plainAlignment: Variant = { ...pick, name: `anchored alignment as picked, no lexicon`, near: { ...pick.near, lexicon: null, contrast: null } };
const found = (cases: readonly Case[], v: Variant) => cases.filter((c) => c.positive && hit(c, v)).length;
const mustFind = found(tune, plainAlignment);
interface LexiconVariant extends Variant {
  readonly lexiconOptions: LexiconOptions;
  readonly mode: 'conflict' | 'alignment';
}
const lexiconVariants: LexiconVariant[] = [];
for (const mode of ['alignment', 'conflict'] as const)
  for (const verbs of [false, true])
    for (const levels of [3, 6])
      for (const siblingLevels of [2, 3, 4, 5])
        for (const minDepth of [6, 5, 4])
          for (const siblingSenses of [1, 2]) {
          const lexiconOptions: LexiconOptions = { levels, siblingLevels, minDepth, verbs, siblingSenses };
          lexiconVariants.push({ ...pick, name: `+ WordNet ${mode}, broader within ${levels}, siblings within ${siblingLevels} under depth ≥ ${minDepth} in the first ${siblingSenses} sense(s)${verbs ? ', verbs too' : ''}`, near: { ...pick.near, lexicon: createLexicon(lexiconData, lexiconOptions), kindConflict: mode, contrast: null }, lexiconOptions, mode });
        }
console.log(`\n${plainAlignment.name}: balanced accuracy on the tuning pairs ${balanced(tune, plainAlignment).toFixed(3)}, tuning retellings found ${mustFind}`);
for (const [label, cases] of [['claims.json', corpus], ['paraphrases.json tuning groups', tuning], ['paraphrases.json held-out groups', heldOut], ['paraphrases-heldout.json (held out)', fresh]] as const) console.log(`  ${label}: ${tallies(cases, plainAlignment)}`);
const scored = lexiconVariants.map((v) => ({ v, ba: balanced(tune, v), found: found(tune, v) }));
for (const { v, ba, found: f } of scored) console.log(`${v.name}: balanced accuracy ${ba.toFixed(3)}, tuning retellings found ${f}/${mustFind}`);
const kept = scored.filter((s) => s.found >= mustFind);
const sameOptions = (a: LexiconOptions, b: LexiconOptions) => a.levels === b.levels && a.siblingLevels === b.siblingLevels && a.minDepth === b.minDepth && a.verbs === b.verbs && a.siblingSenses === b.siblingSenses;
const isCommitted = (v: LexiconVariant) => sameOptions(v.lexiconOptions, DEFAULT_LEXICON) && v.mode === DEFAULT_KIND_CONFLICT;
// The best balanced accuracy; among settings tied on it (the same pairs found and turned away), the committed one is
// kept, since the tuning pairs give no evidence for a change (analyser changes that move one pair can make two
// settings tie); otherwise the first in the order above.
const bestBa = kept.reduce((m, s) => Math.max(m, s.ba), -Infinity);
const tied = kept.filter((s) => s.ba >= bestBa - 1e-9);
const lexiconPick = tied.find((s) => isCommitted(s.v)) ?? tied[0] ?? null;
if (tied.length > 1) console.log(`lexicon settings tied at ${bestBa.toFixed(3)}: ${tied.length}${lexiconPick && isCommitted(lexiconPick.v) ? ' (the committed one kept)' : ''}`);
if (lexiconPick) {
  console.log(`lexicon pick: ${lexiconPick.v.name} (balanced accuracy ${lexiconPick.ba.toFixed(3)})`);
  for (const [label, cases] of [['claims.json', corpus], ['paraphrases.json tuning groups', tuning], ['paraphrases.json held-out groups', heldOut], ['paraphrases-heldout.json (held out)', fresh]] as const) console.log(`  ${label}: ${tallies(cases, lexiconPick.v)}`);
}
if (process.argv.includes('--check') && lexiconPick && (!sameOptions(lexiconPick.v.lexiconOptions, DEFAULT_LEXICON) || lexiconPick.v.mode !== DEFAULT_KIND_CONFLICT)) throw new Error(`DEFAULT_LEXICON ${JSON.stringify(DEFAULT_LEXICON)} and DEFAULT_KIND_CONFLICT ${DEFAULT_KIND_CONFLICT}; the calibration picks ${JSON.stringify(lexiconPick.v.lexiconOptions)} ${lexiconPick.v.mode}`);
if (process.argv.includes('--check') && (pick.sifA !== ALIGNMENT_SIF_A || pick.headFloor !== DEFAULT_HEAD_FLOOR)) throw new Error(`ALIGNMENT_SIF_A ${ALIGNMENT_SIF_A} and DEFAULT_HEAD_FLOOR ${DEFAULT_HEAD_FLOOR}; the calibration picks ${pick.sifA} and ${pick.headFloor}`);

// The minimal contrast (src/trace/contrast.ts): a candidate that brings at most `ownWords` words of its own, one of them
// a thing standing in (cosine ≥ standIn, mutual nearest) for a thing of the query it lacks, scores 0. Over the stand-in
// cosine, the candidate's own words and how many verb senses per noun sense still read as a noun. The pick: the best
// balanced accuracy on the tuning pairs (and the claim families with each retold version as the query) among the
// settings that keep at least 99 % of the tuning retellings the
// lexicon's pick finds (a retelling missed costs the recall the trace already lacks); ties go to fewer own words, then
// the higher stand-in cosine, then the fewer verb senses. Each claim family (claims.json family, paraphrases.json
// group) is also held out in turn: the pick made on the others, scored on it.
if (lexiconPick) {
  // The contrast is also tuned on traces started from a retold sentence: a short paraphrase against a long retelling.
  const retoldQueries = retoldQueryCases();
  const contrastTune = [...tune, ...retoldQueries];
  const lexiconNear = lexiconPick.v.near;
  const contrastGrid: ContrastOptions[] = [];
  for (const standIn of [0.2, 0.3, 0.4, 0.5, 0.6]) for (const ownWords of [1, 2, 3, 4, 6]) for (const verbRatio of [1, 2, 4]) contrastGrid.push({ standIn, ownWords, verbRatio });
  const variantOf = (o: ContrastOptions | null): Variant => ({ ...lexiconPick.v, name: o ? `+ minimal contrast, stand-in ≥ ${o.standIn}, at most ${o.ownWords} own words, noun senses ≥ verb senses / ${o.verbRatio}` : 'lexicon pick, no contrast', near: { ...lexiconNear, contrast: o && { ...o, roles: DEFAULT_CONTRAST.roles } } });
  const none = variantOf(null);
  const memo = new Map<Variant, Map<Case, boolean>>();
  const hitOf = (c: Case, v: Variant) => {
    let m = memo.get(v);
    if (!m) memo.set(v, (m = new Map()));
    let h = m.get(c);
    if (h === undefined) m.set(c, (h = hit(c, v)));
    return h;
  };
  const foundIn = (cases: readonly Case[], v: Variant) => cases.filter((c) => c.positive && hitOf(c, v)).length;
  const refusedIn = (cases: readonly Case[], v: Variant) => cases.filter((c) => !c.positive && !hitOf(c, v)).length;
  const baOf = (cases: readonly Case[], v: Variant) => (foundIn(cases, v) / cases.filter((c) => c.positive).length + refusedIn(cases, v) / cases.filter((c) => !c.positive).length) / 2;
  const contrastVariants = contrastGrid.map((o) => ({ o, v: variantOf(o) }));
  const better = (a: { o: ContrastOptions; ba: number }, b: { o: ContrastOptions; ba: number }) => a.ba > b.ba + 1e-9 || (Math.abs(a.ba - b.ba) <= 1e-9 && (a.o.ownWords < b.o.ownWords || (a.o.ownWords === b.o.ownWords && (a.o.standIn > b.o.standIn || (a.o.standIn === b.o.standIn && a.o.verbRatio < b.o.verbRatio)))));
  // No setting that keeps enough retellings: no contrast (the lexicon's pick as it is).
  const pickContrast = (cases: readonly Case[]): { o: ContrastOptions | null; v: Variant; ba: number } => {
    const need = 0.99 * foundIn(cases, none);
    const kept = contrastVariants.filter(({ v }) => foundIn(cases, v) >= need).map(({ o, v }) => ({ o, v, ba: baOf(cases, v) }));
    return kept.length === 0 ? { o: null, v: none, ba: baOf(cases, none) } : kept.reduce((m, x) => (better(x, m) ? x : m));
  };
  console.log(`\n${none.name}: balanced accuracy on the tuning pairs (with retold queries) ${baOf(contrastTune, none).toFixed(3)}, tuning retellings found ${foundIn(contrastTune, none)}, look-alikes turned away ${refusedIn(contrastTune, none)}/${contrastTune.filter((c) => !c.positive).length}`);
  for (const { v } of contrastVariants) console.log(`${v.name}: balanced accuracy ${baOf(contrastTune, v).toFixed(3)}, tuning retellings found ${foundIn(contrastTune, v)}, look-alikes turned away ${refusedIn(contrastTune, v)}`);
  // Another event (EventContrastOptions) on top of the thing reading as picked: over the stand-in cosine (-1: any), the
  // cosine of the same event, the light verbs' senses, the words either way, the slot and whether the other event must
  // be written as a verb. A stricter rule than the thing reading's (issue 14 asks for precision that never costs
  // recall): the best balanced accuracy among the settings that lose none of the tuning retellings the thing reading
  // finds; ties go to the milder setting (fewer own words, the slot kept, a verb as written, a higher stand-in, a lower
  // same-event cosine, fewer verb senses), and none when no setting turns more away. Reported, not adopted (see
  // DEFAULT_CONTRAST).
  const eventGrid: EventContrastOptions[] = [];
  for (const ownWords of [1, 2]) for (const slot of [true, false]) for (const verbForm of [true, false]) for (const standIn of [0.4, 0.2, -1]) for (const same of [0.4, 0.5, 0.6, 0.7, 0.8]) for (const light of [10, 20]) eventGrid.push({ standIn, same, light, ownWords, slot, verbForm });
  const eventVariants = new Map<ContrastOptions | null, { e: EventContrastOptions; v: Variant }[]>();
  const eventVariantsOf = (o: ContrastOptions | null) => {
    let vs = eventVariants.get(o);
    if (!vs) eventVariants.set(o, (vs = o === null ? [] : eventGrid.map((e) => ({ e, v: variantOf({ ...o, event: e }) }))));
    return vs;
  };
  const pickEvent = (cases: readonly Case[], thing: { o: ContrastOptions | null; v: Variant; ba: number }): { o: ContrastOptions | null; v: Variant; ba: number } => {
    const need = foundIn(cases, thing.v);
    const kept = eventVariantsOf(thing.o).filter(({ v }) => foundIn(cases, v) >= need).map(({ e, v }) => ({ e, v, ba: baOf(cases, v) }));
    const best = kept.reduce<{ e: EventContrastOptions; v: Variant; ba: number } | null>((m, x) => (m === null || x.ba > m.ba + 1e-9 ? x : m), null);
    return best && best.ba > thing.ba + 1e-9 ? { o: { ...thing.o!, event: best.e }, v: best.v, ba: best.ba } : thing;
  };
  for (const { e, v } of eventVariantsOf(pickContrast(contrastTune).o)) console.log(`${v.name}, + another event, stand-in ≥ ${e.standIn}, same event at cosine ≥ ${e.same}, at most ${e.light} verb senses, at most ${e.ownWords} own words, ${e.slot ? 'in the same slot' : 'anywhere'}${e.verbForm ? ', written as a verb' : ''}: balanced accuracy ${baOf(contrastTune, v).toFixed(3)}, tuning retellings found ${foundIn(contrastTune, v)}, look-alikes turned away ${refusedIn(contrastTune, v)}`);
  const familyOf = (c: Case) => c.family;
  const families = [...new Set(contrastTune.map(familyOf))];
  const cv = { found: 0, refused: 0, foundBefore: 0, refusedBefore: 0, foundThing: 0, refusedThing: 0 };
  for (const f of families) {
    const test = contrastTune.filter((c) => familyOf(c) === f);
    const rest = contrastTune.filter((c) => familyOf(c) !== f);
    const thing = pickContrast(rest);
    const chosen = pickEvent(rest, thing);
    cv.found += foundIn(test, chosen.v);
    cv.refused += refusedIn(test, chosen.v);
    cv.foundThing += foundIn(test, thing.v);
    cv.refusedThing += refusedIn(test, thing.v);
    cv.foundBefore += foundIn(test, none);
    cv.refusedBefore += refusedIn(test, none);
  }
  const positives = contrastTune.filter((c) => c.positive).length;
  const negatives = contrastTune.length - positives;
  const cvBa = (found: number, refused: number) => ((found / positives + refused / negatives) / 2).toFixed(3);
  console.log(`claim families held out in turn (${families.length}): no contrast -> things -> things and events: retellings found ${cv.foundBefore} -> ${cv.foundThing} -> ${cv.found} of ${positives}, look-alikes turned away ${cv.refusedBefore} -> ${cv.refusedThing} -> ${cv.refused} of ${negatives}; balanced accuracy ${cvBa(cv.foundBefore, cv.refusedBefore)} -> ${cvBa(cv.foundThing, cv.refusedThing)} -> ${cvBa(cv.found, cv.refused)}`);
  const thingPick = pickContrast(contrastTune);
  const chosen = pickEvent(contrastTune, thingPick);
  const ev = chosen.o?.event;
  console.log(`contrast pick: ${chosen.v.name}${ev ? `, + another event, stand-in ≥ ${ev.standIn}, same event at cosine ≥ ${ev.same}, at most ${ev.light} verb senses, at most ${ev.ownWords} own words, ${ev.slot ? 'in the same slot' : 'anywhere'}${ev.verbForm ? ', written as a verb' : ''}` : ', no event reading'} (balanced accuracy ${chosen.ba.toFixed(3)}; things alone ${thingPick.ba.toFixed(3)})`);
  for (const [label, cases] of [['claims.json', corpus], ['claims.json, retold queries', retoldQueries], ['paraphrases.json tuning groups', tuning], ['paraphrases.json held-out groups', heldOut], ['paraphrases-heldout.json (held out)', fresh]] as const) console.log(`  ${label}: ${tallies(cases, none)}  ->  ${tallies(cases, thingPick.v)}  ->  ${tallies(cases, chosen.v)}`);
  const sameEvent = (a: EventContrastOptions | null | undefined, b: EventContrastOptions | null | undefined) => (a ?? null) === (b ?? null) || (!!a && !!b && a.standIn === b.standIn && a.same === b.same && a.light === b.light && a.ownWords === b.ownWords && a.slot === b.slot && !!a.verbForm === !!b.verbForm);
  const same = (a: ContrastOptions | null, b: ContrastOptions) => a !== null && a.standIn === b.standIn && a.ownWords === b.ownWords && a.verbRatio === b.verbRatio && sameEvent(a.event, b.event);
  console.log(`event reading ${chosen.o?.event ? 'picked on the tuning pairs, not adopted (DEFAULT_CONTRAST.event is null; see its comment)' : 'not picked'}`);
  // The event reading's pick is reported, not adopted: DEFAULT_CONTRAST keeps it off (see its comment), so --check
  // asserts the thing reading, and that the event reading stays off. The set comparison is calibrated on the pairwise
  // comparison as adopted.
  if (process.argv.includes('--check') && !same(thingPick.o, DEFAULT_CONTRAST)) throw new Error(`DEFAULT_CONTRAST ${JSON.stringify(DEFAULT_CONTRAST)}; the calibration picks ${JSON.stringify(thingPick.o)} for things`);
  calibrateContrastSet(contrastTune, thingPick.v, [['claims.json', corpus], ['claims.json, retold queries', retoldQueries], ['paraphrases.json tuning groups', tuning], ['paraphrases.json held-out groups', heldOut], ['paraphrases-heldout.json (held out)', fresh]]);
}

/**
 * The matches of one trace compared with each other (src/trace/contrast-set.ts): the pairs of one query, scored with the
 * pairwise comparison as picked, are one trace's matches. Over the least score of a match that shows others, the gap by
 * which it must outscore them, the event reading between matches (of one word, or of two written as verbs) and whether
 * the query decides between near-equal matches (ContrastSetOptions.arbiter). Not in
 * the grid, for what the tuning data showed: a minimal pair of 3 own words (counted on the written words, the
 * 1,000-article corpus lost two retold appearances the tuning pairs kept: "the sea defences of Fennvik are budgeted at"
 * against "the flood wall in Fennvik will cost"), an event reading of two words not written as verbs ("comes with a
 * bill" against "costs": with each claim family held out in turn it lost three retellings), opposite directions
 * between matches (a high-scoring look-alike, "homes being torn down", dropped ten retellings of its family) and a
 * floor below 0.7 (the tuning pairs pick 0.6, but from a retold query in the 1,000-article corpus a look-alike scoring
 * 0.6, "security services monitor football supporters", then dropped seven paraphrases of the story). The pick: the best balanced accuracy on the tuning pairs among the settings that lose no tuning
 * retelling the pairwise comparison finds; ties go to the milder setting (a wider gap, a higher floor, fewer own words,
 * no event reading, then fewer event words, a verb as written). Each claim family is also held out in turn. --check
 * asserts DEFAULT_CONTRAST_SET.
 */
function calibrateContrastSet(cases: readonly Case[], pairwise: Variant, report: readonly (readonly [string, readonly Case[]])[]): void {
  const meaning = pairwise.near.meaning!;
  const relations = pairwise.near.lexicon ?? meaning.relations!;
  const scores = new Map<Case, number>();
  const scoreOf = (c: Case) => {
    let s = scores.get(c);
    if (s === undefined) scores.set(c, (s = traceScore(c.query, c.candidate, weight, DEFAULT_SIMILARITY, pairwise.near)));
    return s;
  };
  const base = DEFAULT_CONTRAST_SET.contrast;
  const verbEvent = (ownWords: number, verbForm: boolean): EventContrastOptions => ({ standIn: -1, same: 0.6, light: 10, ownWords, slot: true, verbForm });
  const grid: ContrastSetOptions[] = [];
  for (const gap of [0.1, 0.06, 0.03]) for (const floor of [0.8, 0.7]) for (const ownWords of [base.ownWords]) for (const event of [null, verbEvent(1, true), verbEvent(2, true), verbEvent(1, false)]) for (const arbiter of [false, true])
    grid.push({ floor, gap, pivots: DEFAULT_CONTRAST_SET.pivots, contrast: { ...base, ownWords, event }, arbiter });
  const describe = (o: ContrastSetOptions | null) => (o === null ? 'no set comparison' : `floor ${o.floor}, gap ${o.gap}, at most ${o.contrast.ownWords} own words, ${o.contrast.event ? `event reading of ${o.contrast.event.ownWords} word(s)${o.contrast.event.verbForm ? ' written as a verb' : ''}` : 'no event reading'}${o.arbiter ? ', the query decides near-equal pairs' : ''}`);
  const tallyOf = (of: readonly Case[], o: ContrastSetOptions | null) => setTally(of, keptBySet(of, scoreOf, THRESHOLD, meaning, relations, o));
  const baOf = (t: ReturnType<typeof setTally>) => (t.found / t.retellings + (t.lookalikes - t.passed) / t.lookalikes) / 2;
  const pick = (of: readonly Case[]) => {
    const need = tallyOf(of, null).found;
    let best: { o: ContrastSetOptions | null; ba: number } = { o: null, ba: baOf(tallyOf(of, null)) };
    for (const o of grid) {
      const t = tallyOf(of, o);
      if (t.found >= need && baOf(t) > best.ba + 1e-9) best = { o, ba: baOf(t) };
    }
    return best;
  };
  const none = tallyOf(cases, null);
  console.log(`\nset comparison: none: balanced accuracy ${baOf(none).toFixed(3)}, tuning retellings found ${none.found}/${none.retellings}, look-alikes let through ${none.passed}/${none.lookalikes}`);
  for (const o of grid) {
    const t = tallyOf(cases, o);
    console.log(`set comparison, ${describe(o)}: balanced accuracy ${baOf(t).toFixed(3)}, tuning retellings found ${t.found}, look-alikes let through ${t.passed}`);
  }
  const families = [...new Set(cases.map((c) => c.family))];
  const cv = { found: 0, passed: 0, foundBefore: 0, passedBefore: 0, retellings: 0, lookalikes: 0 };
  for (const f of families) {
    const test = cases.filter((c) => c.family === f);
    const chosen = pick(cases.filter((c) => c.family !== f)).o;
    const after = tallyOf(test, chosen);
    const before = tallyOf(test, null);
    cv.found += after.found;
    cv.passed += after.passed;
    cv.foundBefore += before.found;
    cv.passedBefore += before.passed;
    cv.retellings += after.retellings;
    cv.lookalikes += after.lookalikes;
  }
  const cvBa = (found: number, passed: number) => ((found / cv.retellings + (cv.lookalikes - passed) / cv.lookalikes) / 2).toFixed(3);
  console.log(`set comparison, claim families held out in turn (${families.length}): retellings found ${cv.foundBefore} -> ${cv.found} of ${cv.retellings}, look-alikes let through ${cv.passedBefore} -> ${cv.passed} of ${cv.lookalikes}; balanced accuracy ${cvBa(cv.foundBefore, cv.passedBefore)} -> ${cvBa(cv.found, cv.passed)}`);
  const chosen = pick(cases);
  console.log(`set comparison pick: ${describe(chosen.o)} (balanced accuracy ${chosen.ba.toFixed(3)})`);
  const show = (t: ReturnType<typeof setTally>) => `retellings ${t.found}/${t.retellings}, look-alikes let through ${t.passed}/${t.lookalikes}`;
  for (const [label, of] of report) console.log(`  ${label}: ${show(tallyOf(of, null))}  ->  ${show(tallyOf(of, chosen.o))}`);
  const sameSet = (a: ContrastSetOptions | null, b: ContrastSetOptions) => a !== null && a.floor === b.floor && a.gap === b.gap && !!a.arbiter === !!b.arbiter && a.contrast.ownWords === b.contrast.ownWords && JSON.stringify(a.contrast.event ?? null) === JSON.stringify(b.contrast.event ?? null);
  if (process.argv.includes('--check') && !sameSet(chosen.o, DEFAULT_CONTRAST_SET)) throw new Error(`DEFAULT_CONTRAST_SET ${JSON.stringify(DEFAULT_CONTRAST_SET)}; the calibration picks ${JSON.stringify(chosen.o)}`);
}

