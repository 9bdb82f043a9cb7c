/** Outlet profiles: sourcing by grade, unsourced statistics, technique rates, and their course over months. */
import type { OutletProfile } from '../api/types.js';
import { GradeBars, MonthMultiples } from '../charts/outlet-charts.js';
import { useApi } from '../components/use-api.js';
import { formatNumber, formatShare, plural } from '../lib/format.js';
import { queryString } from '../lib/url.js';
import { Link } from '../router.js';

function topTechniques(profile: OutletProfile): string {
  const top = Object.entries(profile.techniques)
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 3)
    .map(([name, t]) => `${name.replace(/_/g, ' ').replace(/,/g, ', ')} (${t.count})`);
  return top.length ? top.join('; ') : 'none found';
}

function OutletCard(props: { profile: OutletProfile; index: number }) {
  const p = props.profile;
  const label = `outlet-${props.index}`;
  return (
    <article class="outlet" aria-labelledby={`${label}-name`}>
      <h2 id={`${label}-name`}>{p.site ?? 'Unknown outlet'}</h2>
      <p class="hit-meta">
        {plural(p.articles, 'article')} · {plural(p.words, 'word')} · {plural(p.claims, 'claim')}
        {p.site && (
          <>
            {' · '}
            <Link href={`/search${queryString({ site: p.site })}`}>articles</Link>
          </>
        )}
      </p>
      <div class="outlet-grid">
        <GradeBars figures={p} label={label} />
        <dl class="stats">
          <div>
            <dt>Unsourced statistics</dt>
            <dd>
              {formatShare(p.unsourcedStatisticRate)} <span class="muted">({p.unsourcedStatistics} of {p.claimsWithFigures} claims with figures)</span>
            </dd>
          </div>
          <div>
            <dt>Techniques per 1,000 words</dt>
            <dd>{formatNumber(Math.round(p.techniquesPer1000Words * 10) / 10)}</dd>
          </div>
          <div>
            <dt>Most frequent techniques</dt>
            <dd>{topTechniques(p)}</dd>
          </div>
        </dl>
      </div>
      <MonthMultiples profile={p} label={label} />
    </article>
  );
}

/** The outlets page. */
export function OutletsPage() {
  const { data, loading } = useApi<{ outlets: OutletProfile[] }>('/api/outlets');
  return (
    <section class="outlets">
      <h1 tabIndex={-1}>Outlets</h1>
      <p class="lede">How each outlet in the corpus sources its claims. Rates describe wording, not accuracy.</p>
      {!data && loading && <p class="muted">Loading…</p>}
      {data && data.outlets.length === 0 && <p class="muted">No articles stored yet.</p>}
      {data?.outlets.map((p, i) => <OutletCard key={p.site ?? `none-${i}`} profile={p} index={i} />)}
    </section>
  );
}
