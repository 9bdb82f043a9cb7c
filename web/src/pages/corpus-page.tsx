/** Corpus: full-text search with filters; without a query, the recent articles with their review progress. */
import { useState } from 'preact/hooks';
import type { DocumentList, SearchHit, SearchResponse } from '../api/types.js';
import { GRADES } from '../api/types.js';
import { useApi } from '../components/use-api.js';
import { formatDate, plural } from '../lib/format.js';
import { articlePath } from '../lib/routes.js';
import { snippetParts } from '../lib/snippet.js';
import { queryString } from '../lib/url.js';
import { Link, navigate } from '../router.js';
import { GradeBadge } from './attribution-chain.js';

const PAGE = 20;
const FIELDS = ['q', 'site', 'from', 'to', 'grade'] as const;
type Fields = Record<(typeof FIELDS)[number], string>;

function fieldsOf(params: URLSearchParams): Fields {
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Fields;
}

function SearchForm(props: { initial: Fields }) {
  const [fields, setFields] = useState(props.initial);
  const set = (key: keyof Fields) => (e: Event) => setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(`/search${queryString(fields)}`);
  };
  return (
    <form class="search-form" role="search" onSubmit={submit}>
      <div class="field grow">
        <label for="search-q">Words in titles, texts and claims</label>
        <input id="search-q" type="search" value={fields.q} onInput={set('q')} data-testid="search-input" />
      </div>
      <div class="field">
        <label for="search-site">Outlet</label>
        <input id="search-site" type="text" value={fields.site} onInput={set('site')} />
      </div>
      <div class="field">
        <label for="search-from">From</label>
        <input id="search-from" type="date" value={fields.from} onInput={set('from')} />
      </div>
      <div class="field">
        <label for="search-to">To</label>
        <input id="search-to" type="date" value={fields.to} onInput={set('to')} />
      </div>
      <div class="field">
        <label for="search-grade">Claim source</label>
        <select id="search-grade" value={fields.grade} onChange={set('grade')}>
          <option value="">any</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="primary">
        Search
      </button>
    </form>
  );
}

function Hit(props: { hit: SearchHit }) {
  const { hit } = props;
  return (
    <li class="hit">
      <Link href={articlePath(hit.documentId)} class="hit-title">
        {hit.title ?? `Article ${hit.documentId}`}
      </Link>
      <span class="hit-meta">
        {hit.site ?? 'unknown outlet'} · {formatDate(hit.published)} · {hit.kind === 'claim' ? 'claim' : 'article'}
        {hit.claim && <GradeBadge grade={hit.claim.grade} />}
      </span>
      <p class="snippet">{snippetParts(hit.snippet, hit.highlights).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}</p>
    </li>
  );
}

/** The most hits GET /api/documents answers at once (its `limit` maximum). */
const MAX_SEARCH_LIMIT = 200;

function Results(props: { path: string; more: () => void; limit: number }) {
  const { data, loading } = useApi<SearchResponse>(props.path);
  if (!data) return <p class="muted">{loading ? 'Searching…' : ''}</p>;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{data.total > data.hits.length ? `Showing ${data.hits.length} of ${plural(data.total, 'hit')}` : plural(data.total, 'hit')}</h2>
      <ol class="hits">{data.hits.map((hit, i) => <Hit key={`${hit.documentId}:${hit.claim?.id ?? ''}:${i}`} hit={hit} />)}</ol>
      {data.hits.length < data.total && props.limit < MAX_SEARCH_LIMIT && (
        <button type="button" onClick={props.more}>
          More results
        </button>
      )}
    </section>
  );
}

function Recent(props: { fields: Fields; offset: number }) {
  const { data, loading } = useApi<DocumentList>(`/api/documents${queryString({ site: props.fields.site, from: props.fields.from, to: props.fields.to, limit: PAGE, offset: props.offset })}`);
  if (!data) return <p class="muted">{loading ? 'Loading…' : ''}</p>;
  const page = (offset: number) => navigate(`/search${queryString({ ...props.fields, offset: offset || undefined })}`);
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent articles ({data.total})</h2>
      {data.total === 0 && <p class="muted">Nothing stored yet. <Link href="/">Analyze an article</Link> to start the corpus.</p>}
      <ol class="documents">
        {data.items.map((d) => (
          <li key={d.documentId} class="document-row">
            <Link href={articlePath(d.documentId)}>{d.title ?? `Article ${d.documentId}`}</Link>
            <span class="hit-meta">
              {d.site ?? 'unknown outlet'} · {formatDate(d.published)} · {plural(d.words, 'word')}
            </span>
            <span class="doc-progress">
              <progress max={Math.max(1, d.claims)} value={d.reviewed} aria-label={`${d.reviewed} of ${d.claims} claims reviewed`} /> {d.reviewed} of {plural(d.claims, 'claim')} reviewed
            </span>
          </li>
        ))}
      </ol>
      <nav class="pager" aria-label="Pages">
        <button type="button" disabled={props.offset === 0} onClick={() => page(Math.max(0, props.offset - PAGE))}>
          Newer
        </button>
        <span>
          {data.total === 0 ? 0 : props.offset + 1}–{Math.min(data.total, props.offset + PAGE)} of {data.total}
        </span>
        <button type="button" disabled={props.offset + PAGE >= data.total} onClick={() => page(props.offset + PAGE)}>
          Older
        </button>
      </nav>
    </section>
  );
}

/** The corpus page (search input has data-testid `search-input`). */
export function CorpusPage(props: { params: URLSearchParams }) {
  const fields = fieldsOf(props.params);
  const offset = Math.max(0, Number(props.params.get('offset')) || 0);
  const [limit, setLimit] = useState(PAGE);
  const searchPath = `/api/documents${queryString({ ...fields, limit })}`;
  return (
    <section class="corpus">
      <h1 tabIndex={-1}>Corpus</h1>
      <SearchForm key={props.params.toString()} initial={fields} />
      {fields.q ? <Results path={searchPath} limit={limit} more={() => setLimit(limit + PAGE)} /> : <Recent fields={fields} offset={offset} />}
    </section>
  );
}
