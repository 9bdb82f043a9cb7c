/** The reviewer's name, remembered on this browser for the next verdict or decision. */

const REVIEWER_KEY = 'claimtrace.reviewer';

/** The name last used on this browser, or ''. */
export function storedReviewer(): string {
  try {
    return localStorage.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers the name for next time. */
export function rememberReviewer(name: string): void {
  try {
    localStorage.setItem(REVIEWER_KEY, name);
  } catch {
    // Storage refused: the name is asked again next time.
  }
}
