/** Outlet charts: claims by source grade (bars) and small multiples of rates over months (columns). */
import type { OutletFigures, OutletProfile } from '../api/types.js';
import { GRADES } from '../api/types.js';
import { formatDate, formatNumber, formatShare } from '../lib/format.js';
import { columns, horizontalBars } from './bars.js';

const GRADE_LABEL: Record<string, string> = { named: 'named', anaphoric: 'back-reference', vague: 'vague', none: 'no source' };

/** Claims by grade as horizontal bars (data-testid `outlets-chart`). */
export function GradeBars(props: { figures: OutletFigures; label: string }) {
  const rows = GRADES.map((g) => ({ label: g, value: props.figures.grades[g]?.count ?? 0 }));
  const bars = horizontalBars(rows, 220, 26);
  return (
    <svg viewBox="0 0 420 110" class="grade-bars" role="img" aria-labelledby={`${props.label}-bars-title`} data-testid="outlets-chart">
      <title id={`${props.label}-bars-title`}>{`Claims by source grade: ${rows.map((r) => `${GRADE_LABEL[r.label]} ${r.value}`).join(', ')}`}</title>
      {bars.map((b) => (
        <g key={b.label} transform={`translate(0 ${b.y + 4})`}>
          <text x="108" y="14" class="tick-label end">
            {GRADE_LABEL[b.label]}
          </text>
          <rect x="116" y="2" width={Math.max(b.width, 1)} height="16" class={`bar g-${b.label}`} />
          <text x={120 + b.width} y="14" class="tick-label">
            {`${b.value} (${formatShare(props.figures.grades[b.label as (typeof GRADES)[number]]?.share ?? 0)})`}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The monthly series the small multiples show. */
const SERIES: readonly { id: string; title: string; value: (f: OutletFigures) => number; format: (v: number) => string; share?: boolean }[] = [
  { id: 'claims', title: 'Claims', value: (f) => f.claims, format: formatNumber },
  { id: 'unsourced', title: 'Unsourced statistics', value: (f) => f.unsourcedStatisticRate, format: formatShare, share: true },
  { id: 'named', title: 'Claims with a named source', value: (f) => f.grades.named?.share ?? 0, format: formatShare, share: true },
  { id: 'techniques', title: 'Techniques per 1,000 words', value: (f) => f.techniquesPer1000Words, format: (v) => formatNumber(Math.round(v * 10) / 10) },
];

/** One small column chart per series over the outlet's dated months. */
export function MonthMultiples(props: { profile: OutletProfile; label: string }) {
  const months = props.profile.months.filter((m) => m.month !== null).sort((a, b) => (a.month! < b.month! ? -1 : 1));
  if (months.length === 0) return <p class="muted">No dated articles: nothing to show by month.</p>;
  return (
    <div class="multiples">
      {SERIES.map((s) => {
        const values = months.map((m) => ({ label: m.month!, value: s.value(m) }));
        const max = s.share ? 1 : Math.max(...values.map((v) => v.value));
        const cols = columns(values, 200, 60, max);
        const id = `${props.label}-${s.id}`;
        return (
          <figure key={s.id} class="multiple">
            <figcaption id={id}>{s.title}</figcaption>
            <svg viewBox="0 0 200 78" role="img" aria-labelledby={id}>
              <title>{values.map((v) => `${formatDate(v.label)}: ${s.format(v.value)}`).join('; ')}</title>
              <line x1="0" x2="200" y1="60" y2="60" class="axis" />
              {cols.map((c) => (
                <rect key={c.label} x={c.x} y={c.y} width={c.width} height={Math.max(c.height, 0.5)} class={`col col-${s.id}`}>
                  <title>{`${formatDate(c.label)}: ${s.format(c.value)}`}</title>
                </rect>
              ))}
              <text x="0" y="74" class="tick-label small">
                {formatDate(values[0]!.label)}
              </text>
              {values.length > 1 && (
                <text x="200" y="74" class="tick-label small end">
                  {formatDate(values[values.length - 1]!.label)}
                </text>
              )}
            </svg>
          </figure>
        );
      })}
    </div>
  );
}
