/** Prefixes of annotation ids by kind, so an id tells what it points at. */
export const ID_PREFIX = {
  sentence: 's',
  entity: 'e',
  quantity: 'q',
  attribution: 'a',
  claim: 'c',
  technique: 't',
} as const;

/** Returns a function that hands out `prefix1`, `prefix2`, ... for one kind. */
export function idMaker(kind: keyof typeof ID_PREFIX): () => string {
  let n = 0;
  const prefix = ID_PREFIX[kind];
  return () => `${prefix}${++n}`;
}
