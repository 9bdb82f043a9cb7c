import { z } from 'zod';
import { ClaimtraceError } from '../core/errors.js';
import type { ArticleSource, FailedSource } from './source.js';

/** One JSON Lines record: an article as HTML or as text, with what is known about it. Other keys are ignored. */
export const JsonlRecordSchema = z
  .object({
    url: z.string().min(1).nullish(),
    html: z.string().nullish(),
    text: z.string().nullish(),
    title: z.string().nullish(),
    published: z.string().nullish(),
    site: z.string().nullish(),
  })
  .refine((r) => (r.html == null) !== (r.text == null), { message: 'needs exactly one of "html" or "text"' });

/** A JSON Lines record as validated. */
export type JsonlRecord = z.infer<typeof JsonlRecordSchema>;

const encoder = new TextEncoder();

/**
 * Turns one line of a JSON Lines file into a source; a line that is not JSON or not a record becomes a source that
 * carries its E_RECORD_INVALID error, labelled `file:line`, so the run goes on.
 */
export function sourceFromJsonLine(line: string, path: string, lineNumber: number): ArticleSource | FailedSource {
  const label = `${path}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { label, error: new ClaimtraceError('E_RECORD_INVALID', { record: label, reason: 'the line is not valid JSON' }) };
  }
  const parsed = JsonlRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
    return { label, error: new ClaimtraceError('E_RECORD_INVALID', { record: label, reason: `${where}${issue.message}` }) };
  }
  const record = parsed.data;
  const meta = { url: record.url ?? undefined, title: record.title ?? undefined, published: record.published ?? undefined, site: record.site ?? undefined };
  const html = record.html != null;
  const bytes = encoder.encode(html ? record.html! : record.text!);
  return { label, bytes, contentType: html ? 'text/html' : 'text/plain', url: meta.url, meta };
}
