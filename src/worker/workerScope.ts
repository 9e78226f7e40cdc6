import type { RequestScope } from '../io/requestGate';

/**
 * The request scope a worker uses: the page's, but never for a site other than the worker's own
 * origin (a dedicated worker is not covered by the page's `<meta>` CSP, so the gate is what holds).
 */
export function workerScope(scope: RequestScope, ownOrigin: string): RequestScope {
  if (new URL(scope.site).origin !== ownOrigin) throw new Error(`the site ${scope.site} is not this worker's origin ${ownOrigin}`);
  return { site: scope.site, consented: scope.consented.filter((origin) => new URL(origin).protocol === 'https:') };
}
