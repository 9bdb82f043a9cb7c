/** One claim in the side panel: summary line, and when selected its sources, figures, findings and actions. */
import type { ComponentChildren } from 'preact';
import type { MatchDecision, Report, Review } from '../api/types.js';
import { ratingLabel, useRatings } from '../components/ratings.js';
import { boundWords } from '../lib/bounds.js';
import type { ClaimDetail } from '../lib/claims.js';
import { badgeText, badgeTitle, matchSummary } from '../lib/fact-checks.js';
import { shorten } from '../lib/format.js';
import { traceClaimPath } from '../lib/routes.js';
import { Link } from '../router.js';
import { AttributionChain, GradeBadge } from './attribution-chain.js';
import { FactCheckMatches } from './fact-check-matches.js';

/** Props of {@link ClaimItem}. */
export interface ClaimItemProps {
  readonly detail: ClaimDetail;
  readonly report: Report;
  readonly documentId: number;
  readonly selected: boolean;
  readonly verdict: Review | undefined;
  /** Current decisions on fact-check matches (keyed by `matchKey`); empty when there are none. */
  readonly matchDecisions: ReadonlyMap<string, MatchDecision>;
  readonly onDecided: (decision: MatchDecision) => void;
  readonly onSelect: () => void;
  readonly onReview: () => void;
  /** Narrow layout only: switches to the article with this claim in view. */
  readonly onShowInText?: (() => void) | undefined;
  readonly children?: ComponentChildren;
}

/** A verdict badge (data-testid `verdict-badge`). */
export function VerdictBadge(props: { review: Review }) {
  const scale = useRatings();
  return (
    <span class={`badge verdict v-${props.review.rating}`} data-testid="verdict-badge">
      {ratingLabel(scale, props.review.rating)}
    </span>
  );
}

/** The badge of a claim with fact-check matches (data-testid `factcheck-badge`); nothing for a claim without. */
function FactCheckBadge(props: { claim: ClaimDetail['claim']; decisions: ReadonlyMap<string, MatchDecision> }) {
  const summary = matchSummary(props.claim, props.decisions);
  if (!summary) return null;
  return (
    <span class={`badge fc-badge fc-${summary.state}`} title={badgeTitle(summary)} data-testid="factcheck-badge" data-state={summary.state}>
      {badgeText(summary.state)}
      <span class="visually-hidden"> ({badgeTitle(summary)})</span>
    </span>
  );
}

function Details(props: ClaimItemProps) {
  const { detail, report } = props;
  return (
    <div class="claim-details">
      <h3 class="sub">Sources</h3>
      {detail.chains.length === 0 ? <p class="muted">No attribution: the article states this on its own authority.</p> : detail.chains.map((chain) => <AttributionChain key={chain[chain.length - 1]!.id} chain={chain} report={report} />)}
      {detail.figures.length > 0 && (
        <>
          <h3 class="sub">Figures</h3>
          <ul class="figures">
            {detail.figures.map((q) => (
              <li key={q.id}>
                <q>{q.text}</q> — {boundWords(q)}
              </li>
            ))}
          </ul>
        </>
      )}
      {detail.findings.length > 0 && (
        <>
          <h3 class="sub">Findings</h3>
          <ul class="findings">
            {detail.findings.map((f) => (
              <li key={f.id} class={`sev-${f.severity}`}>
                <span class={`badge sev sev-${f.severity}`}>{f.severity}</span> <code>{f.rule}</code> {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <FactCheckMatches documentId={props.documentId} claim={detail.claim} decisions={props.matchDecisions} onDecided={props.onDecided} />
      <div class="actions">
        <button type="button" class="primary" onClick={props.onReview}>
          {props.verdict ? 'Change verdict' : 'Review'}
        </button>
        <Link href={traceClaimPath(props.documentId, detail.claim.id)} class="button">
          Trace across corpus
        </Link>
        {props.onShowInText && (
          <button type="button" onClick={props.onShowInText}>
            Show in article
          </button>
        )}
      </div>
      {props.children}
    </div>
  );
}

/** A side-panel entry (data-testid `claim-item`). */
export function ClaimItem(props: ClaimItemProps) {
  const { claim } = props.detail;
  return (
    <li class={props.selected ? 'claim-item is-selected' : 'claim-item'} data-testid="claim-item" data-claim-id={claim.id}>
      <button type="button" class="claim-head" aria-expanded={props.selected} onClick={props.onSelect}>
        <span class="claim-meta">
          <span class={`worth cw-${claim.checkworthiness >= 0.75 ? 'hi' : claim.checkworthiness >= 0.5 ? 'mid' : 'lo'}`} title="check-worthiness">
            {Math.round(claim.checkworthiness * 100)}
          </span>
          <span class="kind">{claim.kind}</span>
          <GradeBadge grade={claim.grade} />
          {props.verdict && <VerdictBadge review={props.verdict} />}
          <FactCheckBadge claim={claim} decisions={props.matchDecisions} />
        </span>
        <span class="claim-text">{shorten(claim.text, props.selected ? 400 : 120)}</span>
      </button>
      {props.selected && <Details {...props} />}
    </li>
  );
}
