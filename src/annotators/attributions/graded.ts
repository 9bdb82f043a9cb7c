// What grading produces and needs, shared by grade.ts and institution.ts.
import type { EntityAnnotation, SourceGrade } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import type { Lexicon, SourceClass } from './lexicon.js';
import type { Span } from './noun-phrase.js';
import type { MentionWords } from './resolve.js';
import { startsUpper } from '../../nlp/letters.js';

/** A graded source phrase. */
export interface GradedSource {
  readonly grade: SourceGrade;
  /** The grade when the anaphor finds no antecedent (a first mention: "the interior ministry"); absent: `grade`. */
  readonly unresolved?: SourceGrade;
  /**
   * The words that point back ("this media organization" inside "the files obtained by ..."); set on every anaphoric
   * grade, and on a description that may repeat an earlier mention ("the ministry", graded `unresolved` when it does not).
   */
  readonly anaphor?: Span;
  /** What an antecedent must contain ("operator" and "rail" for "the rail operator"); absent: any of the classes. */
  readonly mention?: MentionWords;
  /** For anaphoric grades: the classes the antecedent may have (empty: unknown). */
  readonly pointsAt: readonly SourceClass[];
  /** What the source itself is, so later anaphors can point at it (empty: unknown). */
  readonly is: readonly SourceClass[];
  readonly entityIds: readonly string[];
}

/** What grading needs besides the phrase: tokens, entities sorted by start, the lexicon. */
export interface GradeContext {
  readonly tokens: readonly Token[];
  readonly entities: readonly EntityAnnotation[];
  readonly lex: Lexicon;
}

/** True for a word written with a capital first letter. */
export const isCapitalised = (t: Token) => startsUpper(t.text);

/** The words of a data list ({ words, reason } entries) as one set. */
export const listed = (list: readonly { words: readonly string[] }[]) => new Set(list.flatMap((e) => e.words));

/** A source that names no one a reader could check. */
export const vagueSource = (entityIds: readonly string[]): GradedSource => ({ grade: 'vague', pointsAt: [], is: [], entityIds });

/** A back-reference to something of the given classes mentioned before. */
export function anaphoricSource(span: Span, classes: readonly SourceClass[], entityIds: readonly string[]): GradedSource {
  return { grade: 'anaphoric', anaphor: span, pointsAt: classes, is: classes.includes('document') ? ['document'] : classes, entityIds };
}

