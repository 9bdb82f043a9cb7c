// Turns feature names (features.ts) into short phrases a reviewer can read: `w=traitor` → `the word "traitor"`.

const TEMPLATES: Readonly<Record<string, (value: string) => string>> = {
  w: (v) => `the word "${v}"`,
  l: (v) => `a form of "${v}"`,
  b: (v) => `the words "${v}"`,
  first: (v) => `starts with "${v}"`,
  last: (v) => `ends with "${v}"`,
  span: (v) => `the phrase "${v}"`,
  cue: (v) => `${v} cue word`,
  len: (v) => `length ${v} words`,
  pos: (v) => `word classes ${v}`,
  posu: (v) => `a ${v} in it`,
  head: (v) => `ends in a ${v}`,
  has: (v) => `contains ${v}`,
  starts: (v) => `starts with a ${v}`,
  all: () => 'every word capitalised',
  then: (v) => `followed by ${v}`,
  c: (v) => `letters "${v.trim()}"`,
  prev: (v) => `after "${v}"`,
  prev2: (v) => `after "${v}"`,
  next: (v) => `before "${v}"`,
  next2: (v) => `before "${v}"`,
  s: (v) => `"${v}" in the sentence`,
  cover: (v) => `covers ${v} of its sentence`,
  in: (v) => `in the ${v}`,
  rep: (v) => `wording occurs ${v} times in the article`,
  'rep-before': (v) => `wording seen ${v} times before`,
  'rep-len': (v) => `wording occurs ${v.replace(' ', ' times in the article, length ')} words`,
  'rep-max': (v) => `its most repeated word occurs ${v.replace(' ', ' times, length ')} words`,
  nest: (v) => `${v} another flagged span`,
  'rep-words': (v) => `share of words repeated in the article ${v}`,
  'spans-same-wording': (v) => `other flagged spans with this wording ${v}`,
  'spans-same-range': (v) => `flagged ${v} times at this place`,
  vec: () => 'what its words mean (word vectors)',
  cvec: () => 'what the rest of its sentence means (word vectors)',
};

/** A readable description of one feature name. */
export function describeFeature(name: string): string {
  const eq = name.indexOf('=');
  const template = eq > 0 ? TEMPLATES[name.slice(0, eq)] : undefined;
  return template ? template(name.slice(eq + 1)) : name;
}
