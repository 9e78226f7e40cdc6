/**
 * The datasets the site ships (public/geo/<id>/) are exactly what `npm run packs` makes from the
 * published files in ../shared/data: rebuilt here into a temporary folder, every file compared byte
 * for byte, so a change to the packer or the import that moves them fails until they are rebuilt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDatasetIndex } from '../../../src/io/datasetIndex';
import { validateManifest } from '../../../src/io/manifest';
import { packArgv, SHIPPED_PACKS } from '../../../scripts/packList';
import { haveSharedData, SHARED_DATA } from '../../shared-data';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import { DEFAULT_RULE } from '../../../src/model/dataset';
import { cell, loadPacked, pack, readJson, temporaryFolder } from './helpers';

const PUBLIC_GEO = fileURLToPath(new URL('../../../public/geo/', import.meta.url));
const temporary = temporaryFolder();
const inputs = SHIPPED_PACKS.flatMap((p) => p.inputs);

describe.runIf(haveSharedData(...inputs))('shipped datasets', () => {
  it.each(SHIPPED_PACKS.map((p) => [p.id, p] as const))('%s rebuilds byte-identical from ../shared/data', async (id, shipped) => {
    const out = temporary();
    const run = await pack(...packArgv(shipped, SHARED_DATA, out));
    expect(run.code, run.err).toBe(0);
    const built = readdirSync(join(out, id)).sort();
    expect(readdirSync(join(PUBLIC_GEO, id)).sort()).toEqual(built);
    for (const name of built) {
      const fresh = readFileSync(join(out, id, name));
      const committed = readFileSync(join(PUBLIC_GEO, id, name));
      expect(committed.equals(fresh), `public/geo/${id}/${name} differs from a fresh pack: run npm run packs`).toBe(true);
      expect(statSync(join(PUBLIC_GEO, id, name)).size).toBeLessThan(2 * 1024 * 1024);
    }
    const entry = parseDatasetIndex(readJson(join(PUBLIC_GEO, 'datasets.json')), 'datasets.json').datasets.find((d) => d.id === id);
    const freshEntry = parseDatasetIndex(readJson(join(out, 'datasets.json')), 'datasets.json').datasets.find((d) => d.id === id);
    expect(entry).toEqual(freshEntry);
  });

  it.each(SHIPPED_PACKS.map((p) => [p.id, p] as const))('%s packed --binary loads the cube, flags, join and indicators of the shipped CSV pack', async (id, shipped) => {
    const out = temporary();
    const run = await pack(...packArgv(shipped, SHARED_DATA, out), '--binary', '--no-index');
    expect(run.code, run.err).toBe(0);
    const [csv, binary] = [await loadPacked(join(PUBLIC_GEO, id)), await loadPacked(join(out, id))];
    expect(binary.dataset.manifest.employment.layout).toBe('binary');
    expect(binary.cube).toEqual(csv.cube);
    expect(binary.join).toEqual(csv.join);
    expect(binary.dataset.flags).toEqual(csv.dataset.flags);
    const engines = [new AnalysisEngine(csv.cube, csv.map), new AnalysisEngine(binary.cube, binary.map)];
    for (let y = 0; y < csv.cube.years.length; y++) {
      const [a, b] = engines.map((e) => e.compute(y, DEFAULT_RULE));
      expect({ ...b, computeMs: 0 }).toEqual({ ...a, computeMs: 0 });
    }
  });

  it('each pack is well under 2 MB, says its unit, source, licence and attribution, and lists the demo beside it', () => {
    const index = parseDatasetIndex(readJson(join(PUBLIC_GEO, 'datasets.json')), 'datasets.json');
    expect(index.datasets.find((d) => d.id === 'demo')?.synthetic).toBe(true);
    for (const { id } of SHIPPED_PACKS) {
      const files = readdirSync(join(PUBLIC_GEO, id));
      const bytes = files.reduce((sum, f) => sum + statSync(join(PUBLIC_GEO, id, f)).size, 0);
      expect(bytes).toBeLessThan(1024 * 1024);
      const manifest = validateManifest(readJson(join(PUBLIC_GEO, id, 'manifest.json')), 'manifest.json');
      expect(manifest.synthetic).toBeUndefined();
      expect(manifest.unit).toBe('thousand persons');
      expect(manifest.source).toBeTruthy();
      expect(manifest.licence).toBeTruthy();
      expect(manifest.joinReport?.file).toBe('join-report.csv');
    }
    const eu = validateManifest(readJson(join(PUBLIC_GEO, 'eu-nuts2-lfs/manifest.json')), 'manifest.json');
    expect(eu.attribution).toContain('© EuroGeographics for the administrative boundaries');
    expect(eu.attribution).toContain('Eurostat');
    expect(eu.years).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    expect(eu.unitCode).toBe('THS');
    const ru = validateManifest(readJson(join(PUBLIC_GEO, 'ru-okved1/manifest.json')), 'manifest.json');
    expect(ru.attribution).toContain('© OpenStreetMap contributors, ODbL');
    expect(ru.period).toBe('about 2015');
    expect(ru.regions.nameLatin).toBe('name_latin');
  });

  it('the EU pack joins 318 NUTS 2013 regions, and its join report gives every unmatched code a reason', async () => {
    const { dataset, cube } = await loadPacked(join(PUBLIC_GEO, 'eu-nuts2-lfs'));
    expect(dataset.join.matched).toBe(318);
    // A value read straight from the Eurostat file: THS, A, Y_GE15, AT11, 2015.
    const raw = readFileSync(join(SHARED_DATA, 'eu/lfst_r_lfe2en2_2008-2015.tsv'), 'utf8').split('\n').find((l) => l.startsWith('THS,A,Y_GE15,AT11\t'))!;
    expect(cell(cube, 'AT11', 'A', 2015)).toBe(Number(raw.split('\t')[1].trim().split(' ')[0]));
    // NRP ("no response") is not an industry: left out, and said so in the manifest.
    expect(cube.categories.map((c) => c.id)).toEqual(['A', 'B-E', 'F', 'G-I', 'J', 'K', 'L', 'M_N', 'O-Q', 'R-U']);
    expect(dataset.manifest.nonIndustry).toEqual([{ id: 'NRP', name: 'NRP', reason: 'no-response' }]);
    const report = readFileSync(join(PUBLIC_GEO, 'eu-nuts2-lfs/join-report.csv'), 'utf8').trim().split('\n').slice(1);
    const notOnMap = report.filter((line) => line.startsWith('not-on-map,'));
    expect(notOnMap.length).toBe(173);
    for (const line of notOnMap) expect(line).toMatch(/,(aggregate|not-on-map|finer|other-version)[^,]*,.+/);
  });

  it('the Russian pack has the 83 federal subjects with Latin names; Crimea and Sevastopol are reported as not on the map', async () => {
    const { dataset } = await loadPacked(join(PUBLIC_GEO, 'ru-okved1'));
    expect(dataset.regions.length).toBe(83);
    const regions = readJson(join(PUBLIC_GEO, 'ru-okved1/regions.geojson')) as { features: { properties: Record<string, string> }[] };
    expect(regions.features.every((f) => /^[A-Za-z]/.test(f.properties.name_latin) && /[а-яА-Я]/.test(f.properties.name))).toBe(true);
    const report = readFileSync(join(PUBLIC_GEO, 'ru-okved1/join-report.csv'), 'utf8');
    const notOnMap = report.split('\n').filter((l) => l.startsWith('not-on-map,')).map((l) => l.split(',')[1]);
    expect(notOnMap.sort()).toEqual(['Республика Крым', 'г. Севастополь']);
  });
});
