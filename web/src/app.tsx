/** The app shell: header with navigation, one alert region, the page of the current route. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { apiGet } from './api/client.js';
import type { RatingStep } from './api/types.js';
import { asApiError, ErrorAlert, ErrorContext, type ErrorSink } from './components/errors.js';
import { RatingsContext } from './components/ratings.js';
import type { ApiError } from './api/client.js';
import type { Route } from './lib/routes.js';
import { AnalyzePage } from './pages/analyze-page.js';
import { ArticlePage } from './pages/article-page.js';
import { CorpusPage } from './pages/corpus-page.js';
import { OutletsPage } from './pages/outlets-page.js';
import { TracePage } from './pages/trace-page.js';
import { Link, useRoute } from './router.js';

const NAV: readonly { href: string; label: string; routes: readonly Route['name'][] }[] = [
  { href: '/', label: 'Analyze', routes: ['analyze'] },
  { href: '/search', label: 'Corpus', routes: ['corpus', 'article'] },
  { href: '/trace', label: 'Trace', routes: ['trace'] },
  { href: '/outlets', label: 'Outlets', routes: ['outlets'] },
];

function Page(props: { route: Route }) {
  const { route } = props;
  switch (route.name) {
    case 'analyze':
      return <AnalyzePage />;
    case 'article':
      return <ArticlePage documentId={route.id} />;
    case 'corpus':
      return <CorpusPage params={route.params} />;
    case 'trace':
      return <TracePage params={route.params} />;
    case 'outlets':
      return <OutletsPage />;
    default:
      return (
        <section>
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            Nothing lives at this address. <Link href="/">Analyze an article</Link> or <Link href="/search">search the corpus</Link>.
          </p>
        </section>
      );
  }
}

/** The whole app. */
export function App() {
  const route = useRoute();
  const [error, setError] = useState<ApiError | null>(null);
  const [ratings, setRatings] = useState<readonly RatingStep[]>([]);
  const main = useRef<HTMLElement>(null);
  const sink = useMemo<ErrorSink>(() => ({ error, show: (err) => setError(asApiError(err)), clear: () => setError(null) }), [error]);
  const key = route.name === 'article' ? `article:${route.id}` : route.name;
  useEffect(() => {
    apiGet<{ scale: RatingStep[] }>('/api/ratings')
      .then((r) => setRatings(r.scale))
      .catch((err: unknown) => setError(asApiError(err)));
  }, []);
  useEffect(() => {
    // A new page: forget the old error and move focus to the page heading, as a page load would.
    setError(null);
    main.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: false });
  }, [key]);
  return (
    <ErrorContext.Provider value={sink}>
      <RatingsContext.Provider value={ratings}>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <Link href="/" class="brand">
            claimtrace
          </Link>
          <nav aria-label="Main">
            <ul>
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.routes.includes(route.name) ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" ref={main}>
          <ErrorAlert sink={sink} />
          <Page route={route} />
        </main>
        <footer class="site-footer">
          <p>claimtrace points at the words; it never decides whether a claim is true. Verdicts are yours.</p>
        </footer>
      </RatingsContext.Provider>
    </ErrorContext.Provider>
  );
}
