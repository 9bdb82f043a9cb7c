// A line that opens with a speaker's name and a colon ("Ortiz: The pier will not reopen.", a headline or a transcript)
// is an attribution in PolNeAR: the name its source, the colon its cue, the rest of the line its content. The finders
// take such a colon only before a quotation mark (speaker-colon.ts), as the report should; predict attribution's brat
// output writes the other lines too. PolNeAR train, training side: 70 of 105 such lines marked, 65 of the 70 contents
// the rest of the line.
import { overlapIndex, type Range } from '../../core/range.js';
import type { BratAttribution } from './brat.js';

/** A name of one to four capitalised words ("of", "at", "de" between them) opening a line, then a colon and words. */
const SPEAKER_LINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{L}\p{N}.’'-]*(?: (?:\p{Lu}[\p{L}\p{N}.’'-]*|of|at|de)){0,3}):[ \t]+(?=\S)/gu;

/**
 * Labels that open a line with a colon and name no speaker: section labels, notes, datelines of lists, credits and
 * interview prompts (PolNeAR train marks none of them, or few: 'Q:' 8 of 28 lines, 'A:' 8 of 37). Not among them:
 * 'Poll:' and 'News Guide:' headlines, whose colon PolNeAR marks as a cue with the label as source (training side: 6 of
 * 7 lines).
 */
const LABELS = new Set([
  'the latest', 'editor’s note', "editor's note", 'note', 'update', 'correction', 'exclusive', 'breaking', 'watch', 'look', 'revealed',
  'related', 'read more', 'photos', 'video', 'q', 'a', 'email', 'twitter', 'contributing', 'name', 'age', 'city', 'report',
  'paid notice', 'remember', 'delegate update', 'superdelegates', 'pledged', 'so',
  // Bylines and the exclamations that open clickbait headlines ("BOOM: …", "Wow: …"; training side: 0 of 9 lines marked).
  'byline', 'boom', 'wow', 'bombshell', 'busted', 'just leaked', 'stat of the week',
]);

/** The speaker lines of a text whose name and colon no other attribution's cue or source touches. */
export function speakerLines(text: string, taken: readonly Range[]): BratAttribution[] {
  const out: BratAttribution[] = [];
  const touches = overlapIndex(taken);
  for (const m of text.matchAll(SPEAKER_LINE)) {
    const name = m[1]!;
    const start = m.index! + m[0].indexOf(name);
    const colon = start + name.length;
    const from = m.index! + m[0].length;
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    while (end > from && /\s/.test(text[end - 1]!)) end--;
    if (LABELS.has(name.toLowerCase()) || /^\d/.test(text.slice(from, from + 1)) || end <= from) continue;
    // Only the name and colon must be free: an attribution inside the rest of the line is nested in its content and
    // left out of the brat output (brat.ts notNested). PolNeAR train, training side: of the 14 lines this adds, 10
    // colons are gold cues (before, any cue or source in the line kept it out).
    if (touches({ start, end: colon + 1 })) continue;
    out.push({ source: { start, end: colon }, cue: { start: colon, end: colon + 1 }, content: { start: from, end }, grade: 'none', hedged: false });
  }
  return out;
}
