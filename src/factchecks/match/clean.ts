// Cleaning a pasted claim before it is matched: what a reader copies from a social-media post or a page carries
// links, the author trailer of an embedded post ("— Name (@handle) Month D, YYYY"), @handles and hashtags, none of
// which say what the claim is. The trailer's author and date are kept apart: who made a claim and when is evidence
// of its own (fact-checks name the speaker). Pure: strings in, strings out.

/** Links: http(s) URLs, t.co / pic.twitter.com links (also glued to the word before) and www. addresses. */
const LINK = /(?:\bhttps?:\/\/|\bwww\.|pic\.twitter\.com\/|\bt\.co\/)\S*/giu;
/** The trailer of an embedded post: a dash, the author's name, "(@handle)" (the handle may be lost) and a date. */
const TRAILER = /[\u2014\u2013]\s*([^\n\u2014\u2013()]{1,80}?)\s*\(\s*(?:@(\w{1,30}))?\s*\)\s*((January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, (\d{4}))?/gu;
/** "@handle" mentions (not e-mail addresses: the "@" must not follow a word character). */
const HANDLE = /(?<![\w.])@\w{1,30}/gu;
/** The "#" of a hashtag; the word is kept ("#vaccines" → "vaccines"). */
const HASH = /(?<![\w&])#(?=[\p{L}\p{N}_])/gu;

/** A cleaned claim: its text, and the author and year given by an embedded post's trailer, if any. */
export interface CleanedClaim {
  readonly text: string;
  /** The author's name (and handle) from the trailer. */
  readonly author?: string;
  /** The year of the trailer's date. */
  readonly year?: string;
  /** The month of the trailer's date, lower case ("august"). */
  readonly month?: string;
}

/** Cleans a pasted claim: links, author trailers, @handles and hashtags' "#" removed, spaces collapsed. */
export function cleanClaim(raw: string): CleanedClaim {
  let author: string | undefined;
  let year: string | undefined;
  let month: string | undefined;
  const text = raw
    .replace(LINK, ' ')
    .replace(TRAILER, (_all, name: string, handle: string | undefined, _date, m: string | undefined, y: string | undefined) => {
      author ??= `${name.trim()}${handle ? ` ${handle}` : ''}`;
      year ??= y;
      month ??= m?.toLowerCase();
      return ' ';
    })
    .replace(HANDLE, ' ')
    .replace(HASH, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return { text, ...(author ? { author } : {}), ...(year ? { year } : {}), ...(month ? { month } : {}) };
}

/** The cleaned text of a pasted claim (see {@link cleanClaim}). */
export function cleanClaimText(raw: string): string {
  return cleanClaim(raw).text;
}
