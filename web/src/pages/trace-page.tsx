/** Trace: a claim or figure across the corpus — timeline, matches, and how the figures changed on the way. */
import { useState } from 'preact/hooks';
import type { TraceMatch, TraceResult } from '../api/types.js';
import { TraceChart } from '../charts/trace-chart.js';
import { bestGrade, followedFigure, matchKey, type MatchFigure } from '../charts/timeline.js';
import { useApi } from '../components/use-api.js';
import { formatDate, shorten } from '../lib/format.js';
import { describeMutation } from '../lib/mutations.js';
import { articlePath } from '../lib/routes.js';
import { queryString } from '../lib/url.js';
import { Link, navigate } from '../router.js';
import { GradeBadge } from './attribution-chain.js';

function MatchRow(props: { match: TraceMatch; earliest: boolean; figure: MatchFigure | undefined }) {
  const m = props.match;
  const sources = m.attribution.map((a) => a.source ?? '(unnamed)').join('; ');
  return (
    <tr class={props.earliest ? 'is-earliest' : undefined}>
      <td>{formatDate(m.published)}{props.earliest && <span class="badge earliest-badge">earliest</span>}</td>
      <td>
        <Link href={articlePath(m.documentId)}>{m.title ?? `Article ${m.documentId}`}</Link>
        <span class="hit-meta">{m.site ?? 'unknown outlet'}</span>
      </td>
      <td>{shorten(m.text, 200)}</td>
      <td>{props.figure ? props.figure.text : <span class="muted">—</span>}</td>
      <td>
        <GradeBadge grade={bestGrade(m.attribution)} /> {sources && <span class="muted">{shorten(sources, 80)}</span>}
      </td>
      <td class="num">{Math.round(m.similarity * 100)}%</td>
    </tr>
  );
}

function Result(props: { result: TraceResult }) {
  const { result } = props;
  if (result.matches.length === 0) return <p class="muted">No article in the corpus states this claim.</p>;
  const figures = followedFigure(result.matches, result.mutations)?.byMatch;
  return (
    <>
      <TraceChart matches={result.matches} earliest={result.earliest} mutations={result.mutations} />
      <section aria-labelledby="mutations-heading">
        <h2 id="mutations-heading">How the figures changed</h2>
        {result.mutations.length === 0 ? (
          <p class="muted">The figures stay the same in every appearance.</p>
        ) : (
          <ol class="mutations">
            {result.mutations.map((mu, i) => (
              <li key={i}>
                {describeMutation(mu)} <span class="muted">({formatDate(mu.from.published)} → {formatDate(mu.to.published)})</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">Appearances ({result.matches.length})</h2>
        <div class="table-wrap">
          <table class="matches">
            <thead>
              <tr><th scope="col">Published</th><th scope="col">Article</th><th scope="col">Claim</th><th scope="col">Figure</th><th scope="col">Source</th><th scope="col">Similarity</th></tr>
            </thead>
            <tbody>
              {result.matches.map((m) => (
                <MatchRow key={`${m.documentId}:${m.claimId}`} match={m} earliest={result.earliest?.documentId === m.documentId && result.earliest.claimId === m.claimId} figure={figures?.get(matchKey(m))} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** The trace page: `?q=TEXT` or `?claim=DOC:CLAIM`. */
export function TracePage(props: { params: URLSearchParams }) {
  const q = props.params.get('q') ?? '';
  const claim = props.params.get('claim') ?? '';
  const [text, setText] = useState(q);
  const path = q || claim ? `/api/trace${queryString({ q: q || undefined, claim: q ? undefined : claim })}` : null;
  const { data, loading } = useApi<TraceResult>(path);
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(`/trace${queryString({ q: text.trim() })}`);
  };
  return (
    <section class="trace">
      <h1 tabIndex={-1}>Trace a claim</h1>
      <form class="trace-form" onSubmit={submit}>
        <div class="field grow">
          <label for="trace-q">Claim or figure to follow across the corpus</label>
          <textarea id="trace-q" rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary">
          Trace
        </button>
      </form>
      {claim && !q && <p class="muted">Tracing claim {claim}{data ? `: “${shorten(data.query, 160)}”` : ''}</p>}
      {loading && <p class="muted">Tracing…</p>}
      {data && path && <Result result={data} />}
    </section>
  );
}
