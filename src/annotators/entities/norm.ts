/**
 * The normalised name that links mentions of one entity: no diacritics, lower case, no dots or apostrophes,
 * no leading "the", hyphens dropped next to digits ("MI-5" → "mi5") and read as spaces elsewhere ("Al-Qaeda" → "al qaeda").
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[.'’`]/gu, '')
    .replace(/(\p{L})[-‐‑–](?=\p{N})|(\p{N})[-‐‑–](?=\p{L})/gu, '$1$2')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .replace(/^the /u, '');
}
