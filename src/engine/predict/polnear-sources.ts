// PolNeAR's conventions for an attribution's source and cue, applied before the brat writer (brat.ts) writes them: the
// source's span (a relative pronoun before the cue, a title or relative clause with it, a name past a slash, a
// quantifier, the whole word, no leading quotation marks), the issuer of a statement, a passive's agent, a raising
// verb's subject as content, and the cues that take "in a statement" or a light verb's object.
import { rangeAt, type Range as Range16 } from '../../core/range.js';

/**
 * Words that may stand between a relative pronoun and the cue it is the subject of ("who has", "who'd previously",
 * "which will not"): auxiliaries that are no form of "be" (a passive's subject is no source) and adverbs of time.
 */
const RELATIVE_FILLER = String.raw`(?:(?:also|previously|once|just|always|often|recently|later|then|now|since|still|already|never|first|has|have|had|will|would|did|does|do|could|should|can|may|might|not)\s+)*`;
/** "Jane Ortiz, who said": between a source and its cue, a relative pronoun that PolNeAR marks as the source. */
const RELATIVE_BETWEEN = new RegExp(String.raw`^\s*[,—–-]?\s*(who|whom|which|that)(?:['’](?:s|ve|d|ll))?\s+${RELATIVE_FILLER}$`, 'iu');

/** "Doug Usher, director of research at Widmeyer, said": an appositive or relative clause between a source and its cue. */
const ASIDE_BETWEEN = /^,\s+([^“”"\n]{1,250}),\s*$/u;
/** "A plumbing contractor who attended the rally, said": a relative clause right after the source, closed by a comma before the cue. */
const RESTRICTIVE_BETWEEN = /^\s+(?:who|that)\s[^“”"\n]{1,250},\s*$/u;

/** Asides before the cue that PolNeAR leaves out of the source: relative clauses, adverbs and prepositional phrases. */
const NOT_TITLE = /^(?:who|whom|whose|which|that|however|though|too|also|meanwhile|instead|then|in|on|at|after|before|for|with|by|during|like|unlike|despite|from|in|speaking|asked|when|until|since|\p{Ll}+ly)\b/iu;

/**
 * The source span as PolNeAR marks it: claimtrace reports the phrase a relative pronoun stands for ("Jane Ortiz"),
 * PolNeAR the pronoun itself ("who") when it stands right before the cue.
 */
export function polnearSource(text: string, source: { start: number; end: number }, cue: { start: number; end: number }, otherCueIn: (from: number, to: number) => boolean = () => false, content?: Range16): { start: number; end: number } {
  if (source.start >= cue.end) {
    // A describing clause that holds another attribution's cue ("said Ana Ruiz, who said …") is that attribution's, and
    // one that runs into the attribution's own content ("According to F.A.A. records, the Boeing has flown …") is that
    // content, not the source's (training side: of the sources the latter changes, 16 gold against 9 before; the
    // contents 20 against 13).
    const slashed = withSlashed(text, source);
    const titled = withTitle(text, slashed);
    const intoContent = content !== undefined && content.start < titled.end && slashed.end < content.end;
    const kept = opensWithCue(text, slashed.end, titled.end, otherCueIn) || intoContent ? slashed : titled;
    const related = withRelative(text, kept);
    return opensWithCue(text, kept.end, related.end, otherCueIn) ? kept : related;
  }
  const between = text.slice(source.end, cue.start);
  const aside = ASIDE_BETWEEN.exec(between);
  if (aside && !notAppositive(aside[1]!) && !NOT_TITLE.test(aside[1]!)) return { start: source.start, end: source.end + between.trimEnd().length };
  if (RESTRICTIVE_BETWEEN.test(between)) return { start: source.start, end: source.end + between.trimEnd().length };
  const relative = RELATIVE_BETWEEN.exec(between);
  if (!relative) return source;
  const start = source.end + relative[0].indexOf(relative[1]!);
  return { start, end: start + relative[1]!.length };
}


/**
 * A source after its cue with the restrictive relative clause that follows it ("said Mark Ode, a Democratic pollster
 * who is not involved with the campaign"), as PolNeAR marks it (train, training side: the strict match won 31 times,
 * lost 7).
 */
function withRelative(text: string, source: Range16): Range16 {
  const clause = RELATIVE_AFTER.exec(text.slice(source.end, source.end + 220));
  return clause ? { start: source.start, end: source.end + clause[0].trimEnd().length } : source;
}

/** "a New York Times/CBS News survey": the names after a slash and the poll or survey they end in. */
const SLASHED = /^\/[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*))*(?:\s+(?:poll|survey)s?)?/u;

/** A source that stops at a slash inside a name goes on past it (train, training side: won 5, lost 0). */
function withSlashed(text: string, source: Range16): Range16 {
  const rest = SLASHED.exec(text.slice(source.end, source.end + 120));
  return rest ? { start: source.start, end: source.end + rest[0].length } : source;
}

/** An appositive or relative clause after a name: from ", " up to the next comma, full stop, colon, semicolon or quotation mark ("U.S.", "Gov. Scott Walker" kept whole). */
/** Abbreviations written with a full stop before a name inside a describing clause ("who worked for Wisconsin Gov. Scott Walker"). */
const ABBREVIATION = String.raw`\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Co|Corp|Ltd|Calif|Mass|Conn|Fla|Ill|Ind|Mich|Minn|Ore|Pa|Tenn|Va|Wash|Wis)\.(?=\s)`;
const APPOSITIVE = new RegExp(String.raw`^,\s+(?:${ABBREVIATION}|\p{Lu}\.|[^,.;:“”"\n]|\.(?=\p{Lu}))+?(?=[.;:](?!\p{Lu})|,\s|\s*$|[“”"])`, 'u');
/**
 * A restrictive relative clause right after a source: " who" or " that", up to a comma, full stop, colon or quotation
 * mark (an abbreviation's stop ends it too: reading past "Mr." lost on the validation split, −0.0006 Source).
 */
const RELATIVE_AFTER = /^ (?:who|that) [^,.;:“”"\n]{1,200}/u;
/**
 * Words that open a new clause of the writer's, not a description of the source; among them a participle clause ("Mr.
 * Bush, channeling his roots, said", "said Murphy, using a term …"): PolNeAR train, training side, leaves it out of the
 * source 12 times, keeps it 3 ("including" lists the source's members and stays).
 */
const NOT_APPOSITIVE = /^(?:but|and|or|compared|according|as|if|when|because|while|although)\b/i;
const PARTICIPLE_CLAUSE = /^(?!including\b)\p{Ll}{2,}ing\b/u;

/** Whether a clause after a comma is the writer's, not a description of the source (see NOT_APPOSITIVE). */
const notAppositive = (clause: string) => NOT_APPOSITIVE.test(clause) || PARTICIPLE_CLAUSE.test(clause);

/** The words that open a describing clause before its verb: the comma, a relative pronoun, auxiliaries and adverbs ("…, who has also said"). */
const CLAUSE_OPENING = /^[,\s]*(?:(?:who|which|that)(?:['’](?:s|ve|d|ll))?[\s,]+)?(?:(?:also|later|then|previously|once|recently|has|have|had|will|would|did|does|do|\p{Ll}+ly)[\s,]+)*/iu;

/**
 * Whether a clause from `from` to `to` opens with another attribution's cue ("…, referring to", "…, who said"): such a
 * clause is left out of a source after its cue (PolNeAR train, training side: of the source spans this changes, 24 of
 * the new ones are gold against 16 of the old).
 */
function opensWithCue(text: string, from: number, to: number, otherCueIn: (from: number, to: number) => boolean): boolean {
  if (to <= from) return false;
  const at = from + CLAUSE_OPENING.exec(text.slice(from, to))![0].length;
  return otherCueIn(at, at + 1);
}

/**
 * A source placed after its cue keeps the clause that describes it, as PolNeAR marks it ("…, said Ana Ruiz, a
 * spokeswoman for the port." → "Ana Ruiz, a spokeswoman for the port"; "…, said Black, who has known him for years").
 * Only for a source that starts with a capital letter (a name or title); claimtrace's own source span is the name.
 */
function withTitle(text: string, source: { start: number; end: number }): { start: number; end: number } {
  if (!/^\p{Lu}/u.test(text.slice(source.start, source.start + 1))) return source;
  const clause = APPOSITIVE.exec(text.slice(source.end, source.end + 160));
  if (!clause || notAppositive(clause[0].replace(/^,\s+/, ''))) return source;
  return { start: source.start, end: source.end + clause[0].length };
}

/** "said in a statement": PolNeAR train puts "in a statement" after a reporting verb into its cue 42 times, leaves it out 23. */
const IN_A_STATEMENT = /^ in (?:a|the) (?:written |joint |brief )?statement\b/;

/**
 * "said sarcastically.", "wrote recently,", "have said repeatedly": an adverb of manner or time right after the cue that
 * ends its clause, or one of a few that PolNeAR keeps in the cue wherever they stand (train, training side: the gold cue
 * runs to the adverb 17 times, stops before it 3).
 */
const ADVERB_AFTER = /^ (?:\p{Ll}+ly(?=\s*[.,;:—])|(?:repeatedly|recently|publicly|privately)\b)/u;
const ON_MEDIUM = /^ on (?:Twitter|Facebook|Instagram)\b/u;

/** A cue followed by "in a statement" or an adverb that ends its clause with them, as PolNeAR marks it more often than not. */
export function withStatement(text: string, cue: Range16): Range16 {
  const after = IN_A_STATEMENT.exec(text.slice(cue.end, cue.end + 40)) ?? ADVERB_AFTER.exec(text.slice(cue.end, cue.end + 30)) ?? ON_MEDIUM.exec(text.slice(cue.end, cue.end + 30));
  return after ? { start: cue.start, end: cue.end + after[0].length } : cue;
}

/** A source that starts after a hyphen or slash inside a word starts at the word ("72-year-|old mother", "Journal/|NBC News poll"). */
export function wholeWordStart(text: string, range: Range16): Range16 {
  if (!/[-/]/.test(text[range.start - 1] ?? '') || !/[\p{L}\p{N}]/u.test(text[range.start - 2] ?? '')) return range;
  let start = range.start - 1;
  while (start > 0 && /[\p{L}\p{N}\-/.]/u.test(text[start - 1]!)) start--;
  return { start, end: range.end };
}

/** "made no mention of", "took aim at", "gave credit to": PolNeAR train puts the object and preposition after make, take and give into the cue 36 times, leaves them out 6. */
const LIGHT_VERB = /\b(?:make|makes|made|making|take|takes|took|taken|taking|give|gives|gave|given|giving)$/i;
const LIGHT_OBJECT = /^(?:(?:a|an|the|no|his|her|their|its|some|any|little|much)\s+)?(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+\s+(?:about|of|with|against|for|on|over|at|to)\s+(?=\S)/u;

/** A cue of make, take or give whose content opens with a short object and a preposition takes them ("made no mention of" + "nuclear weapons"). */
export function withLightVerb<T extends { cue: Range16; content: Range16 }>(text: string, a: T): T {
  if (a.content.start < a.cue.end || !LIGHT_VERB.test(text.slice(a.cue.start, a.cue.end)) || !/^\s*$/.test(text.slice(a.cue.end, a.content.start))) return a;
  const object = LIGHT_OBJECT.exec(text.slice(a.content.start, a.content.end));
  if (!object) return a;
  const at = a.content.start + object[0].trimEnd().length;
  return { ...a, cue: { start: a.cue.start, end: at }, content: { start: a.content.start + object[0].length, end: a.content.end } };
}

/** "a statement", "the following statement", "a written statement Tuesday": a statement as a source. */
const STATEMENT_SOURCE = /^(?:a|an|the)\s+(?:[\p{L}-]+\s+)?statement(?:\s+\p{L}+)?$/iu;
/** The verb of issuing right before it, with an adverb ("also issued", "quickly put out"). */
const ISSUED_BEFORE = /(?:^|\s)((?:issued|released|put out|sent out|posted))\s+$/i;
/** Words that open a lead before the subject ("On Tuesday, ", "Late on Monday, "), not the subject, when the subject ends in a comma. */
const LEAD = /^(?:(?:on|in|at|after|before|late|early|earlier|later|last|meanwhile|then|but|and|so|also|when|while)\b[^,]{0,60},\s*)/i;
/** How many words the issuer before the verb may have. */
const ISSUER_WORDS = 12;

/**
 * "The ministry issued a statement saying …": the finders take "a statement" as the source of "saying"; PolNeAR marks
 * the issuer as the source and "issued a statement saying" as the cue (PolNeAR train: 35 cues of issuing, releasing,
 * putting out or sending out a statement). The issuer is the sentence's words before the verb, after the last comma or
 * a lead phrase; a relative pronoun right before the verb stands for it ("which released a statement").
 */
export function withIssuer<T extends { source: Range16 | null; cue: Range16 }>(text: string, a: T, sentences: readonly Range16[]): T {
  if (!a.source || a.source.end > a.cue.start || !STATEMENT_SOURCE.test(text.slice(a.source.start, a.source.end))) return a;
  const sentence = sentences[rangeAt(sentences, a.source.start)];
  if (!sentence) return a;
  const verb = ISSUED_BEFORE.exec(text.slice(sentence.start, a.source.start));
  if (!verb) return a;
  const verbStart = a.source.start - verb[0].length + verb[0].indexOf(verb[1]!);
  const before = text.slice(sentence.start, verbStart);
  const relative = /(?:^|[\s,])(who|which|that)\s+(?:\p{Ll}+ly\s+|also\s+)?$/u.exec(before);
  const to = sentence.start + before.replace(/(?:\s+(?:\p{Ll}+ly|also|then))*\s*$/u, '').length;
  // "Minutes later, the campaign issued": after the last comma, unless the words before the verb end with one (an
  // appositive: "Ana Ruiz, the mayor's spokeswoman, issued").
  const lastComma = text.slice(sentence.start, to).lastIndexOf(', ');
  const afterLead = lastComma >= 0 && text[to - 1] !== ',' ? sentence.start + lastComma + 2 : sentence.start + (LEAD.exec(before)?.[0].length ?? 0);
  let from = relative ? sentence.start + relative.index + relative[0].indexOf(relative[1]!) : afterLead;
  while (from < to && /\s/.test(text[from]!)) from++;
  const words = text.slice(from, to).split(/\s+/).filter(Boolean).length;
  if (words === 0 || words > ISSUER_WORDS || /[“”"]/.test(text.slice(from, to))) return a;
  return { ...a, source: { start: from, end: to }, cue: { start: verbStart, end: a.cue.end } };
}

/** "all of", "two of" right before a relative pronoun source. */
const QUANTIFIER_BEFORE = /\b(?:all|both|each|either|neither|none|some|most|many|several|few|half|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+$/i;

/** A relative pronoun source with its quantifier ("two of whom"), as PolNeAR marks it (train: 5 of 5 such sources). */
export function withQuantifier(text: string, source: Range16): Range16 {
  if (!/^(?:whom|which)$/i.test(text.slice(source.start, source.end))) return source;
  const before = QUANTIFIER_BEFORE.exec(text.slice(Math.max(0, source.start - 20), source.start));
  return before ? { start: source.start - before[0].length, end: source.end } : source;
}

/** "nearly", "about", "more than", "at least" right before a share or a count. */
const APPROXIMATION_BEFORE = /(?:^|[^\p{L}])((?:nearly|about|almost|more than|less than|fewer than|at least|roughly|around|close to|over|approximately)\s+)$/iu;
/** A source that opens with a share or a count ("half of voters", "two-thirds", "9 percent", "a dozen members", "everyone"). */
const SHARE_START = /^(?:\d|half\b|a (?:third|quarter|fifth|dozen|majority|handful)\b|(?:one|two|three|four)[- ](?:thirds?|quarters?|fifths?|dozen)\b|(?:every|any)(?:one|body)\b)/iu;

/**
 * A share or count as source with the approximation before it ("Nearly half said", "at least a dozen members of
 * Congress told"), as PolNeAR marks it (train, training side: the gold source starts at the approximation 16 times, at
 * the share 0; "just" and "only" are left out, as PolNeAR mostly does).
 */
export function withApproximation(text: string, source: Range16): Range16 {
  if (!SHARE_START.test(text.slice(source.start, source.end))) return source;
  const before = APPROXIMATION_BEFORE.exec(text.slice(Math.max(0, source.start - 20), source.start));
  return before ? { start: source.start - before[1]!.length, end: source.end } : source;
}

/** A source without the quotation marks the finders sometimes give it at its start ("'' Mr. Gidley" after NYT's ''X,''). */
export function withoutMarks(text: string, source: { start: number; end: number }): { start: number; end: number } {
  const lead = /^[\s'"“”]*/u.exec(text.slice(source.start, source.end))![0].length;
  return lead > 0 && source.start + lead < source.end ? { start: source.start + lead, end: source.end } : source;
}

/** Words after "by" that end a passive's agent ("criticized by some of his rivals for failing …"). */
const AGENT = /^\s*by\s+((?:(?!(?:for|to|that|as|in|on|after|because|when|who|which|whom|whose|what|why|how|where|whether|over|with|at|during|since|than|if|while|and|but)\b)[^\s,.;:“”"()\n]+\s*){1,10}?)(?=[,.;:“”"()\n]|\s+(?:for|to|that|as|in|on|after|because|when|who|which|whom|whose|what|why|how|where|whether|over|with|at|during|since|than|if|while|and|but)\b|\s*$)/i;

/**
 * The agent of a sourceless passive cue as its source ("was first reported by MSNBC", "has been criticized by some of
 * his rivals for …"), as PolNeAR marks it: the words after "by" (the cue's last word or the one after it) up to
 * punctuation or a word that opens the rest of the clause. A content that starts at the "by" or the agent starts after
 * the agent; an agent further inside the content ("seen by some as a demotion") stays there. PolNeAR train, training
 * side: 18 of the 35 agents so written are the gold source (the strict measure), none of the contents lost; a content
 * that is only "by" and the agent is dropped, its agent the source (8 of 11 such sources gold, 9 of 10 contents spurious).
 */
export function withAgent(text: string, cue: Range16, fragments: readonly Range16[]): { source?: Range16; fragments: readonly Range16[] } {
  const ownBy = /\bby$/i.test(text.slice(cue.start, cue.end));
  const by = ownBy ? cue.end - 2 : cue.end;
  const agent = AGENT.exec(text.slice(by, cue.end + 120));
  if (!agent || /^\s*by\s+large\b/i.test(text.slice(by, by + 12))) return { fragments };
  const start = by + agent[0].length - agent[1]!.length;
  const end = start + agent[1]!.trimEnd().length;
  const inside = fragments.filter((f) => f.start < end && start < f.end);
  if (end <= start || inside.length > 1 || (inside[0] && (inside[0] !== fragments[0] || inside[0].start < by))) return { fragments };
  if (!inside[0]) return { source: { start, end }, fragments };
  let from = end;
  while (from < inside[0].end && /\s/.test(text[from]!)) from++;
  if (from < inside[0].end) return { source: { start, end }, fragments: [{ start: from, end: inside[0].end }, ...fragments.slice(1)] };
  // A content that is only "by" and the agent ("was first reported by Politico") is the source, and no content.
  return { source: { start, end }, fragments: fragments.slice(1) };
}

/** ", who", ", which" (with a contraction: "who's", "who'd") and the filler, right before the cue. */
const RELATIVE_BEFORE = new RegExp(String.raw`,\s*(who|which)(?:['’](?:s|ve|d|ll))?\s+${RELATIVE_FILLER}$`, 'iu');
/** Cues whose subject is no source: passives and forms of "be", raising verbs, adverbs ("who reportedly has"). */
const NOT_RELATIVE_CUE = /^(?:is|was|are|were|be|been|being|will be|has been|have been|had been)\b|ly$|^(?:appear|seem)/iu;

/**
 * The relative pronoun before a sourceless cue as its source ("…, said Ana Ruiz, who has argued that …"), as PolNeAR
 * marks it: the finders leave such cues without a source when the pronoun's phrase is another attribution's source.
 * PolNeAR train, training side: of the sourceless predicted cues after ", who" or ", which" (not passives, raising
 * verbs or adverbs), the gold source is the pronoun 15 times; 7 of the cues are no gold cue at all.
 */
export function relativeBefore(text: string, cue: Range16): Range16 | undefined {
  if (NOT_RELATIVE_CUE.test(text.slice(cue.start, cue.end))) return undefined;
  const before = text.slice(Math.max(0, cue.start - 80), cue.start);
  const m = RELATIVE_BEFORE.exec(before);
  if (!m) return undefined;
  const start = cue.start - before.length + m.index + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}

/** "appears", "seemed", "does not seem": a verb that raises its subject out of the clause it reports. */
const RAISING = /(?:^|\s)(?:appears?|appeared|appearing|seems?|seemed|seeming)$/i;

/**
 * The content of a raising verb with its subject before it, as PolNeAR marks it: no source, the subject and the rest as
 * one content in two fragments ("Ben Carson appears to be slipping" → "Ben Carson" … "to be slipping"). PolNeAR train,
 * training side: of the predicted "appear"/"seem" cues with a source before them and a gold cue, the gold attribution has
 * no source 40 times, ours once.
 */
export function raisedSubject(text: string, cue: Range16, source: Range16, fragments: readonly Range16[]): Range16[] | undefined {
  if (!RAISING.test(text.slice(cue.start, cue.end)) || source.end > cue.start || !fragments.length || fragments[0]!.start < cue.end) return undefined;
  return [source, ...fragments];
}
