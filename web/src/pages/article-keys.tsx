/** Keyboard navigation of the article view, and the status line of the current finding. */
import { useEffect } from 'preact/hooks';
import type { ReportFinding } from '../api/types.js';

/** What the keys do. */
export interface ArticleKeyActions {
  moveClaim(dir: 1 | -1): void;
  moveFinding(dir: 1 | -1): void;
  openReview(): void;
  close(): void;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATES = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY']);

/** j/k: next/previous claim; n/p: next/previous finding; Enter: review the selected claim; Escape: close the form. */
export function useArticleKeys(actions: ArticleKeyActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      const tag = target?.tagName ?? '';
      if (event.key === 'Escape') return actions.close();
      if (TYPING.has(tag) || target?.isContentEditable) return;
      const move: Record<string, () => void> = {
        j: () => actions.moveClaim(1),
        k: () => actions.moveClaim(-1),
        n: () => actions.moveFinding(1),
        p: () => actions.moveFinding(-1),
      };
      if (move[event.key]) {
        event.preventDefault();
        move[event.key]!();
      } else if (event.key === 'Enter' && !ACTIVATES.has(tag)) {
        event.preventDefault();
        actions.openReview();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
}

/** The current finding in words, announced politely to screen readers. */
export function FindingStatus(props: { finding: ReportFinding | null; index: number; total: number }) {
  const f = props.finding;
  return (
    <div class="finding-status" aria-live="polite">
      {f ? (
        <p>
          <span class={`badge sev sev-${f.severity}`}>{f.severity}</span> Finding {props.index + 1} of {props.total} · <code>{f.rule}</code> · line {f.line}: {f.message}
        </p>
      ) : (
        <p class="muted">
          {props.total === 0 ? 'No findings in this article.' : `${props.total} findings`}
          {props.total > 0 && <span class="keys"> — press <kbd>n</kbd> for the next one.</span>}
        </p>
      )}
    </div>
  );
}
