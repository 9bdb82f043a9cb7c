/** The trace timeline: appearances by publication date (x) and similarity (y), coloured by source grade. */
import type { TraceMatch } from '../api/types.js';
import { formatDate } from '../lib/format.js';
import { timelineLayout, type ChartBox } from './timeline.js';

const BOX: ChartBox = { width: 720, height: 240, left: 44, right: 24, top: 20, bottom: 36 };

/** The timeline chart (data-testid `trace-chart`); the table beside it carries the same data for screen readers. */
export function TraceChart(props: { matches: readonly TraceMatch[]; earliest: TraceMatch | null }) {
  const layout = timelineLayout(props.matches, props.earliest, BOX);
  const first = layout.points.find((p) => p.earliest);
  const baseline = BOX.height - BOX.bottom;
  return (
    <figure class="chart trace-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby="trace-chart-title" data-testid="trace-chart">
        <title id="trace-chart-title">
          {`${layout.points.length} dated appearances by publication date and similarity${first ? `; earliest ${formatDate(first.match.published)}` : ''}`}
        </title>
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} class="tick">
            <line x1={BOX.left} x2={BOX.width - BOX.right} y1={t.y} y2={t.y} class="grid" />
            <text x={BOX.left - 6} y={t.y + 4} class="tick-label end">
              {Math.round(t.value * 100)}%
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <g key={`x${t.value}`} class="tick">
            <line x1={t.x} x2={t.x} y1={baseline} y2={baseline + 5} class="axis" />
            <text x={t.x} y={baseline + 20} class="tick-label middle">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={BOX.left} x2={BOX.width - BOX.right} y1={baseline} y2={baseline} class="axis" />
        {layout.points.map((p) => (
          <circle key={`${p.match.documentId}:${p.match.claimId}`} cx={p.x} cy={p.y} r={p.earliest ? 8 : 6} class={`pt g-${p.grade}${p.earliest ? ' earliest' : ''}`}>
            <title>{`${p.match.site ?? 'unknown outlet'}, ${formatDate(p.match.published)}: ${Math.round(p.match.similarity * 100)}% similar, source ${p.grade}`}</title>
          </circle>
        ))}
        {first && (
          <text x={first.x + 11} y={first.y - 10} class="callout">
            earliest
          </text>
        )}
      </svg>
      <figcaption>
        <span class="legend">
          {(['named', 'anaphoric', 'vague', 'none'] as const).map((g) => (
            <span key={g} class="legend-item">
              <svg viewBox="0 0 10 10" class="legend-dot" aria-hidden="true">
                <circle cx="5" cy="5" r="4" class={`pt g-${g}`} />
              </svg>
              {g === 'none' ? 'no source' : g === 'anaphoric' ? 'back-reference' : g}
            </span>
          ))}
        </span>
        {layout.undated > 0 && <span> · {layout.undated} undated appearance(s) listed below only</span>}
      </figcaption>
    </figure>
  );
}
