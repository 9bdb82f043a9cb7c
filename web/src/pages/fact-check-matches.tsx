/**
 * "Already fact-checked": the published fact-checks the analysis matched to a claim, each with who published it, its
 * rating, date, match score and why it matched, a link out (http/https only), and Accept / Reject buttons that show
 * the current decision. Every text is rendered as text (Preact escapes it); nothing here is ever parsed as HTML.
 */
import { useState } from 'preact/hooks';
import { apiPost } from '../api/client.js';
import type { MatchDecision, MatchDecisionDraft, MatchDecisionKind, ReportClaim, ReportFactCheckMatch } from '../api/types.js';
import { useErrors } from '../components/errors.js';
import { claimMatches, matchKey, ratingText, scoreText, whyLines } from '../lib/fact-checks.js';
import { formatDate } from '../lib/format.js';
import { rememberReviewer, storedReviewer } from '../lib/reviewer.js';
import { isHttpUrl } from '../lib/url.js';

/** Props of {@link FactCheckMatches}. */
export interface FactCheckMatchesProps {
  readonly documentId: number;
  readonly claim: ReportClaim;
  /** Current decision per (claim, fact-check), keyed by `matchKey`. */
  readonly decisions: ReadonlyMap<string, MatchDecision>;
  readonly onDecided: (decision: MatchDecision) => void;
}

const DECISION_WORDS: Record<MatchDecisionKind, string> = { accepted: 'Accepted', rejected: 'Rejected' };

function CurrentDecision(props: { decision: MatchDecision | undefined }) {
  const { decision } = props;
  if (!decision) return <span class="fc-current muted" data-testid="factcheck-decision">Not decided</span>;
  return (
    <span class={`fc-current is-${decision.decision}`} data-testid="factcheck-decision" data-decision={decision.decision}>
      {DECISION_WORDS[decision.decision]} by {decision.reviewer}, {formatDate(decision.createdAt)}
      {decision.note && <span class="fc-note">: {decision.note}</span>}
    </span>
  );
}

function Why(props: { why: ReportFactCheckMatch['why'] }) {
  const lines = whyLines(props.why);
  if (lines.length === 0) return null;
  return (
    <dl class="fc-why">
      {lines.map((line) => (
        <div key={line.label}>
          <dt>{line.label}</dt>
          <dd>{line.items.join(', ')}</dd>
        </div>
      ))}
    </dl>
  );
}

function MatchEntry(props: { match: ReportFactCheckMatch; current: MatchDecision | undefined; busy: boolean; onDecide: (decision: MatchDecisionKind) => void }) {
  const { match, current } = props;
  const publisher = match.publisher?.trim() || 'Unknown publisher';
  return (
    <li class="fc-match" data-testid="factcheck-match" data-factcheck-id={match.factCheckId}>
      <p class="fc-head">
        <strong class="fc-publisher">{publisher}</strong> <span class="badge fc-rating">{ratingText(match.rating)}</span>{' '}
        <span class="fc-date">{formatDate(match.date)}</span>{' '}
        <span class="fc-score" title="How closely the fact-check's claim matches this one (calibrated)">match {scoreText(match.score)}</span>
      </p>
      <p class="fc-claim">
        <q data-testid="factcheck-claim">{match.claimReviewed}</q>
      </p>
      <Why why={match.why} />
      <p class="fc-link">
        {isHttpUrl(match.url) ? (
          <a href={match.url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer" data-testid="factcheck-link">
            Read the fact-check<span class="visually-hidden"> by {publisher} (opens in a new tab)</span>
          </a>
        ) : (
          <span class="muted">No link: the address is not http or https.</span>
        )}
      </p>
      <div class="fc-decide" role="group" aria-label={`Is this ${publisher} fact-check about this claim?`}>
        <button type="button" aria-pressed={current?.decision === 'accepted'} disabled={props.busy} onClick={() => props.onDecide('accepted')} data-testid="factcheck-accept">
          Accept
        </button>
        <button type="button" aria-pressed={current?.decision === 'rejected'} disabled={props.busy} onClick={() => props.onDecide('rejected')} data-testid="factcheck-reject">
          Reject
        </button>
        <CurrentDecision decision={current} />
      </div>
    </li>
  );
}

/** The section (data-testid `factcheck-section`); nothing at all when the claim has no match. */
export function FactCheckMatches(props: FactCheckMatchesProps) {
  const errors = useErrors();
  const [reviewer, setReviewer] = useState(storedReviewer);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState<number | null>(null);
  const matches = claimMatches(props.claim);
  if (matches.length === 0) return null;
  const fieldId = `fc-reviewer-${props.claim.id}`;

  const decide = async (factCheckId: number, decision: MatchDecisionKind) => {
    const name = reviewer.trim();
    if (!name) {
      setProblem('Give your name or handle as reviewer before accepting or rejecting a match.');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setProblem('');
    setBusy(factCheckId);
    rememberReviewer(name);
    const draft: MatchDecisionDraft = note.trim() ? { factCheckId, decision, reviewer: name, note: note.trim() } : { factCheckId, decision, reviewer: name };
    try {
      props.onDecided(await apiPost<MatchDecision>(`/api/documents/${props.documentId}/claims/${encodeURIComponent(props.claim.id)}/match-decisions`, draft));
      setNote('');
    } catch (err) {
      errors.show(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="fc-section" data-testid="factcheck-section" aria-labelledby={`fc-heading-${props.claim.id}`}>
      <h3 class="sub" id={`fc-heading-${props.claim.id}`}>
        Already fact-checked
      </h3>
      <p class="hint">Published fact-checks that may address this claim. Accept the ones about the same claim, reject the others.</p>
      <div class="field fc-reviewer">
        <label for={fieldId}>Reviewer</label>
        <input id={fieldId} type="text" maxLength={200} autoComplete="name" value={reviewer} onInput={(e) => setReviewer(e.currentTarget.value)} data-testid="factcheck-reviewer" />
      </div>
      <div class="field fc-reviewer">
        <label for={`${fieldId}-note`}>Note with the next decision (optional)</label>
        <input id={`${fieldId}-note`} type="text" maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-testid="factcheck-note" />
      </div>
      <ol class="fc-list">
        {matches.map((m) => (
          <MatchEntry key={m.factCheckId} match={m} current={props.decisions.get(matchKey(props.claim.id, m.factCheckId))} busy={busy === m.factCheckId} onDecide={(d) => void decide(m.factCheckId, d)} />
        ))}
      </ol>
      {problem && (
        <p class="form-problem" role="status">
          {problem}
        </p>
      )}
    </section>
  );
}
