/**
 * robots.txt rules for one user agent, read and matched in time and memory linear in the file and the URL.
 *
 * It reads a file as robots-parser 3.0.1 does, so that verdicts stay the same (robots-rules.test.ts compares them):
 * lines split at CR/LF, `#` comments, `key: value` trimmed, consecutive User-agent lines form a group, an agent's
 * rules are those of every group naming it (else those of `*`), patterns normalised by `encodeURI` with upper-case
 * escapes, the longest pattern wins and Allow wins a tie (RFC 9309 2.2.2), `*` matches any run and a final `$` the end.
 * Two things of the library are not kept: it copies every rule once per agent of its group (a group of 10,000 agent
 * lines over 10,000 rules held 10^8 copies: 144 KB took 19 s and 1.9 GB), and its matcher walks every length a `*` can
 * take for every character of the pattern (pattern × URL: 500,000 `*` against a 4,000-character path, 2.4 s). Here a
 * group's rules are kept once, and a pattern is split at its `*` into literal pieces found left to right with KMP.
 */

/** A pattern split at `*`: `head` must start the path, each of `middle` follow in order, then `tail`. */
interface Pattern {
  readonly head: string;
  readonly middle: readonly Piece[];
  /** The last piece, when the pattern has a `*`; null when it has none (then `head` is all of it). */
  readonly tail: Piece | null;
  /** A final `$`: the pattern must reach the end of the path. */
  readonly anchored: boolean;
}

/** A literal piece and its KMP failure table. */
interface Piece {
  readonly text: string;
  readonly fail: Int32Array;
}

/** One Allow or Disallow line of the agent's group. */
export interface RobotsRule {
  /** The normalised pattern, whose length ranks the rule. */
  readonly pattern: string;
  readonly allow: boolean;
}

/** What a robots.txt says to one user agent. */
export interface RobotsRules {
  /** The longest rule first; among rules as long, Allow first. */
  readonly rules: readonly (RobotsRule & { readonly compiled: Pattern })[];
  /** The agent's Crawl-delay in seconds as written (NaN values skipped), undefined when its group gives none. */
  readonly crawlDelay: number | undefined;
}

/** The product token of a User-agent value or of a crawler's name, as robots-parser compares them. */
export function agentToken(userAgent: string): string {
  const lower = userAgent.toLowerCase();
  const slash = lower.indexOf('/');
  return (slash > -1 ? lower.slice(0, slash) : lower).trim();
}

/** The rules of robots.txt `text` for `agent` (its own groups, else those of `*`). */
export function parseRobotsRules(text: string, agent: string): RobotsRules {
  const own = agentToken(agent);
  const names = [...new Set([own, '*'])];
  const groups = new Map<string, { rules: RobotsRule[]; crawlDelay: number | undefined }>();
  let current = new Set<string>();
  let afterAgentLine = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const hash = raw.indexOf('#');
    const line = hash > -1 ? raw.slice(0, hash) : raw;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!key) continue;
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!afterAgentLine) current = new Set();
      if (value) current.add(agentToken(value));
    } else if (key === 'allow' || key === 'disallow' || key === 'crawl-delay') {
      for (const name of names) {
        if (!current.has(name)) continue;
        const group = groups.get(name) ?? { rules: [], crawlDelay: undefined };
        groups.set(name, group);
        if (key === 'crawl-delay') {
          const delay = Number(value);
          if (!Number.isNaN(delay)) group.crawlDelay = delay;
        } else if (value) group.rules.push({ pattern: normalisePattern(value), allow: key === 'allow' });
      }
    }
    afterAgentLine = key === 'user-agent';
  }
  const group = groups.get(own) ?? groups.get('*');
  return { rules: ranked(group?.rules ?? []), crawlDelay: group?.crawlDelay };
}

/**
 * Characters of a URL the wildcard pieces of all rules may scan in one check. Each rule is linear, but a file of
 * 45,000 rules like `Allow: /*x1` scans a 4,000-character path 45,000 times (0.7 s per URL); normal files scan a few
 * thousand characters. Past the budget the answer is unknown and the URL is not fetched.
 */
export const MATCH_BUDGET = 10_000_000;

/** Whether `rules` allow `url`'s path and query (no rule matching allows); undefined past `budget` scanned characters. */
export function isAllowedBy(rules: RobotsRules, url: URL, budget = MATCH_BUDGET): boolean | undefined {
  const path = upperEscapes(url.pathname + url.search);
  const left = { steps: budget };
  // Ranked longest first, Allow first among equals: the first match is the one RFC 9309 picks.
  for (const rule of rules.rules) {
    const found = matches(rule.compiled, path, left);
    if (found === undefined) return undefined;
    if (found) return rule.allow;
  }
  return true;
}

/** Whether `pattern` matches the start of `path` (all of it when anchored), in O(pattern + path). */
export function matchesPattern(pattern: string, path: string): boolean {
  return matches(compile(pattern), path, { steps: Infinity }) === true;
}

function ranked(rules: readonly RobotsRule[]): RobotsRules['rules'] {
  const seen = new Set<string>();
  const kept: (RobotsRule & { compiled: Pattern })[] = [];
  for (const rule of rules) {
    const key = (rule.allow ? 'A' : 'D') + rule.pattern;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ ...rule, compiled: compile(rule.pattern) });
  }
  return kept.sort((a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow));
}

function compile(pattern: string): Pattern {
  const anchored = pattern.endsWith('$');
  const pieces = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const head = pieces[0]!;
  if (pieces.length === 1) return { head, middle: [], tail: null, anchored };
  const middle = pieces.slice(1, -1).filter((text) => text !== '').map(piece);
  return { head, middle, tail: piece(pieces[pieces.length - 1]!), anchored };
}

/** Whether `pattern` matches `path`; undefined when the search would scan more than `left.steps` characters. */
function matches(pattern: Pattern, path: string, left: { steps: number }): boolean | undefined {
  if (!path.startsWith(pattern.head)) return false;
  if (!pattern.tail) return !pattern.anchored || path.length === pattern.head.length;
  // Each piece at its leftmost place after the one before leaves the most room for the rest: greedy is exact.
  let at = pattern.head.length;
  for (const part of pattern.middle) {
    const found = indexOfPiece(path, part, at, left);
    if (found < 0) return found === EXHAUSTED ? undefined : false;
    at = found + part.text.length;
  }
  const tail = pattern.tail.text;
  if (pattern.anchored) return path.length - tail.length >= at && path.endsWith(tail);
  if (tail === '') return true;
  const found = indexOfPiece(path, pattern.tail, at, left);
  return found === EXHAUSTED ? undefined : found >= 0;
}

const NO_FAILURES = new Int32Array(1);
const EXHAUSTED = -2;

function piece(text: string): Piece {
  if (text.length <= 1) return { text, fail: NO_FAILURES };
  const fail = new Int32Array(text.length);
  for (let i = 1, k = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== text.charCodeAt(k)) k = fail[k - 1]!;
    if (c === text.charCodeAt(k)) k++;
    fail[i] = k;
  }
  return { text, fail };
}

/**
 * Knuth–Morris–Pratt: where `part` first occurs in `text` at or after `from`, -1 when it does not, EXHAUSTED when
 * `left.steps` characters were scanned first. O(part + characters scanned).
 */
function indexOfPiece(text: string, part: Piece, from: number, left: { steps: number }): number {
  const needle = part.text;
  const end = Math.min(text.length, from + left.steps);
  for (let i = from, k = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    while (k > 0 && c !== needle.charCodeAt(k)) k = part.fail[k - 1]!;
    if (c === needle.charCodeAt(k)) k++;
    if (k === needle.length) {
      left.steps -= i + 1 - from;
      return i - k + 1;
    }
  }
  left.steps -= end - from;
  return end < text.length ? EXHAUSTED : -1;
}

/** robots-parser's normalisation of a pattern: non-ASCII percent-encoded, escapes in upper case, `%25` kept as `%`. */
function normalisePattern(pattern: string): string {
  try {
    return upperEscapes(encodeURI(pattern).replace(/%25/g, '%'));
  } catch {
    return pattern; // a lone surrogate: kept as written, as the library does
  }
}

function upperEscapes(path: string): string {
  return path.replace(/%[0-9a-fA-F]{2}/g, (escape) => escape.toUpperCase());
}
