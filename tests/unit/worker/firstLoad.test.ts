import { describe, expect, it } from 'vitest';
import { EarlyLoad, firstLoadOf, workerName, type FirstLoad, type Told } from '../../../src/worker/firstLoad';
import { firstLoad } from '../../../src/ui/dataImport/dataSources';

const SITE = 'https://atlas.test/site/';
const DEMO: FirstLoad = { manifestUrl: `${SITE}geo/demo/manifest.json`, scope: { site: SITE, consented: [] } };

/** A load that tells what it is given to tell, and ends when released. */
function controlledLoad() {
  let tell: (message: Told) => void = () => undefined;
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let started = 0;
  const load = (t: (message: Told) => void) => {
    started++;
    tell = t;
    return new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  };
  return { load, tell: (m: Told) => tell(m), finish: (v: string) => finish(v), fail: (e: Error) => fail(e), started: () => started };
}

const progress = (stage: string): Told => ({ type: 'progress', stage, fraction: 0 });

describe('the first load, started by the worker before the page asks for it', () => {
  it('carries the load in the worker’s name and reads it back; any other name carries none', () => {
    const first: FirstLoad = { manifestUrl: 'https://atlas.test/a b/m.json?x="1"', scope: { site: SITE, consented: ['https://data.test'] } };
    expect(firstLoadOf(workerName(first))).toEqual(first);
    expect(workerName(undefined)).toBe('atlas');
    for (const name of ['', 'atlas', 'atlas-first-load:', 'atlas-first-load:{', 'atlas-first-load:{"manifestUrl":1,"scope":{"site":"x","consented":[]}}', 'atlas-first-load:{"manifestUrl":"m","scope":{"site":"x","consented":[3]}}', 'atlas-first-load:null']) {
      expect(firstLoadOf(name), name).toBeUndefined();
    }
  });

  it('starts at once, keeps what the load tells until the request comes, then hands it over in order and the rest as it comes', async () => {
    const run = controlledLoad();
    const early = new EarlyLoad(DEMO, run.load);
    expect(run.started()).toBe(1);
    run.tell(progress('manifest'));
    run.tell({ type: 'regionsFile', file: { regionsUrl: `${SITE}r.geojson`, idProperty: 'id', attribution: 'a' } });
    const got: Told[] = [];
    const loading = early.claim({ manifestUrl: DEMO.manifestUrl, scope: { site: SITE, consented: [] } }, (m) => got.push(m));
    expect(loading).toBeDefined();
    expect(got.map((m) => m.type)).toEqual(['progress', 'regionsFile']);
    run.tell(progress('boundaries'));
    expect(got.map((m) => (m.type === 'progress' ? m.stage : m.type))).toEqual(['manifest', 'regionsFile', 'boundaries']);
    run.finish('the dataset');
    await expect(loading).resolves.toBe('the dataset');
    // Claimed once: a second request for the same dataset is loaded afresh by its caller.
    expect(early.claim(DEMO, () => undefined)).toBeUndefined();
  });

  it('is not used for a request of another dataset or scope, nor by any request after that', () => {
    for (const other of [
      { ...DEMO, manifestUrl: `${SITE}geo/eu/manifest.json` },
      { ...DEMO, scope: { site: SITE, consented: ['https://data.test'] } },
      { ...DEMO, scope: { site: 'https://atlas.test/', consented: [] } },
    ]) {
      const early = new EarlyLoad(DEMO, controlledLoad().load);
      const got: Told[] = [];
      expect(early.claim(other, (m) => got.push(m))).toBeUndefined();
      expect(early.claim(DEMO, (m) => got.push(m))).toBeUndefined();
      expect(got).toEqual([]);
    }
  });

  it('gives its failure to the request that claims it, and leaves none unhandled when nobody does', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const claimedRun = controlledLoad();
    const claimed = new EarlyLoad(DEMO, claimedRun.load).claim(DEMO, () => undefined)!;
    claimedRun.fail(new Error('manifest.json: could not be loaded (HTTP 404)'));
    await expect(claimed).rejects.toThrow('HTTP 404');
    // A load that throws at once (the worker refuses its scope) fails its claimer the same way.
    const throwing = new EarlyLoad(DEMO, () => {
      throw new Error('the site https://elsewhere.test/ is not this worker\'s origin');
    });
    await expect(throwing.claim(DEMO, () => undefined)).rejects.toThrow('not this worker');
    const unclaimedRun = controlledLoad();
    new EarlyLoad(DEMO, unclaimedRun.load);
    unclaimedRun.fail(new Error('nobody asked'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('guesses the load the page asks for first: the demo, or a dataset of this site that a link names', () => {
    const base = `${SITE}index.html`;
    expect(firstLoad(`${SITE}`, SITE)).toEqual(DEMO);
    expect(firstLoad(`${SITE}?dataset=%20`, SITE)).toEqual(DEMO);
    expect(firstLoad(`${SITE}?dataset=geo/eu-nuts2-lfs/manifest.json#cat=B`, base)).toEqual({ ...DEMO, manifestUrl: `${SITE}geo/eu-nuts2-lfs/manifest.json` });
    // Another site waits for the user's consent, and a folder above the site is refused: the demo comes first.
    expect(firstLoad(`${SITE}?dataset=https://data.test/m.json`, base)).toEqual(DEMO);
    expect(firstLoad(`${SITE}?dataset=../other/manifest.json`, base)).toEqual(DEMO);
    expect(firstLoad(`${SITE}?dataset=javascript:alert(1)`, base)).toEqual(DEMO);
  });
});
