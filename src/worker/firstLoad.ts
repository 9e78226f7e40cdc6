/**
 * The first dataset's load, started by the compute worker as soon as its code has run, before the
 * page's request for it arrives.
 *
 * Why: a message posted to a dedicated worker before its script has loaded waits on the page's
 * main thread, which hands it over only when it is free, and while the first map loads it is not:
 * making MapLibre's map and first frame is one task of 0.15–0.3 s in software WebGL. In the traces
 * the worker sat idle 0.17 s with its code run before the `load` request reached it. The page
 * names the load it will ask for in the worker's name (WorkerOptions.name, readable at once as
 * `self.name`); the worker starts it, keeps what it tells (progress, the map's files) until the
 * request comes, and then answers that request with it. A request for anything else, or a second
 * one, is loaded as it always was: the early load is claimed once, or never.
 */
import type { RequestScope } from '../io/requestGate';
import type { WithoutId, WorkerResponse } from './protocol';

/** What the page will ask the worker to load first. */
export interface FirstLoad {
  manifestUrl: string;
  scope: RequestScope;
}

const PREFIX = 'atlas-first-load:';

/** The worker's name that carries `first` (just "atlas" without it). */
export function workerName(first: FirstLoad | undefined): string {
  return first ? PREFIX + JSON.stringify({ manifestUrl: first.manifestUrl, scope: { site: first.scope.site, consented: [...first.scope.consented] } }) : 'atlas';
}

/** The first load a worker's name carries, if any (a name that is not one of ours carries none). */
export function firstLoadOf(name: string): FirstLoad | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  try {
    const value = JSON.parse(name.slice(PREFIX.length)) as { manifestUrl?: unknown; scope?: { site?: unknown; consented?: unknown } };
    const { manifestUrl, scope } = value;
    if (typeof manifestUrl !== 'string' || typeof scope?.site !== 'string' || !Array.isArray(scope.consented) || !scope.consented.every((o) => typeof o === 'string')) return undefined;
    return { manifestUrl, scope: { site: scope.site, consented: scope.consented as string[] } };
  } catch {
    return undefined;
  }
}

function sameLoad(a: FirstLoad, b: FirstLoad): boolean {
  return a.manifestUrl === b.manifestUrl && a.scope.site === b.scope.site && a.scope.consented.join(' ') === b.scope.consented.join(' ');
}

/** What a load tells before it is done, without the id of the request it answers (not known yet). */
export type Told = WithoutId<Extract<WorkerResponse, { type: 'progress' | 'mapFiles' | 'regionsFile' }>>;

export class EarlyLoad<T> {
  private readonly told: Told[] = [];
  private tell: ((message: Told) => void) | undefined;
  private readonly loading: Promise<T>;
  private claimed = false;

  /** Starts `load` at once; what it tells is kept until it is claimed. */
  constructor(
    readonly first: FirstLoad,
    load: (tell: (message: Told) => void) => Promise<T>,
  ) {
    // Called at once; an exception it throws (a scope the worker refuses) is a rejected load, not one at the worker's start.
    this.loading = (async () => load((message) => (this.tell ? this.tell(message) : this.told.push(message))))();
    // A failure is the claiming request's to report; unclaimed, it is nobody's.
    this.loading.catch(() => undefined);
  }

  /**
   * The load, when `request` asks for the one started and nothing has claimed it: what it told so
   * far is passed to `tell` now, and what it tells later as it comes. Undefined otherwise; after
   * the first call, always undefined.
   */
  claim(request: FirstLoad, tell: (message: Told) => void): Promise<T> | undefined {
    if (this.claimed) return undefined;
    this.claimed = true;
    if (!sameLoad(this.first, request)) return undefined;
    for (const message of this.told.splice(0)) tell(message);
    this.tell = tell;
    return this.loading;
  }
}
