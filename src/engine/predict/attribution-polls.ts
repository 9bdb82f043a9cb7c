// A sentence that opens with "In <a poll or survey>," attributes the rest of the sentence to the poll in PolNeAR ("In a
// harbour survey released Monday, 61 percent backed the pier."): the poll is the source, "In" the cue, the clause after
// the comma the content. The finders take no preposition as a cue, as the report should; predict attribution's brat
// output writes these. PolNeAR train, training side: 15 of 17 such openings marked (in the middle of a sentence, "leads
// in the polls", 30 of 130: not written).
import { overlapIndex, rangeAt, type Range } from '../../core/range.js';
import type { BratAttribution } from './brat.js';

/** "In", then up to ten words without a comma or quotation mark ending in poll/survey, a short tail ("released Monday"), a comma. */
const POLL_OPENING = /(?<=^|\n|[.!?]["”'’]*\s+)In\s+((?:[^\s,;:“”"]+\s+){0,9}?(?:polls?|surveys?|polling)(?:\s+(?:released|conducted|taken|published)\b[^,;:\n“”"]{0,40})?),\s+(?=\S)/giu;

/** The poll openings of a text whose cue and source no other attribution's cue or source touches; each content runs to the end of its sentence. */
export function pollOpenings(text: string, sentences: readonly Range[], taken: readonly Range[]): BratAttribution[] {
  const out: BratAttribution[] = [];
  const touches = overlapIndex(taken);
  for (const m of text.matchAll(POLL_OPENING)) {
    if (m[0][0] !== 'I') continue;
    const cue = { start: m.index!, end: m.index! + 2 };
    const source = { start: m.index! + m[0].indexOf(m[1]!), end: m.index! + m[0].indexOf(m[1]!) + m[1]!.length };
    const from = m.index! + m[0].length;
    const sentence = sentences[rangeAt(sentences, from)];
    if (!sentence) continue;
    let end = sentence.end;
    while (end > from && /[\s.]/.test(text[end - 1]!)) end--;
    if (end <= from || touches({ start: cue.start, end: source.end })) continue;
    out.push({ source, cue, content: { start: from, end }, grade: 'none', hedged: false });
  }
  return out;
}
