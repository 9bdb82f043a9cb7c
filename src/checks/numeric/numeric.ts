import type { Finding } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { ClaimtraceError } from '../../core/errors.js';
import type { Stage } from '../../core/pipeline.js';
import { textAnalysisOf, tokenSpan, type Token } from '../../nlp/tokens.js';
import { fmt, locateQuantities, sentenceIndexOf } from './context.js';
import settings from './numeric.json' with { type: 'json' };
import { checkRestated } from './restated.js';
import { withElidedPercents } from './elided-percents.js';
import { checkPartitions } from './partitions.js';
import { amountsBySentence, partsBySentence, sharesBySentence } from './partition-input.js';
import { checkMargins } from './margins.js';
import { checkShareCounts } from './share-counts.js';
import { checkShares, type ShareRules } from './shares.js';
import { checkTotals, compileTotalCues, nestedFigures } from './totals.js';
import { listUnits } from './part-words.js';
import { defaultSumsModel, learnedShares, learnedSums, type SumsModel } from './sums-model/index.js';
import { elidedUnits, gappedObjects, unitKeys, unitShortForms } from './units.js';

const NO_JOINERS: ReadonlySet<string> = new Set();

/** Options of the numeric consistency checks. */
export interface NumericCheckOptions {
  /** How far shares of one whole may add up above 100 before they are flagged (rounding); default 1. */
  readonly shareTolerance?: number;
  /** Content words two sentences must share before a figure counts as restated; default 2. */
  readonly minSharedWords?: number;
  /**
   * The learned sums model (sums-model/): totals the rules did not judge, whose parts it finds listed nearby and which
   * do not add up. Default: the committed model; `null` leaves it out (as `models: false` does).
   */
  readonly sums?: SumsModel | null;
}

/**
 * Checks figures against each other and writes findings only: `total-unsupported` (a total and its parts, in either
 * order), `percentage-over-100`, `range-inverted` and `quantity-restated`. It never decides whether a figure is true,
 * only whether the figures agree.
 */
export function createNumericCheck(options: NumericCheckOptions = {}): Stage {
  const shareTolerance = options.shareTolerance ?? settings.shareTolerance.value;
  const minSharedWords = options.minSharedWords ?? settings.minSharedWords.value;
  if (!(shareTolerance >= 0)) throw new ClaimtraceError('E_OPTION_INVALID', { option: 'shareTolerance', reason: 'must be 0 or more' });
  if (!(Number.isInteger(minSharedWords) && minSharedWords >= 1)) {
    throw new ClaimtraceError('E_OPTION_INVALID', { option: 'minSharedWords', reason: 'must be a whole number of at least 1' });
  }
  const cues = compileTotalCues();
  const listRules = compileListRules();
  const carryJoiners = new Set(settings.carryJoiners.words);
  const partitionWords = { backReferences: settings.backReferenceTotals.phrases.map((p) => p.split(' ')), notSums: new Set(settings.notShareAfter.words) };
  const anaphoricWholes = new Set(settings.anaphoricWholes.words);
  const moneyMeasures = new Map(settings.moneyMeasures.groups.flatMap((group, i) => group.map((word) => [word, i] as const)));
  const chains = {
    additiveBefore: listRules.additiveBefore,
    additiveAfter: listRules.additiveAfter,
    residualParts: new Set(settings.residualParts.words),
    partOfWhole: new Set(settings.partOfWhole.words),
    residualObjects: new Set(settings.residualObjects.words),
    periods: new Set(settings.chainPeriods.words),
    deixis: new Set(settings.chainDeixis.words),
    periodUnits: new Set(settings.chainPeriodUnits.words),
    places: new Set(settings.chainPlaces.words),
  };
  const shareRules = compileShareRules(listRules, shareTolerance);
  const shareCountRules = {
    tolerance: shareTolerance,
    notShareBefore: shareRules.notShareBefore,
    notShareAfter: shareRules.notShareAfter,
    openers: new Set(settings.shareOpeners.words),
  };
  const sums = options.sums === undefined ? defaultSumsModel() : options.sums;
  const voteVerbs = new Set([...settings.stanceWords.words, ...settings.ownVoteVerbs.words]);
  const restateRules = { minSharedWords, window: settings.restateWindow.value, stopLemmas: new Set(settings.stopLemmas.words) };
  return {
    name: 'numeric',
    version: 1,
    requires: ['sentence', 'quantity'],
    assigns: [],
    run(doc, ctx) {
      const { tokens, paragraphs } = textAnalysisOf(doc.text, ctx.cache);
      // "41, 34 and 30 per cent": bare figures listed before a percentage are read as percentages (elided-percents.ts).
      const located = withElidedPercents(locateQuantities(doc, paragraphs), tokens);
      const sentenceTokens = sentenceTokenRanges(doc, tokens);
      const shortForms = unitShortForms(located, tokens);
      const units = unitKeys(located, tokens, carryJoiners, shortForms);
      const ownUnits = unitKeys(located, tokens, NO_JOINERS, shortForms);
      // Totals followed by their parts are judged first; a total judged so is not judged again against earlier figures.
      const totals = new Set<string>();
      const gapped = gappedObjects(located, tokens, carryJoiners, shortForms);
      const bySentence = amountsBySentence(located);
      const { nested, holders } = nestedFigures(bySentence, tokens, sentenceTokens, cues);
      const partitions = { doc, located, gapped, nested, anaphoricWholes, moneyMeasures, sentenceTokens, tokens, cues, units, rules: listRules, bySentence, partsBySentence: partsBySentence(located), chains: { ...chains, ownUnits }, sharesBySentence: sharesBySentence(located), ...partitionWords };
      const findings: Finding[] = [
        ...checkPartitions(partitions, totals),
        // Parts gathered from earlier sentences must each name what they count: a bare "10 died" is too loose a part.
        // A bare part that goes on with a list of its sentence counts the list's noun ("29 people in Leeds, 21 in York").
        ...checkTotals(doc, located, sentenceTokens, tokens, cues, ownUnits, totals, { units: new Map([...listUnits(located, tokens, units, ownUnits), ...elidedUnits(located, tokens, ownUnits)]), nested, holders }),
        ...checkShares(doc, located, tokens, sentenceTokens, shareRules),
        ...checkShareCounts({ doc, tokens, sentenceTokens, units, ...shareCountRules }, located),
        ...checkMargins(doc, located, tokens, voteVerbs, shareTolerance),
        ...checkRanges(doc),
        ...checkRestated(doc, located, sentenceTokens, tokens, restateRules),
      ];
      if (sums) {
        const sentenceOf = sentenceIndexOf(doc, tokens);
        const rulesFound = [...findings];
        // The model reads unit keys as it was trained on them, without the short forms in brackets (units.ts unitKeys):
        // walked again only where the text gives one.
        const modelUnits = shortForms.size === 0 ? units : unitKeys(located, tokens, carryJoiners);
        findings.push(...learnedSums({ doc, located, tokens, units: modelUnits, sentenceOf, judged: totals, findings: rulesFound, rules: listRules }, sums));
        findings.push(...learnedShares({ doc, located, tokens, sentenceOf, findings: rulesFound, rules: listRules, shareRules }, sums));
      }
      return { findings: findings.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule)) };
    },
  };
}

/** The list rules of numeric.json (copulas, kinds, stages of life, answers ...), as sets and maps. */
export function compileListRules() {
  return {
    stance: new Set(settings.stanceWords.words),
    prepositions: new Set(settings.partitionPrepositions.words),
    joiners: new Set(settings.listJoiners.words),
    copulas: new Set(settings.copulas.words),
    abstentions: new Set(settings.abstentions.words),
    noAnswers: new Set(settings.noAnswers.words),
    negatedAnswers: new Set(settings.negatedAnswers.words),
    winVerbs: new Set(settings.winVerbs.words),
    timeWords: new Set(settings.timeWords.words),
    breakers: new Set(settings.listBreakers.words),
    reportAsides: new Set(settings.reportAsides.words),
    residualPlaces: new Set(settings.residualPlaces.words),
    additiveBefore: new Set(settings.additiveBefore.words),
    additiveAfter: new Set(settings.additiveAfter.words),
    lifeStages: new Set(settings.lifeStages.words),
    residualChoices: new Set(settings.residualChoices.words),
    exclusiveOutcomes: outcomeGroups(settings.exclusiveOutcomes.groups),
    sameOutcomes: new Map(settings.sameOutcomes.groups.flatMap((group, i) => group.map((word) => [word, i] as const))),
    ownVoteVerbs: new Set(settings.ownVoteVerbs.words),
    multiAnswerVerbs: new Set(settings.multiAnswerVerbs.words),
    ratingGrades: new Set(settings.ratingGrades.words),
    processStages: new Map(settings.stagesOfOneProcess.groups.flatMap((group, i) => group.map((word) => [word, i] as const))),
    exclusiveKinds: new Map(settings.exclusiveKinds.groups.flatMap((group, i) => group.map((word) => [word, i] as const))),
    kindSets: settings.kindSets.sets.map((set) => new Set(set)),
  };
}

/** The share-reading rules of numeric.json (shared by the check and the sums model's trainer). */
export function compileShareRules(listRules: ReturnType<typeof compileListRules>, shareTolerance: number = settings.shareTolerance.value): ShareRules {
  return {
    tolerance: shareTolerance,
    notShareBefore: new Set(settings.notShareBefore.words),
    notShareAfter: new Set(settings.notShareAfter.words),
    particleVerbs: new Set(settings.particleVerbs.words),
    thresholds: new Set(settings.thresholdAfter.words),
    baselines: new Set(settings.baselineWholes.words),
    questionVerbs: new Set(settings.questionVerbs.words),
    singleAnswer: new Set(settings.singleAnswer.words),
    choiceVerbs: new Set(settings.choiceVerbs.words),
    rateSubjects: new Set(settings.rateSubjects.words),
    residualParts: new Set(settings.residualParts.words),
    voteWholes: new Set(settings.voteWholes.words),
    settings: { prepositions: new Set(settings.settingPrepositions.words), notSettings: new Set(settings.notSettings.words) },
    list: listRules,
  };
}

/** Each end state to the groups it belongs to ("died" ends both an attack and a stay in hospital). */
function outcomeGroups(groups: readonly (readonly string[])[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  groups.forEach((group, i) => group.forEach((word) => out.set(word, [...(out.get(word) ?? []), i])));
  return out;
}

/**
 * `range-inverted`: a range written with its low end above its high end ("between 50 and 20"). A range of two negative
 * figures is written either way ("stored at between -60 and -80 degrees": from the warmer end to the colder), so it is
 * never inverted.
 */
function checkRanges(doc: Document): Finding[] {
  return doc
    .all('quantity')
    .filter((q) => q.bound === 'range' && q.low !== undefined && q.high !== undefined && q.low > q.high && !(q.low < 0 && q.high < 0))
    .map((q) => ({
      rule: 'range-inverted',
      severity: 'warning' as const,
      message: `"${doc.slice(q)}" is a range whose low end (${fmt(q.low!)}) exceeds its high end (${fmt(q.high!)}).`,
      start: q.start,
      end: q.end,
      annotationIds: [q.id],
    }));
}

/** Token index ranges `[from, to)` of each sentence, computed on demand. */
function sentenceTokenRanges(doc: Document, tokens: readonly Token[]): (s: number) => [number, number] {
  const sentences = doc.all('sentence');
  return (s) => {
    const { first, end } = tokenSpan(tokens, sentences[s]!);
    return [first, end];
  };
}
