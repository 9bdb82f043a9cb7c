import type { Finding } from '../../core/annotations.js';
import type { Stage } from '../../core/pipeline.js';

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** Warns once, over the first paragraph, when the article's language is known and is not English. */
export function createLanguageCheck(): Stage {
  return {
    name: 'language',
    version: 1,
    requires: [],
    assigns: [],
    run(doc) {
      const language = doc.meta.language;
      if (!language || language === 'en') return {};
      const finding: Finding = {
        rule: 'non-english',
        severity: 'warning',
        message: `The article appears to be in ${languageName(language)}; claimtrace's annotators are tuned for English, so expect missed and spurious results.`,
        start: 0,
        end: firstParagraphEnd(doc.text),
        annotationIds: [],
      };
      return { findings: [finding] };
    },
  };
}

/** "de" → "German (de)"; unknown codes stay as they are. */
function languageName(code: string): string {
  let name: string | undefined;
  try {
    name = LANGUAGE_NAMES.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** End of the first paragraph (the first blank line), or of the text. */
function firstParagraphEnd(text: string): number {
  const m = /\r?\n[ \t]*\r?\n/.exec(text);
  return m ? m.index : text.length;
}
