/** The app's routes, parsed from a path and query string. Pure. */

/** A parsed route. */
export type Route =
  | { readonly name: 'analyze' }
  | { readonly name: 'article'; readonly id: number }
  | { readonly name: 'corpus'; readonly params: URLSearchParams }
  | { readonly name: 'trace'; readonly params: URLSearchParams }
  | { readonly name: 'outlets' }
  | { readonly name: 'not-found'; readonly path: string };

/** The route of a location's path and search. */
export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(search);
  if (path === '/' || path === '/analyze') return { name: 'analyze' };
  const doc = /^\/documents\/(\d{1,15})$/.exec(path);
  if (doc) return { name: 'article', id: Number(doc[1]) };
  if (path === '/search' || path === '/documents') return { name: 'corpus', params };
  if (path === '/trace') return { name: 'trace', params };
  if (path === '/outlets') return { name: 'outlets' };
  return { name: 'not-found', path };
}

/** The path of an article view. */
export function articlePath(documentId: number): string {
  return `/documents/${documentId}`;
}

/** The path of the trace view for a stored claim. */
export function traceClaimPath(documentId: number, claimId: string): string {
  return `/trace?claim=${encodeURIComponent(`${documentId}:${claimId}`)}`;
}
