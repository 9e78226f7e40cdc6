import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { RU_CODES, RU_GARBLED, RU_NAMES, twoLayerZip } from '../io/helpers/twoLayerZip';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function atlas(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;

/** The two-layer zip, and employment keyed by the Cyrillic names of its second layer. */
function files() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-shp-flags-'));
  const zip = join(dir, 'ru.zip');
  writeFileSync(zip, twoLayerZip());
  const jobs = join(dir, 'jobs.csv');
  writeFileSync(jobs, ['region,category,employment', ...RU_NAMES.flatMap((n, i) => [`${n},tech,${10 * (i + 1)}`, `${n},agri,${50 - 10 * i}`])].join('\n') + '\n');
  const values = join(dir, 'values.csv');
  writeFileSync(values, ['region,jobs', ...RU_NAMES.map((n, i) => `${n},${[1, 2, 4, 8][i]}`)].join('\n') + '\n');
  return { dir, zip, jobs, values };
}

describe('--layer and --dbf-encoding read the boundary zip of every command', () => {
  it('atlas indicators --regions: the second layer in Windows-1251 joins every region by name; as the file claims, none', () => {
    const f = files();
    const right = atlas('indicators', '--employment', f.jobs, '--regions', f.zip, '--id', 'code', '--name', 'name', '--layer', 'export/regions_ru', '--dbf-encoding', 'windows-1251');
    expect(right.code, right.stderr).toBe(0);
    expect([...new Set(parse(right.stdout).map((r) => r.region))].sort()).toEqual([...RU_CODES].sort());
    expect(right.stderr).toMatch(/layer "export\/regions_ru" \(4 polygons\) used; also in the zip, not read: "export\/districts" \(5 polygons\)/);
    const claimed = atlas('indicators', '--employment', f.jobs, '--regions', f.zip, '--id', 'code', '--name', 'name', '--layer', 'export/regions_ru');
    // Garbled names match no region: the run stops (or keeps no region), never joining to wrong ones.
    expect(claimed.stdout.trim().split('\n').length).toBeLessThanOrEqual(1);
    expect(claimed.stderr).toContain(RU_GARBLED[0]);
  });

  it('atlas spatial: ids taken from the Cyrillic names of the chosen layer', () => {
    const f = files();
    const r = atlas('spatial', '--regions', f.zip, '--layer', 'export/regions_ru', '--dbf-encoding', 'cp1251', '--id', 'name', '--values', f.values, '--value-column', 'jobs', '--weights', 'rook');
    expect(r.code, r.stderr).toBe(0);
    expect(parse(r.stdout).map((row) => row.region)).toEqual(RU_NAMES);
    const garbled = atlas('spatial', '--regions', f.zip, '--layer', 'export/regions_ru', '--id', 'name', '--values', f.values, '--value-column', 'jobs');
    expect(garbled.code).toBe(1);
  });

  it('atlas pack: the chosen layer packed with its names right', () => {
    const f = files();
    const out = join(f.dir, 'ru');
    const r = atlas('pack', f.zip, f.jobs, '--out', out, '--no-index', '--layer', 'export/regions_ru', '--dbf-encoding', 'windows-1251');
    expect(r.code, r.stderr).toBe(0);
    const regions = JSON.parse(readFileSync(join(out, 'regions.geojson'), 'utf8')) as { features: { properties: Record<string, string> }[] };
    expect(regions.features.map((feature) => Object.values(feature.properties)).flat()).toEqual(expect.arrayContaining(RU_NAMES));
  });

  it('an unknown layer or encoding, or the flags on a file that is no zip, are usage errors naming the file, the flag and the layers', () => {
    const f = files();
    const layer = atlas('indicators', '--employment', f.jobs, '--regions', f.zip, '--layer', 'towns');
    expect(layer.code).toBe(2);
    expect(layer.stderr).toMatch(/^atlas indicators: --layer towns: .*ru\.zip: no layer "towns" in the zip \(layers: "export\/districts" \(5 polygons\), "export\/regions_ru" \(4 polygons\)\)\nusage:/);
    const encoding = atlas('spatial', '--regions', f.zip, '--dbf-encoding', 'klingon', '--id', 'name', '--values', f.values, '--value-column', 'jobs');
    expect(encoding.code).toBe(2);
    expect(encoding.stderr).toMatch(/^atlas spatial: --dbf-encoding: "klingon" is not a text encoding/);
    const packLayer = atlas('pack', f.zip, f.jobs, '--out', join(f.dir, 'x'), '--no-index', '--layer', 'towns');
    expect(packLayer.code).toBe(2);
    expect(packLayer.stderr).toMatch(/^atlas pack: --layer towns: .*ru\.zip: no layer "towns"/);
    const notZip = atlas('spatial', '--regions', 'tests/fixtures/spatial/grid2x2.geojson', '--layer', 'a', '--id', 'code', '--values', 'tests/fixtures/spatial/values2x2.csv', '--value-column', 'jobs');
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toMatch(/--layer: tests\/fixtures\/spatial\/grid2x2\.geojson is not a zipped Shapefile \(geojson\)/);
    const noRegions = atlas('indicators', '--employment', f.jobs, '--layer', 'a');
    expect(noRegions.code).toBe(2);
  });

  it('--help of each command lists both flags', () => {
    for (const command of ['spatial', 'indicators', 'pack']) {
      const help = atlas(command, '--help');
      expect(help.stdout).toMatch(/--layer\s+zipped Shapefile with several layers/);
      expect(help.stdout).toMatch(/--dbf-encoding\s+zipped Shapefile: text encoding of the \.dbf/);
    }
  });
});
