import nouns from './nouns.json' with { type: 'json' };

const IRREGULAR = new Map(Object.entries(nouns.irregular.map));
const GENERAL = new Set(nouns.general.words);
const PERSONS = new Set(nouns.persons.words);
const SUFFIXES = nouns.personSuffixes.words;
const NOT_PERSONS = new Set(nouns.notPersons.words);

/** A counted noun in singular lower case, so "Militants" and "militant" compare equal. */
export function normUnit(unit: string): string {
  const lower = unit.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular) return irregular;
  if (/ies$/.test(lower) && lower.length > 4) return lower.slice(0, -3) + 'y';
  if (/(?:ss|us|is)$/.test(lower)) return lower;
  return lower.endsWith('s') ? lower.slice(0, -1) : lower;
}

/** True when a total counted in `totalUnit` may sum parts counted in `partUnit` (both normalised). */
export function canSum(totalUnit: string, partUnit: string): boolean {
  if (totalUnit === partUnit) return true;
  return GENERAL.has(totalUnit) && (GENERAL.has(partUnit) || isPersonNoun(partUnit));
}

function isPersonNoun(unit: string): boolean {
  if (PERSONS.has(unit)) return true;
  return !NOT_PERSONS.has(unit) && SUFFIXES.some((suffix) => unit.length > suffix.length + 2 && unit.endsWith(suffix));
}
