import type { Layer } from './html-highlights.js';

/** Selector prefix that applies a rule only while the layer is switched on. */
const on = (layer: Layer) => `#ct-text:not(.off-${layer})`;

/** The page's one inline style sheet; its SHA-256 goes into the Content-Security-Policy. */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --named: #1a7f37; --vague: #b35900; --anaphoric: #0b5cad; --none: #c62828; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 84rem; padding: 1rem 1.25rem 4rem; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
.ct-meta, .ct-counts, .ct-muted { color: var(--muted); margin: 0.2rem 0; }
.ct-counts span + span::before { content: " · "; }
.ct-layers { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.25rem; }
.ct-layers legend { font-weight: 600; padding: 0 0.25rem; }
.ct-layers label { cursor: pointer; white-space: nowrap; }
.ct-layout { display: block; }
@media (min-width: 62rem) { .ct-layout { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 2rem; align-items: start; } }
#ct-text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.05rem/1.9 Georgia, "Times New Roman", serif; margin: 0; }
.hl:focus-visible { outline: 3px solid #000; outline-offset: 2px; }
${on('claim')} .L-claim.cw-hi { background: rgba(255, 193, 7, 0.34); }
${on('claim')} .L-claim.cw-mid { background: rgba(255, 193, 7, 0.18); }
${on('claim')} .L-claim.cw-lo { background: rgba(255, 193, 7, 0.07); }
${on('source')} .L-source { padding-bottom: 1px; border-bottom: 2px solid transparent; }
${on('source')} .L-source.g-named { border-bottom: 2px solid var(--named); }
${on('source')} .L-source.g-vague { border-bottom: 2px dashed var(--vague); }
${on('source')} .L-source.g-anaphoric { border-bottom: 2px dotted var(--anaphoric); }
${on('source')} .L-source.g-none { border-bottom: 3px double var(--none); }
${on('entity')} .L-entity { border-top: 2px solid #777; }
${on('entity')} .L-entity.e-person { border-top-color: #8e44ad; }
${on('entity')} .L-entity.e-organization { border-top-color: #16a085; }
${on('entity')} .L-entity.e-outlet { border-top-color: #2c3e50; border-top-style: double; border-top-width: 3px; }
${on('entity')} .L-entity.e-agency { border-top-color: #d35400; border-top-style: dashed; }
${on('entity')} .L-entity.e-document { border-top-color: #7f8c8d; border-top-style: dotted; }
${on('entity')} .L-entity.e-place { border-top-color: #27ae60; }
${on('figure')} .L-figure { font-weight: 700; color: #0d47a1; }
${on('figure')} .L-figure.first::before { font-size: 0.7em; vertical-align: super; color: #0d47a1; margin-right: 1px; }
${on('figure')} .L-figure.first.b-approx::before { content: "≈"; }
${on('figure')} .L-figure.first.b-at-least::before { content: "≥"; }
${on('figure')} .L-figure.first.b-at-most::before { content: "≤"; }
${on('figure')} .L-figure.first.b-range::before { content: "↔"; }
${on('cue')} .L-cue { font-style: italic; font-weight: 600; color: #6a1b9a; }
${on('cue')} .L-cue.hedged { text-decoration: line-through 1px rgba(106, 27, 154, 0.5); }
${on('technique')} .L-technique { text-decoration: underline wavy #c2185b 1px; text-underline-offset: 0.3em; text-decoration-skip-ink: none; }
${on('finding')} .L-finding { outline-offset: 1px; border-radius: 2px; }
${on('finding')} .L-finding.sev-error { outline: 2px solid #c62828; }
${on('finding')} .L-finding.sev-warning { outline: 2px dashed #ef6c00; }
${on('finding')} .L-finding.sev-info { outline: 1px dotted #1565c0; }
.sw { display: inline-block; min-width: 1.4em; margin-right: 0.3em; text-align: center; font-size: 0.85em; }
.sw-claim { background: rgba(255, 193, 7, 0.34); }
.sw-source { border-bottom: 2px solid var(--named); }
.sw-entity { border-top: 2px solid #8e44ad; }
.sw-figure { font-weight: 700; color: #0d47a1; }
.sw-cue { font-style: italic; font-weight: 600; color: #6a1b9a; }
.sw-technique { text-decoration: underline wavy #c2185b 1px; }
.sw-finding { outline: 2px dashed #ef6c00; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 0.35rem; border-radius: 3px; border: 1px solid; margin-right: 0.3rem; }
.badge.g-named { color: var(--named); border-style: solid; }
.badge.g-vague { color: var(--vague); border-style: dashed; }
.badge.g-anaphoric { color: var(--anaphoric); border-style: dotted; }
.badge.g-none { color: var(--none); border-style: double; border-width: 3px; }
.badge.sev-error { color: #c62828; } .badge.sev-warning { color: #b34700; } .badge.sev-info { color: #1565c0; }
.ct-list { list-style: none; padding: 0; margin: 0; font-size: 0.92rem; }
.ct-list li { padding: 0.35rem 0; border-bottom: 1px solid #eee; }
.ct-list a { color: inherit; text-decoration: none; display: block; }
.ct-list a:hover, .ct-list a:focus-visible { background: #f4f4f4; }
.cw { font-variant-numeric: tabular-nums; color: var(--muted); margin-right: 0.3rem; }
.ct-chart text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.ct-chart .bar-named { fill: var(--named); } .ct-chart .bar-vague { fill: var(--vague); }
.ct-chart .bar-anaphoric { fill: var(--anaphoric); } .ct-chart .bar-none { fill: var(--none); }
.ct-chart .bar-all { fill-opacity: 0.3; }
#ct-pop { position: absolute; z-index: 10; max-width: min(28rem, 92vw); background: #fff; border: 1px solid #444; border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2); padding: 0.5rem 0.75rem; font-size: 0.9rem; }
#ct-pop[hidden] { display: none; }
#ct-pop section + section { border-top: 1px solid #ddd; margin-top: 0.4rem; padding-top: 0.4rem; }
#ct-pop h3 { font-size: 0.9rem; margin: 0 0 0.2rem; }
#ct-pop dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.6rem; margin: 0; }
#ct-pop dt { color: var(--muted); }
#ct-pop dd { margin: 0; overflow-wrap: anywhere; }
#ct-pop .ct-close { float: right; border: 0; background: none; font-size: 1.1rem; cursor: pointer; }
`;
