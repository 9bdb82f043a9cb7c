// Letter-case tests that read the first character without a regex when it is ASCII (the usual case in English news):
// the same answers as the Unicode regexes they stand for.

const UPPER_FIRST = /^\p{Lu}/u;

/** `/^\p{Lu}/u.test(text)`: A-Z decided directly (ASCII's only \p{Lu}), anything else by the regex. */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90; // '' (NaN) goes to the regex
  return UPPER_FIRST.test(text);
}
