/**
 * On narrow screens the article view shows one section at a time: the article, its claims or its findings, switched
 * by a tab bar fixed to the bottom of the screen, so the claims are one tap away from anywhere in a long article.
 * On wide screens the bar is hidden and text and claims stand side by side.
 */
import { formatNumber } from '../lib/format.js';

/** The sections of the narrow article view. */
export type ArticleTab = 'article' | 'claims' | 'findings';

const TABS: readonly { id: ArticleTab; label: string }[] = [
  { id: 'article', label: 'Article' },
  { id: 'claims', label: 'Claims' },
  { id: 'findings', label: 'Findings' },
];

/** The id of a section's panel, for aria-controls. */
export function tabPanelId(tab: ArticleTab): string {
  return `panel-${tab}`;
}

/** The tab bar (data-testid `tab-<id>`); `counts` are shown beside the labels. */
export function ArticleTabs(props: { tab: ArticleTab; onTab: (tab: ArticleTab) => void; counts: Partial<Record<ArticleTab, number>> }) {
  return (
    <div class="view-tabs">
      <div role="tablist" aria-label="Article sections">
        {TABS.map((t) => {
          const count = props.counts[t.id];
          return (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={props.tab === t.id}
              aria-controls={tabPanelId(t.id)}
              class={props.tab === t.id ? 'is-active' : undefined}
              onClick={() => props.onTab(t.id)}
              data-testid={`tab-${t.id}`}
            >
              {t.label}
              {count !== undefined && <span class="tab-count">{formatNumber(count)}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}
