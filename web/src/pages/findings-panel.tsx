/** The findings of an article as a list (the narrow layout's Findings section); a tap shows the finding in the text. */
import type { ReportFinding } from '../api/types.js';
import { shorten } from '../lib/format.js';

/** A finding with the id its highlight has in the text (`f3`). */
export type ListedFinding = ReportFinding & { readonly id: string };

/** The finding list (entries have data-testid `finding-item`). */
export function FindingsPanel(props: { findings: readonly ListedFinding[]; current: number; text: string; onPick: (index: number) => void }) {
  return (
    <section class="findings-panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">
        Findings <span class="count">{props.findings.length}</span>
      </h2>
      {props.findings.length === 0 && <p class="muted">No findings in this article.</p>}
      <ol class="finding-list">
        {props.findings.map((f, i) => (
          <li key={f.id} class={i === props.current ? 'finding-item is-current' : 'finding-item'} data-testid="finding-item">
            <button type="button" class="finding-head" onClick={() => props.onPick(i)}>
              <span class="claim-meta">
                <span class={`badge sev sev-${f.severity}`}>{f.severity}</span> <code>{f.rule}</code> <span class="kind">line {f.line}</span>
              </span>
              <span>{f.message}</span>
              <q class="finding-words">{shorten(props.text.slice(f.start, f.end), 120)}</q>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
