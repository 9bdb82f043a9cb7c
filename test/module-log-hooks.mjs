// Module hooks for test/module-log.ts: appends every module URL the process resolves to the file in MODULE_LOG.
import { appendFileSync } from 'node:fs';

/** Records the URL of every resolved module. */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.MODULE_LOG) appendFileSync(process.env.MODULE_LOG, `${result.url}\n`);
  return result;
}
