/** Number and date wording for the views. Pure; English, as the analysis is. */

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A number with thousands separators and at most two decimals ("20,000", "3.5"). */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A share 0..1 as a whole percentage ("35%"); one decimal below 10 % ("2.5%"). */
export function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct > 0 && pct < 10 ? Math.round(pct * 10) / 10 : Math.round(pct)}%`;
}

/** An ISO date or date-time shown as "14 Mar 2024", "Mar 2024" or "2024"; anything else as given; null as "undated". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return 'undated';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** "1 claim", "3 claims". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** The first `max` characters of a text on a word boundary, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
