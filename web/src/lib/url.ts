/** URL helpers: which links may be clickable, query strings, evidence lists. Pure. */

/** Whether a string is an absolute http(s) URL (the only links the app ever makes clickable). */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A query string from the defined, non-empty values (`?a=1&b=x`), or '' when there are none. */
export function queryString(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Evidence links typed one per line: the http(s) URLs, and the lines that are not. Blank lines are skipped. */
export function parseEvidence(text: string): { urls: string[]; invalid: string[] } {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    (isHttpUrl(line) ? urls : invalid).push(line);
  }
  return { urls, invalid };
}
