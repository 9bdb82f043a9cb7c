// Cleaning a pasted claim before it is matched: what a reader copies from a social-media post or a page carries
// links, the author trailer of an embedded post ("— Name (@handle) Month D, YYYY") and hashtags, which say nothing of
// what the claim is. The trailer's author and date are kept apart: who made a claim and when is evidence of its own
// (fact-checks name the speaker). A handle mentioned in the text names whom the post is about or addressed to
// ("@BetoORourke", "@Nordstrom"), so it is kept as its words ("Beto Rourke"). Pure: strings in, strings out.

/** Links: http(s) URLs, t.co / pic.twitter.com links (also glued to the word before) and www. addresses. */
const LINK = /(?:\bhttps?:\/\/|\bwww\.|pic\.twitter\.com\/|\bt\.co\/)\S*/giu;
/** The trailer of an embedded post: a dash, the author's name, "(@handle)" (the handle may be lost) and a date. */
const TRAILER = /[\u2014\u2013]\s*([^\n\u2014\u2013()]{1,80}?)\s*\(\s*(?:@(\w{1,30}))?\s*\)\s*((January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, (\d{4}))?/gu;
/** "@handle" mentions (not e-mail addresses: the "@" must not follow a word character). */
const HANDLE = /(?<![\w.])@(\w{1,30})/gu;
/** Where the words of a handle meet: underscores, lower to upper case, an upper-case run and a capitalised word, letters and digits. */
const HANDLE_PARTS = /_+|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;
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

/** Cleans a pasted claim: links, author trailers and hashtags' "#" removed, @handles made their words, spaces collapsed. */
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
    .replace(HANDLE, (_all, handle: string) => ` ${handleWords(handle)} `)
    .replace(HASH, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return { text, ...(author ? { author } : {}), ...(year ? { year } : {}), ...(month ? { month } : {}) };
}

/** The cleaned text of a pasted claim (see {@link cleanClaim}). */
export function cleanClaimText(raw: string): string {
  return cleanClaim(raw).text;
}

/**
 * The words of a handle, split where they were joined, one-letter parts dropped: "BetoORourke" → "Beto Rourke",
 * "LindseyGrahamSC" → "Lindsey Graham SC", "NHC_Atlantic" → "NHC Atlantic". Chosen on the CLEF validation split over
 * removing handles and over keeping the joined form beside its parts (models/match-reranker.md).
 */
export function handleWords(handle: string): string {
  return handle.split(HANDLE_PARTS).filter((part) => part.length >= 2).join(' ');
}
