/** Outlet charts: claims by source grade (bars) and small multiples of rates over months (columns). */
import type { OutletFigures, OutletProfile } from '../api/types.js';
import { GRADES } from '../api/types.js';
import { formatDate, formatNumber, formatShare } from '../lib/format.js';
import { columns, horizontalBars } from './bars.js';
import { formatTick, linearScale, niceExtent } from './scale.js';
import { useWidth } from './use-width.js';

const GRADE_LABEL: Record<string, string> = { named: 'named', anaphoric: 'back-reference', vague: 'vague', none: 'no source' };

/** Claims by grade as horizontal bars with their counts and shares, laid out for the measured width (data-testid `outlets-chart`). */
export function GradeBars(props: { figures: OutletFigures; label: string }) {
  const { ref, width } = useWidth<HTMLDivElement>(420);
  const rows = GRADES.map((g) => ({ label: g, value: props.figures.grades[g]?.count ?? 0 }));
  const labelWidth = 108;
  const valueRoom = 78;
  const bars = horizontalBars(rows, Math.max(40, width - labelWidth - 8 - valueRoom), 26);
  return (
    <div ref={ref} class="chart-frame">
      <svg width={width} height={110} viewBox={`0 0 ${width} 110`} class="grade-bars" role="img" aria-labelledby={`${props.label}-bars-title`} data-testid="outlets-chart">
        <title id={`${props.label}-bars-title`}>{`Claims by source grade: ${rows.map((r) => `${GRADE_LABEL[r.label]} ${r.value}`).join(', ')}`}</title>
        {bars.map((b) => (
          <g key={b.label} transform={`translate(0 ${b.y + 4})`}>
            <text x={labelWidth} y="14" class="tick-label end">
              {GRADE_LABEL[b.label]}
            </text>
            <rect x={labelWidth + 8} y="2" width={Math.max(b.width, 1)} height="16" class={`bar g-${b.label}`} />
            <text x={labelWidth + 12 + b.width} y="14" class="tick-label">
              {`${b.value} (${formatShare(props.figures.grades[b.label as (typeof GRADES)[number]]?.share ?? 0)})`}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

/** The monthly series the small multiples show. */
const SERIES: readonly { id: string; title: string; value: (f: OutletFigures) => number; format: (v: number) => string; share?: boolean }[] = [
  { id: 'claims', title: 'Claims', value: (f) => f.claims, format: formatNumber },
  { id: 'unsourced', title: 'Unsourced statistics', value: (f) => f.unsourcedStatisticRate, format: formatShare, share: true },
  { id: 'named', title: 'Claims with a named source', value: (f) => f.grades.named?.share ?? 0, format: formatShare, share: true },
  { id: 'techniques', title: 'Techniques per 1,000 words', value: (f) => f.techniquesPer1000Words, format: (v) => formatNumber(Math.round(v * 10) / 10) },
];

/** Margins of a small multiple: room for the value axis on the left and the months below. */
const MULTIPLE = { height: 110, top: 8, bottom: 20, left: 40, right: 6 } as const;

/** One small column chart: the months' columns over a value axis with its tick values (shared maximum for shares). */
function Multiple(props: { series: (typeof SERIES)[number]; values: readonly { label: string; value: number }[]; id: string }) {
  const { series: s, values } = props;
  const { ref, width } = useWidth<HTMLDivElement>(200);
  const plotWidth = Math.max(40, width - MULTIPLE.left - MULTIPLE.right);
  const plotHeight = MULTIPLE.height - MULTIPLE.top - MULTIPLE.bottom;
  const ticks = s.share ? [0, 0.5, 1] : niceExtent(0, Math.max(...values.map((v) => v.value)), 2);
  const max = ticks[ticks.length - 1]!;
  const y = linearScale([0, max], [MULTIPLE.top + plotHeight, MULTIPLE.top]);
  const cols = columns(values, plotWidth, plotHeight, max);
  const baseline = MULTIPLE.top + plotHeight;
  return (
    <figure class="multiple">
      <figcaption id={props.id}>{s.title}</figcaption>
      <div ref={ref} class="chart-frame">
        <svg width={width} height={MULTIPLE.height} viewBox={`0 0 ${width} ${MULTIPLE.height}`} role="img" aria-labelledby={props.id} data-testid="month-chart">
          <title>{values.map((v) => `${formatDate(v.label)}: ${s.format(v.value)}`).join('; ')}</title>
          {ticks.map((t) => (
            <g key={t} class="tick y-tick">
              <line x1={MULTIPLE.left} x2={width - MULTIPLE.right} y1={y(t)} y2={y(t)} class="grid" />
              <text x={MULTIPLE.left - 5} y={y(t) + 4} class="tick-label end">
                {s.share ? formatShare(t) : formatTick(t)}
              </text>
            </g>
          ))}
          <line x1={MULTIPLE.left} x2={width - MULTIPLE.right} y1={baseline} y2={baseline} class="axis" />
          {cols.map((c) => (
            <rect key={c.label} x={MULTIPLE.left + c.x} y={MULTIPLE.top + c.y} width={c.width} height={Math.max(c.height, 0.5)} class={`col col-${s.id}`}>
              <title>{`${formatDate(c.label)}: ${s.format(c.value)}`}</title>
            </rect>
          ))}
          <text x={MULTIPLE.left} y={MULTIPLE.height - 4} class="tick-label x-label">
            {formatDate(values[0]!.label)}
          </text>
          {values.length > 1 && (
            <text x={width - MULTIPLE.right} y={MULTIPLE.height - 4} class="tick-label end x-label">
              {formatDate(values[values.length - 1]!.label)}
            </text>
          )}
        </svg>
      </div>
    </figure>
  );
}

/** One small column chart per series over the outlet's dated months. */
export function MonthMultiples(props: { profile: OutletProfile; label: string }) {
  const months = props.profile.months.filter((m) => m.month !== null).sort((a, b) => (a.month! < b.month! ? -1 : 1));
  if (months.length === 0) return <p class="muted">No dated articles: nothing to show by month.</p>;
  return (
    <div class="multiples">
      {SERIES.map((s) => (
        <Multiple key={s.id} series={s} values={months.map((m) => ({ label: m.month!, value: s.value(m) }))} id={`${props.label}-${s.id}`} />
      ))}
    </div>
  );
}
