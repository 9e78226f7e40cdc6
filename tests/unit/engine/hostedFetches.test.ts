import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadHostedDataset } from '../../../src/engine/datasetSource';

const PACK = fileURLToPath(new URL('../../../public/geo/eu-nuts2-lfs/', import.meta.url));
const SITE = 'https://atlas.test/site/';

/**
 * A fetch over the shipped EU pack whose responses wait until released: it records which files
 * were asked for while how many others were still open.
 */
function gatedFetch() {
  const open = new Set<string>();
  const log: { file: string; alsoOpen: string[] }[] = [];
  const waiting: (() => void)[] = [];
  let released = false;
  const fetch = async (url: string | URL) => {
    const file = String(url).slice(SITE.length);
    log.push({ file, alsoOpen: [...open] });
    open.add(file);
    if (!released && file !== 'manifest.json') await new Promise<void>((resolve) => waiting.push(resolve));
    open.delete(file);
    return new Response(readFileSync(join(PACK, file)));
  };
  const release = () => {
    released = true;
    for (const go of waiting.splice(0)) go();
  };
  return { fetch, log, release, waiting };
}

afterEach(() => vi.unstubAllGlobals());

describe('a hosted folder’s files are fetched together', () => {
  it('boundaries, categories, employment and flags are all asked for before any of them has arrived', async () => {
    const stub = gatedFetch();
    vi.stubGlobal('fetch', stub.fetch);
    const loading = loadHostedDataset(`${SITE}manifest.json`, { site: SITE, consented: [] }, () => undefined);
    // Wait until the loader stops asking: every file it needs is then open at once.
    await vi.waitFor(() => expect(stub.waiting.length).toBe(4));
    expect(stub.log.map((l) => l.file)).toEqual(['manifest.json', 'regions.geojson', 'categories.csv', 'employment.csv', 'flags.csv']);
    expect(stub.log.at(-1)!.alsoOpen).toEqual(['regions.geojson', 'categories.csv', 'employment.csv']);
    stub.release();
    const { cube, dataset } = await loading;
    expect(cube.years).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    expect(dataset.flags?.some((year) => year.size > 0)).toBe(true);
  });

  it('a file that fails is reported by name, and the others’ later failures are not left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    vi.stubGlobal('fetch', async (url: string | URL) => {
      const file = String(url).slice(SITE.length);
      if (file === 'manifest.json') return new Response(readFileSync(join(PACK, file)));
      return new Response('gone', { status: 500, statusText: 'Server Error' });
    });
    await expect(loadHostedDataset(`${SITE}manifest.json`, { site: SITE, consented: [] }, () => undefined)).rejects.toThrow('regions.geojson: could not be loaded (HTTP 500 Server Error)');
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('names the boundaries’ file to the map as soon as the manifest is read, before any file has arrived; the bounds follow once the boundaries are read', async () => {
    const stub = gatedFetch();
    vi.stubGlobal('fetch', stub.fetch);
    const told: string[] = [];
    const loading = loadHostedDataset(
      `${SITE}manifest.json`,
      { site: SITE, consented: [] },
      () => undefined,
      (files) => told.push(`mapFiles ${files.regionsUrl} ${(files.bounds ?? []).map((x) => Math.round(x)).join(',')}`),
      (file) => told.push(`regionsFile ${file.regionsUrl} ${file.idProperty} ${file.outlinesUrl ?? '-'} ${file.attribution.slice(0, 10)}`),
    );
    await vi.waitFor(() => expect(stub.waiting.length).toBe(4));
    // Nothing but the manifest has arrived, and the map already knows what to fetch.
    expect(told).toEqual([`regionsFile ${SITE}regions.geojson NUTS_ID - Employment`]);
    stub.release();
    await loading;
    expect(told).toHaveLength(2);
    expect(told[1]).toMatch(new RegExp(`^mapFiles ${SITE}regions\\.geojson -?\\d+,\\d+,\\d+,\\d+$`));
  });

  it('names no file to the map that the gate refuses', async () => {
    const manifest = JSON.parse(readFileSync(join(PACK, 'manifest.json'), 'utf8'));
    vi.stubGlobal('fetch', async (url: string | URL) => {
      const file = String(url).slice(SITE.length);
      if (file === 'manifest.json') return new Response(JSON.stringify({ ...manifest, regions: { ...manifest.regions, file: 'https://elsewhere.test/regions.geojson' } }));
      return new Response(readFileSync(join(PACK, file)));
    });
    const told: unknown[] = [];
    await expect(loadHostedDataset(`${SITE}manifest.json`, { site: SITE, consented: [] }, () => undefined, undefined, (file) => told.push(file))).rejects.toThrow(/regions/);
    expect(told).toEqual([]);
  });
});
