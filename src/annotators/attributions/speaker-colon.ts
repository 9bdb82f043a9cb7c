import { isOpenQuote, isSpace, quotationFrom, type RawAttribution, type Scan } from './clause.js';
import { phraseBefore } from './noun-phrase.js';

/** How far into the clause the colon may come: a speaker's name and title, not a sentence. */
const MAX_SPEAKER_TOKENS = 10;

/**
 * A quotation introduced by its speaker and a colon, with no verb: "Harbour master Ola Berg: “The pier is gone.”"
 * The words before the colon must be one noun phrase naming someone (a proper noun in it) from the clause start, so
 * "The message was clear: “…”" and "Update: “…”" are not taken.
 */
export function parseSpeakerColon(scan: Scan): RawAttribution | undefined {
  const { tokens, sent } = scan;
  let first = scan.clause;
  while (first < sent.end && isSpace(tokens[first])) first++;
  let colon = first + 1;
  while (colon < Math.min(sent.end, first + MAX_SPEAKER_TOKENS) && tokens[colon]!.text !== ':') colon++;
  if (tokens[colon]?.text !== ':') return undefined;
  let open = colon + 1;
  while (open < sent.end && isSpace(tokens[open])) open++;
  if (open >= sent.end || !isOpenQuote(tokens, open, sent)) return undefined;
  const source = phraseBefore(tokens, colon, first);
  if (source.first !== first || source.end !== colon) return undefined;
  let named = false;
  for (let i = source.first; i < source.end; i++) named ||= tokens[i]!.pos === 'PROPN';
  if (!named) return undefined;
  const content = quotationFrom(tokens, open, sent);
  return content && { kind: 'verb', source, cue: { first: colon, end: colon + 1 }, content, hedged: false };
}
