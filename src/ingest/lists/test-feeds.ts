/** Feeds, sitemaps and pages written for the tests (all text is the project's own). */

/** A report of some 700 characters of text: over the full-content threshold of feed-content.json. */
export function longReport(topic: string, figure: number): string {
  return [
    `<p>The harbour board of Vellmar said on Tuesday that the ${topic} would cost ${figure} million euros, more than twice the figure it gave in spring.</p>`,
    `<p>According to the board's own filing, the extra money pays for deeper dredging, a new sea wall and two years of monitoring of the silt that keeps returning to the outer basin.</p>`,
    `<p>Councillor Maren Holt said the board had known about the silt since 2021 and should have said so before the vote. The board said the earlier estimate was made in good faith.</p>`,
    `<p>Fishing crews told the Vellmar Gazette that the basin has been too shallow for the larger trawlers since March, and that three boats now land their catch in the next port.</p>`,
  ].join('\n');
}

/** A page the test server serves for a link; its own title is in <title> and <h1>. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

/** RSS 2.0: item 1 with full content, item 2 a teaser with a link, item 3 without link or content. */
export function rssFeed(linkBase: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Vellmar Gazette</title><link>${linkBase}/</link><description>News</description>
<item><title>Dredging bill doubles</title><link>${linkBase}/dredging</link><guid isPermaLink="false">gazette-1001</guid>
<pubDate>Tue, 03 Mar 2026 09:30:00 GMT</pubDate><dc:creator>Ines Varga</dc:creator><description>The bill doubles.</description>
<content:encoded><![CDATA[${longReport('dredging of the outer basin', 14)}]]></content:encoded></item>
<item><title>Ferry timetable changes</title><link>${linkBase}/ferry</link><guid>${linkBase}/ferry</guid>
<pubDate>Wed, 04 Mar 2026 07:00:00 +0100</pubDate><description>The ferry will run less often.</description>
<content:encoded><![CDATA[<p>The ferry will run less often from April.</p>]]></content:encoded></item>
<item><title>An item with nothing to read</title><description>Nothing here.</description></item>
</channel></rss>`;
}

/** Atom: one entry with full HTML content, one with a summary and a relative link. */
export function atomFeed(linkBase: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Post</title><id>urn:coast-post</id><updated>2026-03-05T10:00:00Z</updated>
<link rel="alternate" href="${linkBase}/"/>
<entry><title type="html">Sea wall &lt;em&gt;approved&lt;/em&gt;</title><id>urn:coast-post:2001</id><link rel="alternate" href="${linkBase}/sea-wall"/>
<published>2026-03-05T08:15:00Z</published><updated>2026-03-05T09:00:00Z</updated>
<content type="html">${escapeXml(longReport('sea wall', 9))}</content></entry>
<entry><title>Lighthouse to reopen</title><id>urn:coast-post:2002</id><link href="/lighthouse"/><updated>2026-03-06T12:00:00Z</updated>
<summary>The lighthouse reopens in May.</summary></entry>
</feed>`;
}

/** JSON Feed 1.1: one item with content_text over the threshold, one with a link only. */
export function jsonFeed(linkBase: string): string {
  const text = longReport('pier repairs', 3).replace(/<[^>]+>/g, '');
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Dock Daily', home_page_url: `${linkBase}/`,
    items: [
      { id: 'dd-1', url: `${linkBase}/pier`, title: 'Pier repairs', content_text: text, date_published: '2026-03-07T06:00:00+02:00' },
      { id: 'dd-2', url: `${linkBase}/market`, title: 'Fish market moves', summary: 'It moves north.', date_published: '2026-03-08' },
    ],
  });
}

/** RDF (RSS 1.0): one item, link only. */
export function rdfFeed(linkBase: string): string {
  return `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${linkBase}/"><title>Port Notes</title><link>${linkBase}/</link><description>Notes</description></channel>
<item rdf:about="${linkBase}/notes/1"><title>Tide gauge fixed</title><link>${linkBase}/notes/1</link><dc:date>2026-03-09</dc:date></item>
</rdf:RDF>`;
}

/** A sitemap of page URLs; with `news`, Google News titles and dates. */
export function urlset(locs: readonly string[], news = false): string {
  const entries = locs.map((loc, i) => {
    const extra = news ? `<news:news><news:publication><news:name>Gazette</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-03-1${i}T08:00:00Z</news:publication_date><news:title>Sitemap story ${i + 1}</news:title></news:news>` : '';
    return `<url><loc>${escapeXml(loc)}</loc><lastmod>2026-03-10</lastmod>${extra}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${entries.join('\n')}</urlset>`;
}

/** A sitemap index of child sitemaps. */
export function sitemapIndex(locs: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('')}</sitemapindex>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
