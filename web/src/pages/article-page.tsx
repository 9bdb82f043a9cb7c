/** The article view: highlighted text with layer switches, the claim panel, review and export. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DocumentResponse, MatchDecision, MatchDecisionsResponse, Review } from '../api/types.js';
import { useApi } from '../components/use-api.js';
import { NARROW_QUERY, useMediaQuery } from '../components/use-media.js';
import { claimDetails, currentVerdicts, step, type ClaimFilter } from '../lib/claims.js';
import { currentMatchDecisions, hasMatches } from '../lib/fact-checks.js';
import { findingId, LAYER_NAMES, type HighlightSpan, type LayerName } from '../lib/segments.js';
import { ArticleHeader } from './article-header.js';
import { ArticleText } from './article-text.js';
import { ClaimPanel } from './claim-panel.js';
import { ExportBar } from './export-bar.js';
import { FindingStatus, useArticleKeys } from './article-keys.js';
import { ArticleTabs, tabPanelId, type ArticleTab } from './article-tabs.js';
import { FindingsPanel } from './findings-panel.js';
import { LayerSwitches } from './layer-switches.js';

/** Focuses and scrolls to the first fragment of an annotation in the text (after the next paint). */
function focusInText(id: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(`[data-testid="article-text"] [data-first][data-ann-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
    document.querySelector(`[data-claim-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
  });
}

/** Scrolls a claim of the list to the top of the screen (after the next paint). */
function showClaimInList(id: string): void {
  requestAnimationFrame(() => document.querySelector(`[data-claim-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'start' }));
}

/**
 * The narrow layout's tab switching: the article keeps its reading position; the claims and findings open at their
 * top, so their first entry is on screen right after the tap.
 */
function useTabs(layout: { current: HTMLElement | null }) {
  const [tab, setTab] = useState<ArticleTab>('article');
  const current = useRef(tab);
  const articleScroll = useRef(0);
  const showTab = (next: ArticleTab, then?: () => void) => {
    if (current.current === 'article') articleScroll.current = window.scrollY;
    current.current = next;
    setTab(next);
    requestAnimationFrame(() => {
      const top = layout.current ? Math.max(0, layout.current.getBoundingClientRect().top + window.scrollY - 8) : 0;
      // Back to the article: its reading position, unless `then` scrolls to something in it.
      if (next === 'article') {
        if (!then) window.scrollTo(0, articleScroll.current);
      }
      else if (window.scrollY > top) window.scrollTo(0, top);
      then?.();
    });
  };
  return { tab, showTab };
}

/** The article view for a stored document. */
export function ArticlePage(props: { documentId: number }) {
  const loaded = useApi<DocumentResponse>(`/api/documents/${props.documentId}`);
  const [layers, setLayers] = useState<Set<LayerName>>(() => new Set(LAYER_NAMES));
  const [filter, setFilter] = useState<ClaimFilter>({ grade: 'all', minWorth: 0 });
  const [selected, setSelected] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [findingIndex, setFindingIndex] = useState(-1);
  const narrow = useMediaQuery(NARROW_QUERY);
  const layoutRef = useRef<HTMLDivElement>(null);
  const { tab, showTab } = useTabs(layoutRef);
  const doc = loaded.data;
  const details = useMemo(() => (doc ? claimDetails(doc.report) : []), [doc]);
  const verdicts = useMemo(() => currentVerdicts(doc?.reviews ?? []), [doc]);
  // Decisions are asked for only when a claim lists a fact-check match: a server without fact-checks shows nothing.
  const withMatches = doc !== null && doc.documentId === props.documentId && hasMatches(doc.report.claims);
  const decisionsLoaded = useApi<MatchDecisionsResponse>(withMatches ? `/api/documents/${props.documentId}/match-decisions` : null);
  const matchDecisions = useMemo(() => currentMatchDecisions(withMatches ? (decisionsLoaded.data?.decisions ?? []).filter((d) => d.documentId === props.documentId) : []), [withMatches, decisionsLoaded.data, props.documentId]);
  const findings = useMemo(
    () => (doc ? doc.report.findings.map((f, i) => ({ ...f, id: findingId(i) })).sort((a, b) => a.start - b.start || a.end - b.end) : []),
    [doc],
  );
  const current = findings[findingIndex] ?? null;
  // Keys can arrive faster than renders: moves read and write this, not the (possibly stale) render's state.
  const latest = useRef({ selected, findingIndex });
  latest.current = { selected, findingIndex };

  const selectClaim = (id: string | null, focus = true) => {
    if (id !== latest.current.selected) setReviewing(false);
    latest.current = { ...latest.current, selected: id };
    setSelected(id);
    if (id && focus) focusInText(id);
  };
  const moveClaim = (dir: 1 | -1) => {
    const i = step(details.findIndex((d) => d.claim.id === latest.current.selected), details.length, dir);
    if (i >= 0) selectClaim(details[i]!.claim.id);
  };
  const goToFinding = (i: number) => {
    latest.current = { ...latest.current, findingIndex: i };
    setFindingIndex(i);
    const id = findings[i]!.id;
    selectClaim(details.find((d) => d.findings.some((f) => f.id === id))?.claim.id ?? null, false);
    focusInText(id);
  };
  const moveFinding = (dir: 1 | -1) => {
    const i = step(latest.current.findingIndex, findings.length, dir);
    if (i >= 0) goToFinding(i);
  };
  // Narrow screens: a claim tapped in the text opens in the claim list; "Show in article" and a finding go back.
  const pickInText = (id: string) => {
    selectClaim(id, false);
    if (narrow) showTab('claims', () => showClaimInList(id));
  };
  const showInText = (id: string) => showTab('article', () => focusInText(id));
  const pickFinding = (i: number) => showTab('article', () => goToFinding(i));
  useArticleKeys({ moveClaim, moveFinding, openReview: () => latest.current.selected !== null && setReviewing(true), close: () => setReviewing(false) });
  useEffect(() => setFindingIndex(-1), [props.documentId]);

  // A selected claim or current finding stays outlined even when its layer is switched off.
  const extras = useMemo(() => {
    const out: HighlightSpan[] = [];
    const claim = selected ? details.find((d) => d.claim.id === selected)?.claim : undefined;
    if (claim && !layers.has('claims')) out.push({ kind: 'claim', id: claim.id, start: claim.start, end: claim.end, modifiers: ['sel-only'] });
    if (current && !layers.has('findings')) out.push({ kind: 'finding', id: current.id, start: current.start, end: current.end, modifiers: ['sel-only'] });
    return out;
  }, [selected, current, layers, details]);

  if (!doc) {
    return (
      <section>
        <h1 tabIndex={-1}>{loaded.loading ? 'Loading the article…' : `Article ${props.documentId}`}</h1>
      </section>
    );
  }
  const onSaved = (review: Review) => {
    loaded.set({ ...doc, reviews: [...doc.reviews, review] });
    setReviewing(false);
  };
  const onDecided = (decision: MatchDecision) => decisionsLoaded.set({ decisions: [...(decisionsLoaded.data?.decisions ?? []), decision] });
  return (
    <div class="article-page">
      <ArticleHeader report={doc.report} />
      <ExportBar documentId={doc.documentId} reviewed={details.filter((d) => verdicts.has(d.claim.id)).length} total={details.length} />
      <div class="article-layout" data-tab={tab} ref={layoutRef}>
        <section class="article-main" aria-label="Article text" id={tabPanelId('article')} role={narrow ? 'tabpanel' : undefined}>
          <LayerSwitches layers={layers} onChange={setLayers} />
          <FindingStatus finding={current} index={findingIndex} total={findings.length} />
          <ArticleText report={doc.report} layers={layers} extras={extras} selectedClaim={selected} currentFinding={current?.id ?? null} onPickClaim={pickInText} />
        </section>
        <div class="article-side" aria-label="Claims and review" id={tabPanelId('claims')} role={narrow ? 'tabpanel' : 'complementary'}>
          <ClaimPanel
            report={doc.report}
            documentId={doc.documentId}
            details={details}
            filter={filter}
            onFilter={setFilter}
            selected={selected}
            onSelect={(id) => selectClaim(id === selected ? null : id)}
            verdicts={verdicts}
            matchDecisions={matchDecisions}
            onDecided={onDecided}
            reviewing={reviewing}
            onReview={setReviewing}
            onSaved={onSaved}
            onShowInText={narrow ? showInText : undefined}
          />
        </div>
        <section class="article-findings" aria-label="Findings" id={tabPanelId('findings')} role={narrow ? 'tabpanel' : undefined}>
          <FindingsPanel findings={findings} current={findingIndex} text={doc.report.document.text} onPick={pickFinding} />
        </section>
      </div>
      <ArticleTabs tab={tab} onTab={(t) => showTab(t)} counts={{ claims: details.length, findings: findings.length }} />
    </div>
  );
}
