/** Review progress and the export downloads of one article. */
import { plural } from '../lib/format.js';

/** "N of M claims reviewed" with a progress bar, and download links for ClaimReview, CSV, Markdown and Web Annotations. */
export function ExportBar(props: { documentId: number; reviewed: number; total: number }) {
  const base = `/api/documents/${props.documentId}`;
  const name = `claimtrace-${props.documentId}`;
  return (
    <div class="export-bar">
      <div class="progress" data-testid="review-progress">
        <label for="review-progress-bar">
          {props.reviewed} of {plural(props.total, 'claim')} reviewed
        </label>
        <progress id="review-progress-bar" max={Math.max(1, props.total)} value={props.reviewed} />
      </div>
      <nav class="exports" aria-label="Export">
        <a class="button" href={`${base}/claimreview`} download={`${name}-claimreview.jsonld`} data-testid="export-claimreview">
          ClaimReview JSON-LD
        </a>
        <a class="button" href={`${base}/export?format=csv`} download={`${name}-reviews.csv`} data-testid="export-csv">
          CSV
        </a>
        <a class="button" href={`${base}/export?format=markdown`} download={`${name}-reviews.md`} data-testid="export-markdown">
          Markdown
        </a>
        <a class="button" href={`${base}/annotations`} download={`${name}-annotations.jsonld`} data-testid="export-annotations">
          Web Annotations
        </a>
      </nav>
    </div>
  );
}
