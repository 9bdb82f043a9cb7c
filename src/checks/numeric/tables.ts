// A table written as a sentence: labels each with one figure after a colon, run to the end of the sentence and
// separated by commas or semicolons, "and" or not ("The result across the 31 seats: Labour 12, Liberal Democrats 9,
// Conservatives 7, independents 4."). The whole is the figure the colon follows, or, after a heading that sorts by one
// dimension ("Staff by site: Corby 2,140; Leighton 1,380; ..."), the one amount of its kind in the sentence before.
// Or labels each with one figure in brackets after them ("sales (900), manufacturing (1,100) and administration (500)").
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { lastEndingBy, type Located } from './context.js';
import { countsTheParts } from './evidence.js';
import { fitsWhole, PART_WORDS } from './part-words.js';
import { MAX_PARTS, type Candidate, type PartitionInput } from './partition-input.js';

/** How many words a label may have ("Liberal Democrats", "head office"), and a table's rows at most. */
const LABEL_WORDS = 4;
const MAX_ROWS = 12;
/** How far before its colon the whole may end ("31 seats:", "the market's 84 stallholders:"). */
const WHOLE_REACH = 3;
const LABEL_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'PART']);
const SEPARATORS = new Set([',', ';']);
const ENDS = new Set(['.', '!']);

/** A table after a colon and its whole, as a list that must make the whole. */
export function colonTable(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  return tableWithWhole(input, s, group) ?? tableAfterHeading(input, s, group);
}

function tableWithWhole(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const [from, to] = input.sentenceTokens(s);
  const byStart = figuresByStart(input, s);
  for (let k = from; k < to; k++) {
    if (tokens[k]!.text !== ':') continue;
    const rows = tableAt(input, byStart, k + 1, to);
    const whole = lastEndingBy(group, tokens[k]!.start);
    if (!rows || !whole || k - tokenAt(tokens, whole.q.end) > WHOLE_REACH) continue;
    return judged(input, whole, rows);
  }
  return undefined;
}

/** The part figures of sentence `s` by the token they start at: a table's rows are looked up, not searched for. */
function figuresByStart(input: PartitionInput, s: number): Map<number, Located> {
  const byStart = new Map<number, Located>();
  for (const l of input.partsBySentence[s] ?? []) {
    const at = tokenAt(input.tokens, l.q.start);
    if (!byStart.has(at)) byStart.set(at, l);
  }
  return byStart;
}

function tableAfterHeading(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  if ((input.partsBySentence[s + 1] ?? []).length < 2) return undefined;
  const [from, to] = input.sentenceTokens(s + 1);
  let colon = -1;
  for (let k = from; k < Math.min(to, from + LABEL_WORDS + 2); k++) {
    if (tokens[k]!.text === ':') { colon = k; break; }
    // A heading is words with no auxiliary; a verb tag is not trusted there ("By rank:" reads "rank" as a verb).
    if (!tokens[k]!.lower.match(/^\p{L}/u) || tokens[k]!.pos === 'AUX') return undefined;
  }
  if (colon < 0 || !tokens.slice(from, colon).some((t) => PART_WORDS.headings.has(t.lower))) return undefined;
  const rows = tableAt(input, figuresByStart(input, s + 1), colon + 1, to);
  if (!rows) return undefined;
  const money = rows[0]!.q.quantityKind === 'money';
  const kin = group.filter((l) => (l.q.quantityKind === 'money') === money);
  if (kin.length !== 1 || rows[0]!.paragraph - kin[0]!.paragraph > 1) return undefined;
  return judged(input, kin[0], rows);
}

/** A candidate when every row fits the whole and the whole does not merely count them. */
function judged(input: PartitionInput, whole: Located | undefined, rows: readonly Located[]): Candidate | undefined {
  if (!whole || whole.q.bound === 'range' || !rows.every((p) => fitsWhole(input, whole, p))) return undefined;
  if (countsTheParts(whole.q, rows.map((p) => p.q))) return undefined;
  return { total: whole, parts: rows, role: 'chain', rest: true };
}

/**
 * The figures of a table that starts at token `k` and runs to the end of its sentence (tokens before `to`), looked up
 * among the sentence's figures by their first token (`figuresByStart`): each row a label of words that are no verbs,
 * then one figure, then a comma or semicolon ("and" may follow), the last row then the sentence's end. Undefined when
 * anything else stands in it.
 */
function tableAt(input: PartitionInput, byStart: ReadonlyMap<number, Located>, k: number, to: number): Located[] | undefined {
  const { tokens } = input;
  const rows: Located[] = [];
  let at = k;
  while (rows.length < MAX_ROWS) {
    const label = labelEnd(tokens, at, to);
    const figure = byStart.get(label);
    if (label === at || !figure) return undefined;
    rows.push(figure);
    let next = tokenAt(tokens, figure.q.end);
    if (next >= to || ENDS.has(tokens[next]!.text)) return rows.length >= 2 && next >= to - 1 ? rows : undefined;
    if (!SEPARATORS.has(tokens[next]!.text) && tokens[next]!.lower !== 'and') return undefined;
    next++;
    if (tokens[next]?.lower === 'and') next++;
    at = next;
  }
  return undefined;
}

/** The first token after a label of one to LABEL_WORDS words that starts at `k` (k itself when there is none). */
function labelEnd(tokens: readonly Token[], k: number, to: number): number {
  let at = k;
  while (at < to && at - k < LABEL_WORDS && isLabelWord(tokens[at]!)) at++;
  return at;
}

const isLabelWord = (t: Token) => t.type === 'word' && (LABEL_POS.has(t.pos) || /^\p{Lu}/u.test(t.text));

/**
 * "The firm's 2,400 employees work in sales (900), manufacturing (1,100) and administration (500)": figures each alone
 * in brackets after a label of their own are a table written as prose; the figure before the first of them in the
 * sentence, outside brackets, is their whole.
 */
const LABELS_END = new Set(['.', ';', ':', '!', '?']);

export function labelledList(input: PartitionInput, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const alone = (l: Located) => {
    const first = tokenAt(tokens, l.q.start);
    const after = tokenAt(tokens, l.q.end);
    return tokens[first - 1]?.text === '(' && tokens[after]?.text === ')' && tokens[first - 2]?.type === 'word';
  };
  const at = group.findIndex(alone);
  if (at < 1) return undefined;
  const parts: Located[] = [];
  for (let i = at; i < group.length && alone(group[i]!) && parts.length < MAX_PARTS; i++) parts.push(group[i]!);
  const unit = (l: Located) => input.units.get(l.q.id);
  if (parts.length < 2 || new Set(parts.map(unit)).size > 1) return undefined;
  const total = group[at - 1]!;
  // "... and administration (300), and 150 contractors": a list that goes on past its brackets is not all of the total.
  const after = tokens[tokenAt(tokens, parts.at(-1)!.q.end) + 1];
  if (after !== undefined && !LABELS_END.has(after.text)) return undefined;
  return alone(total) ? undefined : { total, parts, role: 'labels', rest: false };
}
