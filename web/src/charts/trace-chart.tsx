/**
 * The trace timeline: the traced figure's value in each article by publication date, the dot coloured by source grade
 * and sized by how similar the wording is. Drawn as SVG in CSS pixels for the measured width, so tick labels keep
 * their size on a phone; the table of appearances below carries the same data for screen readers.
 */
import type { FigureMutation, TraceMatch } from '../api/types.js';
import { formatDate } from '../lib/format.js';
import { timelineLayout, type ChartBox } from './timeline.js';
import { useWidth } from './use-width.js';

/** Height and margins; the width is the container's. */
const FRAME = { top: 30, right: 16, bottom: 30, left: 52 } as const;

/** The timeline chart (data-testid `trace-chart`). */
export function TraceChart(props: { matches: readonly TraceMatch[]; earliest: TraceMatch | null; mutations: readonly FigureMutation[] }) {
  const { ref, width } = useWidth<HTMLDivElement>(720);
  const box: ChartBox = { width, height: width < 480 ? 220 : 260, ...FRAME };
  const layout = timelineLayout(props.matches, props.earliest, props.mutations, box);
  const first = layout.points.find((p) => p.earliest);
  const baseline = box.height - box.bottom;
  // The figure as written beside each dot, where there is room for it (a wide chart, a dozen dots at most).
  const labels = width >= 480 && layout.mode === 'figure' && layout.points.length <= 12;
  return (
    <figure class="chart trace-chart">
      <div ref={ref} class="chart-frame">
        <svg width={box.width} height={box.height} viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby="trace-chart-title" data-testid="trace-chart">
          <title id="trace-chart-title">
            {`${layout.points.length} dated appearances: ${layout.yTitle.toLowerCase()} by publication date${first ? `; earliest ${formatDate(first.match.published)}` : ''}`}
          </title>
          <text x={6} y={16} class="axis-title" data-testid="y-title">
            {layout.yTitle}
          </text>
          {layout.yTicks.map((t) => (
            <g key={`y${t.value}`} class="tick y-tick">
              <line x1={box.left} x2={box.width - box.right} y1={t.y} y2={t.y} class="grid" />
              <text x={box.left - 6} y={t.y + 4} class="tick-label end">
                {t.label}
              </text>
            </g>
          ))}
          {layout.xTicks.map((t) => (
            <g key={`x${t.value}`} class="tick x-tick">
              <line x1={t.x} x2={t.x} y1={baseline} y2={baseline + 5} class="axis" />
              <text x={t.x} y={baseline + 19} class="tick-label middle">
                {t.label}
              </text>
            </g>
          ))}
          <line x1={box.left} x2={box.width - box.right} y1={baseline} y2={baseline} class="axis" />
          {layout.points.map((p) =>
            p.range ? <line key={`r${p.match.documentId}:${p.match.claimId}`} x1={p.x} x2={p.x} y1={p.range.y1} y2={p.range.y2} class={`range g-${p.grade}`} /> : null,
          )}
          {layout.points.map((p) => (
            <circle key={`${p.match.documentId}:${p.match.claimId}`} cx={p.x} cy={p.y} r={p.r} class={`pt g-${p.grade}${p.earliest ? ' earliest' : ''}`}>
              <title>
                {`${p.match.site ?? 'unknown outlet'}, ${formatDate(p.match.published)}: ${p.figure ? `“${p.figure.text}”, ` : ''}${Math.round(p.match.similarity * 100)}% similar wording, source ${p.grade}`}
              </title>
            </circle>
          ))}
          {labels &&
            layout.points.map((p) => (
              // Labels near the right edge go to the left of their point.
              <text
                key={`l${p.match.documentId}:${p.match.claimId}`}
                x={p.x > box.width - box.right - 110 ? p.x - p.r - 4 : p.x + p.r + 4}
                y={p.y + 4}
                class={p.x > box.width - box.right - 110 ? 'pt-label end' : 'pt-label'}
              >
                {p.figure?.text}
              </text>
            ))}
          {first && !labels && (
            <text x={first.x + first.r + 4} y={first.y - first.r - 2} class="callout">
              earliest
            </text>
          )}
        </svg>
      </div>
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
          <span class="legend-item">larger dot: closer wording</span>
          {first && <span class="legend-item">ringed: earliest</span>}
        </span>
        {layout.undated > 0 && <span> · {layout.undated} undated appearance(s) listed below only</span>}
        {layout.withoutFigure > 0 && <span> · {layout.withoutFigure} appearance(s) without this figure listed below only</span>}
      </figcaption>
    </figure>
  );
}
