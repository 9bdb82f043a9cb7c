/** The verdict form for one claim: rating, explanation, evidence links, reviewer (remembered on this browser). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiPost } from '../api/client.js';
import type { RatingId, Review, ReviewDraft } from '../api/types.js';
import { useErrors } from '../components/errors.js';
import { useRatings } from '../components/ratings.js';
import { rememberReviewer, storedReviewer } from '../lib/reviewer.js';
import { parseEvidence } from '../lib/url.js';

/** Props of {@link ReviewForm}. */
export interface ReviewFormProps {
  readonly documentId: number;
  readonly claimId: string;
  /** The current verdict, used to prefill the form. */
  readonly current: Review | undefined;
  readonly onSaved: (review: Review) => void;
  readonly onClose: () => void;
}

/** The review form (data-testid `review-form`). */
export function ReviewForm(props: ReviewFormProps) {
  const scale = useRatings();
  const errors = useErrors();
  const [rating, setRating] = useState<RatingId | ''>(props.current?.rating ?? '');
  const [explanation, setExplanation] = useState(props.current?.explanation ?? '');
  const [evidence, setEvidence] = useState((props.current?.evidenceUrls ?? []).join('\n'));
  const [reviewer, setReviewer] = useState(props.current?.reviewer ?? storedReviewer());
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLInputElement>('input[name="rating"]:checked, input[name="rating"]')?.focus(), []);

  const save = async (event: Event) => {
    event.preventDefault();
    const { urls, invalid } = parseEvidence(evidence);
    if (!rating) return setProblem('Choose a rating.');
    if (invalid.length > 0) return setProblem(`Evidence links must be http:// or https:// addresses: ${invalid.join(', ')}`);
    if (!reviewer.trim()) return setProblem('Give your name or handle as reviewer.');
    setProblem('');
    setBusy(true);
    rememberReviewer(reviewer.trim());
    const draft: ReviewDraft = { claimId: props.claimId, rating, explanation: explanation.trim(), evidenceUrls: urls, reviewer: reviewer.trim() };
    try {
      props.onSaved(await apiPost<Review>(`/api/documents/${props.documentId}/reviews`, draft));
    } catch (err) {
      errors.show(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="review-form" onSubmit={save} data-testid="review-form" aria-label={`Verdict on claim ${props.claimId}`}>
      <fieldset class="ratings">
        <legend>Rating</legend>
        {scale.map((step) => (
          <label key={step.id} class="rating">
            <input type="radio" name="rating" value={step.id} checked={rating === step.id} onChange={() => setRating(step.id)} data-testid={`rating-${step.id}`} />
            <span class={`badge verdict v-${step.id}`}>{step.label}</span>
            <span class="rating-desc">{step.description}</span>
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="review-explanation">Explanation</label>
        <textarea id="review-explanation" rows={4} maxLength={5000} value={explanation} onInput={(e) => setExplanation(e.currentTarget.value)} data-testid="review-explanation" />
      </div>
      <div class="field">
        <label for="review-evidence">Evidence links, one per line</label>
        <textarea id="review-evidence" rows={3} value={evidence} onInput={(e) => setEvidence(e.currentTarget.value)} data-testid="review-evidence" placeholder="https://" spellcheck={false} />
      </div>
      <div class="field">
        <label for="review-reviewer">Reviewer</label>
        <input id="review-reviewer" type="text" maxLength={200} autoComplete="name" value={reviewer} onInput={(e) => setReviewer(e.currentTarget.value)} data-testid="review-reviewer" />
      </div>
      {problem && (
        <p class="form-problem" role="status">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="review-save">
          {busy ? 'Saving…' : 'Save verdict'}
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel <kbd class="keys">Esc</kbd>
        </button>
      </div>
    </form>
  );
}
