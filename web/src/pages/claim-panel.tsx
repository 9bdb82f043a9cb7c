/** The side panel: claim filters and the claim list, the selected claim expanded with its review form. */
import type { MatchDecision, Report, Review } from '../api/types.js';
import { GRADES } from '../api/types.js';
import { filterClaims, type ClaimDetail, type ClaimFilter } from '../lib/claims.js';
import { ClaimItem } from './claim-item.js';
import { ReviewForm } from './review-form.js';

/** Props of {@link ClaimPanel}. */
export interface ClaimPanelProps {
  readonly report: Report;
  readonly documentId: number;
  readonly details: readonly ClaimDetail[];
  readonly filter: ClaimFilter;
  readonly onFilter: (filter: ClaimFilter) => void;
  readonly selected: string | null;
  readonly onSelect: (claimId: string) => void;
  readonly verdicts: ReadonlyMap<string, Review>;
  /** Current decisions on fact-check matches, keyed by `matchKey`. */
  readonly matchDecisions: ReadonlyMap<string, MatchDecision>;
  readonly onDecided: (decision: MatchDecision) => void;
  readonly reviewing: boolean;
  readonly onReview: (open: boolean) => void;
  readonly onSaved: (review: Review) => void;
  /** Narrow layout only: shows a claim in the article section. */
  readonly onShowInText?: ((claimId: string) => void) | undefined;
}

function Filters(props: { filter: ClaimFilter; onFilter: (filter: ClaimFilter) => void }) {
  const { filter } = props;
  return (
    <div class="claim-filters">
      <div class="field">
        <label for="filter-grade">Source</label>
        <select id="filter-grade" value={filter.grade} onChange={(e) => props.onFilter({ ...filter, grade: e.currentTarget.value })}>
          <option value="all">any source</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g === 'none' ? 'no source' : g === 'anaphoric' ? 'back-reference' : g}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-worth">Check-worthiness</label>
        <select id="filter-worth" value={String(filter.minWorth)} onChange={(e) => props.onFilter({ ...filter, minWorth: Number(e.currentTarget.value) })}>
          <option value="0">all claims</option>
          <option value="0.5">50 and above</option>
          <option value="0.75">75 and above</option>
        </select>
      </div>
    </div>
  );
}

/** The claim list (entries have data-testid `claim-item`). */
export function ClaimPanel(props: ClaimPanelProps) {
  const shown = filterClaims(props.details, props.filter);
  return (
    <section class="claim-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">
        Claims <span class="count">{shown.length === props.details.length ? props.details.length : `${shown.length} of ${props.details.length}`}</span>
      </h2>
      <Filters filter={props.filter} onFilter={props.onFilter} />
      <p class="hint keys">
        <kbd>j</kbd>/<kbd>k</kbd> next/previous claim · <kbd>n</kbd>/<kbd>p</kbd> next/previous finding · <kbd>Enter</kbd> review · <kbd>Esc</kbd> close
      </p>
      {shown.length === 0 && <p class="muted">No claim matches these filters.</p>}
      <ol class="claim-list">
        {shown.map((detail) => {
          const id = detail.claim.id;
          const selected = id === props.selected;
          return (
            <ClaimItem
              key={id}
              detail={detail}
              report={props.report}
              documentId={props.documentId}
              selected={selected}
              verdict={props.verdicts.get(id)}
              matchDecisions={props.matchDecisions}
              onDecided={props.onDecided}
              onSelect={() => props.onSelect(id)}
              onReview={() => props.onReview(true)}
              onShowInText={props.onShowInText && (() => props.onShowInText!(id))}
            >
              {selected && props.reviewing && (
                <ReviewForm documentId={props.documentId} claimId={id} current={props.verdicts.get(id)} onSaved={props.onSaved} onClose={() => props.onReview(false)} />
              )}
            </ClaimItem>
          );
        })}
      </ol>
    </section>
  );
}
