// Fact-checks and an article written for the already-fact-checked tests (invented places, people and outlets).

/** [claim, headline, verdict, publisher, date]. */
export const CHECKS: readonly (readonly [string, string, string, string, string])[] = [
  ['Drinking lemon water cures seasonal flu within two days.', 'False: lemon water does not cure flu', 'False', 'North Shore Verify', '2024-01-20'],
  ['The Meridale council closed nine public libraries last year.', 'Mostly false: Meridale closed three libraries, not nine', 'Mostly false', 'Coast Facts', '2023-11-14'],
  ['Petrol prices in Eastbury rose by 40 percent in a single month.', 'Half true: prices rose 14 percent over a month', 'Half true', 'Coast Facts', '2024-05-09'],
  ['The new Lakeside bridge cost taxpayers 2.4 billion pounds.', 'True: the Lakeside bridge cost 2.4 billion', 'True', 'Harbour Check', '2022-08-30'],
  ['Wind turbines kill more birds than cats do every year.', 'False: cats kill far more birds than turbines', 'False', 'Island Ledger Fact Desk', '2023-06-02'],
  ['A photo shows sharks swimming on a flooded motorway after the storm.', 'False: the shark photo is edited', 'False', 'Harbour Check', '2021-09-18'],
  ['The mayor of Ostrand spent 80,000 euros on a private jet trip.', 'Mostly false: the trip cost 8,000 euros by train', 'Mostly false', 'Island Ledger Fact Desk', '2023-12-12'],
  ['Tap water in Brinmouth is contaminated with lead from old pipes.', 'Half true: some older homes have lead pipes', 'Half true', 'North Shore Verify', '2024-06-21'],
];

/** The review URL of the i-th fact-check (0-based). */
export const checkUrl = (i: number): string => `https://${CHECKS[i]![3].toLowerCase().replaceAll(' ', '')}.example/checks/${i + 1}`;
/** The Ostrand fact-check's position and link. */
export const OSTRAND = 6;
export const OSTRAND_URL = checkUrl(OSTRAND);

/** The i-th fact-check as ClaimReview JSON-LD. */
export function claimReview(i: number, override: Record<string, unknown> = {}): Record<string, unknown> {
  const [claim, title, verdict, publisher, date] = CHECKS[i]!;
  return {
    '@context': 'https://schema.org', '@type': 'ClaimReview', url: checkUrl(i), claimReviewed: claim, name: title, datePublished: date, inLanguage: 'en',
    author: { '@type': 'Organization', name: publisher }, reviewRating: { '@type': 'Rating', alternateName: verdict }, ...override,
  };
}

/** Every fact-check as JSON Lines. */
export const CHECKS_JSONL = `${CHECKS.map((_, i) => JSON.stringify(claimReview(i))).join('\n')}\n`;

/** An article whose first claim the Ostrand fact-check addresses (check-worthy); the others are not check-worthy. */
export const ARTICLE = [
  'Ostrand council under fire over travel costs',
  '',
  'The mayor of Ostrand spent 80,000 euros on a private jet trip to the regional summit. Opposition councillors raised the cost on Tuesday.',
  '',
  'The council said the figure was wrong and that the mayor travelled by train. Council records show that 12 staff attended the summit.',
  '',
].join('\n');

/** The Ostrand fact-check as a hostile publisher would write it: markup in every text field, a URL that breaks out of an attribute. */
export const HOSTILE_OSTRAND = claimReview(OSTRAND, {
  url: 'https://evil.example/checks/7?a="><script>alert(1)</script>',
  author: { '@type': 'Organization', name: '<img src=x onerror=alert(2)>Evil Desk' },
  reviewRating: { '@type': 'Rating', alternateName: '<b onmouseover=alert(3)>False</b>' },
});
