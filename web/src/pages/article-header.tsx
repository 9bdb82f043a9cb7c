/** The article's title and metadata; its URL is a link only when it is http(s), and never passes a referrer. */
import type { Report } from '../api/types.js';
import { formatDate, plural } from '../lib/format.js';
import { isHttpUrl } from '../lib/url.js';

/** Title, byline, outlet, date and source link of an article. */
export function ArticleHeader(props: { report: Report }) {
  const doc = props.report.document;
  const words = doc.text.split(/\s+/).filter(Boolean).length;
  return (
    <header class="article-header">
      <h1 tabIndex={-1}>{doc.title ?? 'Untitled article'}</h1>
      <p class="article-meta">
        {doc.byline && <span>by {doc.byline}</span>}
        {doc.site && <span>{doc.site}</span>}
        <span>{formatDate(doc.published)}</span>
        <span>{plural(words, 'word')}</span>
        {doc.url &&
          (isHttpUrl(doc.url) ? (
            <a href={doc.url} target="_blank" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer" class="source-link">
              original ({new URL(doc.url).hostname})
            </a>
          ) : (
            <span class="source-link">{doc.url}</span>
          ))}
      </p>
    </header>
  );
}
