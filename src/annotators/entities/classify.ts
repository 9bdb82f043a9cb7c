import type { EntityType } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import { bareText, candidateOver, RANK, type Candidate } from './candidate.js';
import { normalizeName } from './norm.js';
import { isNameWord, type NameRun, type RunContext } from './runs.js';

/** Run context plus where the gazetteer already found a place, outlet, agency or organisation. */
export interface ClassifyContext extends RunContext {
  /** 1 on tokens inside a gazetteer match that is not a person. */
  readonly listedNonPerson: Uint8Array;
}

const PREFIX_LINKS = new Set(['of', 'for', 'on']);

/**
 * Types a capitalised run by its head word, a document noun after it, or evidence that it names a person.
 * A name after "of"/"for" is typed on its own: "Brian Olsen of the Northport Herald" is a person and an outlet.
 */
export function classifyRun(ctx: ClassifyContext, run: NameRun): Candidate[] {
  const doc = documentAfter(ctx, run);
  if (doc) return [doc];
  const head = headed(ctx, run);
  if (head) {
    const left = connectorsBefore(ctx, head.first);
    const before = left > run.first ? classifyRun(ctx, { ...run, end: left }) : [];
    return [...before, head];
  }
  const described = describedBody(ctx, run);
  if (described) return [described];
  const cut = connectorAfterName(ctx, run);
  if (cut < 0) return optional(person(ctx, run));
  const out = optional(person(ctx, { ...run, end: cut }));
  let rest = cut;
  while (rest < run.end && !isNameWord(ctx.tokens[rest], ctx.rules)) rest++;
  if (rest < run.end) out.push(...classifyRun(ctx, { first: rest, end: run.end, complement: true }));
  return out;
}

/** Index of the first of the connectors right before token `at` (or `at` when there are none). */
function connectorsBefore(ctx: ClassifyContext, at: number): number {
  let k = at;
  while (k > 0 && ctx.rules.connectors.has(ctx.tokens[k - 1]!.text)) k--;
  return k;
}

const optional = (cand: Candidate | undefined): Candidate[] => (cand ? [cand] : []);

/** Index of the first joining word (of, for, the, and) after any leading title, or -1. */
function connectorAfterName(ctx: ClassifyContext, run: NameRun): number {
  for (let i = afterTitles(ctx, run); i < run.end; i++) {
    const rule = ctx.rules.connectors.get(ctx.tokens[i]!.text);
    if (rule && rule !== 'particle') return i;
  }
  return -1;
}

function make(ctx: ClassifyContext, first: number, end: number, type: EntityType): Candidate {
  const stop = candidateOver(ctx.tokens, first, end, { type, norm: '', rank: RANK.pattern });
  return { ...stop, norm: normalizeName(ctx.text.slice(stop.start, stop.stop)) };
}

/** "the Mueller report", "a Harbour Authority briefing": a name directly followed by a document noun. */
function documentAfter(ctx: ClassifyContext, run: NameRun): Candidate | undefined {
  const next = ctx.tokens[run.end];
  const last = ctx.tokens[run.end - 1]!;
  if (!next || next.pos !== 'NOUN' || next.text !== next.lower || !ctx.rules.docNounsAfterName.has(next.lemma)) return undefined;
  // "CBS reports that...": a plural here is usually the verb wink mistook for a noun.
  if (bareText(last) !== last.text || next.start - last.end > 1 || next.lower !== next.lemma) return undefined;
  return make(ctx, run.first, run.end + 1, 'document');
}

/**
 * "Ministry of X", "Centre for X" (head before of/for/on) or "X Times", "X Intelligence Service" (head last).
 * The name starts at the head when a connector comes before it ("Officials of the Ministry of X").
 */
function headed(ctx: ClassifyContext, run: NameRun): Candidate | undefined {
  const { tokens, rules } = ctx;
  for (let p = run.first; p < run.end - 2; p++) {
    const prefix = rules.prefixHeads.get(tokens[p]!.text);
    if (!prefix || !PREFIX_LINKS.has(tokens[p + 1]!.lower)) continue;
    const first = p > run.first && rules.connectors.has(tokens[p - 1]!.text) ? p : run.first;
    return make(ctx, first, run.end, prefix);
  }
  const lastWord = bareText(tokens[run.end - 1]!);
  // wink keeps "Post-Gazette" as one token: its last part is the head.
  const suffix = rules.suffixHeads.get(lastWord) ?? rules.suffixHeads.get(lastWord.slice(lastWord.lastIndexOf('-') + 1));
  if (!suffix) return undefined;
  let first = run.first;
  for (let k = run.first; k < run.end; k++) {
    const rule = rules.connectors.get(tokens[k]!.text);
    if (rule && rule !== 'particle') first = k + 1;
  }
  while (first < run.end && !isNameWord(tokens[first], rules)) first++;
  const single = run.end - first < 2 && lastWord === bareText(tokens[run.end - 1]!) && !lastWord.includes('-');
  return single ? undefined : make(ctx, first, run.end, suffix);
}

/** "the carmaker Veltra", "the polling firm Civica": a name typed by the lower-case noun right before it. */
function describedBody(ctx: ClassifyContext, run: NameRun): Candidate | undefined {
  const { tokens, rules } = ctx;
  const before = tokens[run.first - 1];
  const type = before && before.text === before.lower ? rules.descriptors.get(before.lower) : undefined;
  if (!type || rules.titles.has(tokens[run.first]!.text) || rules.givenNames.has(tokens[run.first]!.text)) return undefined;
  if (connectorAfterName(ctx, run) >= 0) return undefined;
  return make(ctx, run.first, run.end, type);
}

/** A person: a title, a known given name, or a speech verb next to the name; titles stay outside the span. */
function person(ctx: ClassifyContext, run: NameRun): Candidate | undefined {
  const { tokens, rules } = ctx;
  const nameFirst = afterTitles(ctx, run);
  const titled = nameFirst > run.first || rules.lowerTitles.has(tokens[run.first - 1]?.text ?? '');
  if (nameFirst >= run.end) return undefined;
  for (let i = nameFirst; i < run.end; i++) if (ctx.listedNonPerson[i]) return undefined;
  if (allIn(tokens, rules.demonyms, nameFirst, run.end) || allIn(tokens, rules.commonSubjects, nameFirst, run.end)) return undefined;
  // Acronyms name bodies, not people ("the NCIA said"); a bracketed one is linked to its body later.
  if (allAcronyms(tokens, nameFirst, run.end)) return hasCue(ctx, run) ? make(ctx, nameFirst, run.end, 'organization') : undefined;
  let first = nameFirst;
  // A role word before a given name ("Actor Jane Berg") is not part of the name.
  if (run.end - first >= 3 && !rules.givenNames.has(tokens[first]!.text) && rules.givenNames.has(tokens[first + 1]!.text)) first++;
  const given = run.end - first >= 2 && rules.givenNames.has(tokens[first]!.text);
  if (!titled && !given && !hasCue(ctx, run)) return undefined;
  return make(ctx, first, run.end, 'person');
}

/**
 * The first token of the name after the last title in the run ("Chief Strategy Officer Ivan Braiker",
 * "Secretary of State Jane Olsen"), or the run start when it holds no title.
 */
function afterTitles(ctx: ClassifyContext, run: NameRun): number {
  const { tokens, rules } = ctx;
  let name = run.first;
  for (let p = run.first; p < run.end; p++) {
    if (!rules.titles.has(tokens[p]!.text)) continue;
    // Modifiers after a title still belong to it ("Secretary of State"), then the name starts.
    let q = p + 1;
    while (q < run.end && (rules.titleModifiers.has(tokens[q]!.text) || tokens[q]!.lower === 'of')) q++;
    name = q;
  }
  return name;
}

function allIn(tokens: readonly Token[], words: ReadonlySet<string>, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (!words.has(bareText(tokens[i]!))) return false;
  return true;
}

/** True when every token is an acronym (two capitals or more, no lower-case letter). */
function allAcronyms(tokens: readonly Token[], first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (!/^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u.test(bareText(tokens[i]!))) return false;
  return true;
}

/** A speech verb right after the run ("Olsen said", "Olsen has said") or right before it ("said Olsen"). */
function hasCue(ctx: ClassifyContext, run: NameRun): boolean {
  const { tokens, rules } = ctx;
  if (run.complement) return false;
  const next = tokens[run.end];
  const after = next && (next.lower === 'has' || next.lower === 'had') ? tokens[run.end + 1] : next;
  if (after && rules.personCues.has(after.lower)) return true;
  const before = tokens[run.first - 1];
  return before !== undefined && rules.invertedCues.has(before.lower) && !isSentenceOpen(tokens, run.end);
}

function isSentenceOpen(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.type === 'word';
}
