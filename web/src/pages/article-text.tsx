/**
 * The article text with highlights. Built only from text nodes and span elements (never HTML from the article):
 * the text is cut into segments at every boundary of the visible layers and each segment is wrapped in one span per
 * annotation covering it, outermost first.
 */
import type { ComponentChild } from 'preact';
import { memo } from 'preact/compat';
import { useMemo } from 'preact/hooks';
import type { Report } from '../api/types.js';
import { segmentText, spansOf, type HighlightSpan, type LayerName, type Segment } from '../lib/segments.js';

/** Props of {@link ArticleText}. */
export interface ArticleTextProps {
  readonly report: Report;
  readonly layers: ReadonlySet<LayerName>;
  /** Spans shown whatever the layers (the selected claim or current finding when its layer is off). */
  readonly extras: readonly HighlightSpan[];
  /** The selected claim's id, outlined in the text. */
  readonly selectedClaim: string | null;
  /** The current finding's id (`f3`), outlined in the text. */
  readonly currentFinding: string | null;
  /** A claim was clicked in the text. */
  readonly onPickClaim: (claimId: string) => void;
}

function classOf(span: HighlightSpan, selectedClaim: string | null, currentFinding: string | null): string {
  // A span kept only because it is selected gets a class of its own, so `hl-<layer>` always means the layer is on.
  const only = span.modifiers.includes('sel-only');
  const classes = only ? [`sel-${span.kind}`] : [`hl-${span.kind}`, ...span.modifiers];
  if (span.kind === 'claim' && span.id === selectedClaim) classes.push('is-selected');
  if (span.kind === 'finding' && span.id === currentFinding) classes.push('is-current');
  return classes.join(' ');
}

function renderSegment(text: string, segment: Segment, selectedClaim: string | null, currentFinding: string | null, first: Set<string>): ComponentChild {
  let node: ComponentChild = text.slice(segment.start, segment.end);
  for (let i = segment.spans.length - 1; i >= 0; i--) {
    const span = segment.spans[i]!;
    const key = `${span.kind}:${span.id}`;
    // The first fragment of a claim or finding can take focus, so selecting it moves the keyboard there.
    const focusable = (span.kind === 'claim' || span.kind === 'finding') && !first.has(key);
    if (focusable) first.add(key);
    node = (
      <span class={classOf(span, selectedClaim, currentFinding)} data-ann-id={span.id} data-first={focusable ? '' : undefined} tabIndex={focusable ? -1 : undefined}>
        {node}
      </span>
    );
  }
  return node;
}

/** The highlighted article text (data-testid `article-text`). */
export const ArticleText = memo(function ArticleText(props: ArticleTextProps) {
  const { report, layers, extras, selectedClaim, currentFinding } = props;
  const layerKey = [...layers].sort().join(',');
  const segments = useMemo(() => segmentText(report.document.text.length, [...spansOf(report, layers), ...extras]), [report, layerKey, extras]);
  const first = new Set<string>();
  const onClick = (event: MouseEvent) => {
    const target = (event.target as Element | null)?.closest?.('.hl-claim, .sel-claim');
    const id = target?.getAttribute('data-ann-id');
    if (id) props.onPickClaim(id);
  };
  return (
    // Clicking a claim selects it; the keyboard route to the same action is the claim list (and j/k).
    <div class="article-text" data-testid="article-text" lang={report.document.language ?? undefined} onClick={onClick}>
      {segments.map((segment) => (
        <span key={segment.start} class="seg">
          {renderSegment(report.document.text, segment, selectedClaim, currentFinding, first)}
        </span>
      ))}
    </div>
  );
});
