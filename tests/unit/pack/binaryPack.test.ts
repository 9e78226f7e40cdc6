import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import { validateManifest } from '../../../src/io/manifest';
import { decodeCubeBlob, encodeCube, type CubeIndex } from '../../../src/io/cubeBlobs';
import type { StarRule } from '../../../src/model/dataset';
import type { InputFile } from '../../../src/pack/inputs';
import { packDataset, packForm, type PackOptions } from '../../../src/pack/packDataset';
import { PACK_FIXTURES, cell, loadPacked, pack, readJson, temporaryFolder, writePacked } from './helpers';

const temporary = temporaryFolder();
const file = (name: string, content: string | Uint8Array): InputFile => ({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });
const ioFixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url))));
const packFixture = (name: string) => new Uint8Array(readFileSync(join(PACK_FIXTURES, name)));

function squares(ids: string[]) {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      properties: { NUTS_ID: id, name: `Region ${id}` },
      geometry: { type: 'Polygon', coordinates: [[[i % 4, Math.floor(i / 4)], [(i % 4) + 1, Math.floor(i / 4)], [(i % 4) + 1, Math.floor(i / 4) + 1], [i % 4, Math.floor(i / 4) + 1], [i % 4, Math.floor(i / 4)]]] },
    })),
  });
}

/** Employment and establishments, long, with gaps, fractions float32 cannot hold (0.1) and a 0. */
function sparseLong(): string {
  const lines = ['region,category,year,employment,establishments'];
  const regions = ['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08'];
  regions.forEach((r, i) => {
    for (const year of [2019, 2020, 2021]) {
      ['x', 'y', 'z'].forEach((c, j) => {
        if ((i + j + year) % 4 === 0) return; // not reported
        const jobs = year === 2020 ? (i + 1) * 10 + j + 0.1 : (i * 7 + j * 3) % 50;
        lines.push(`${r},${c},${year},${jobs},${(i + j) % 5}`);
      });
    }
  });
  return lines.join('\n') + '\n';
}

const CASES: { name: string; files: () => InputFile[]; options?: Partial<PackOptions> }[] = [
  { name: 'the grid fixture (wide, grouped categories)', files: () => [file('regions.geojson', packFixture('grid/regions.geojson')), file('employment.csv', packFixture('grid/employment.csv')), file('categories.csv', packFixture('grid/categories.csv'))] },
  { name: 'a Eurostat table with flags, gaps and a unit', files: () => [file('regions.geojson', squares(['AA1', 'AA2'])), file('lfs.tsv', ioFixture('lfs-small.tsv'))], options: { filters: { age: ['Y_GE15'] } } },
  { name: 'a sparse long table with establishments and fractions', files: () => [file('regions.geojson', squares(['R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08'])), file('employment.csv', sparseLong())] },
];

const RULES: StarRule[] = [
  { kind: 'eco', cutShare: 0.1, lqThreshold: 2 },
  { kind: 'cmp', cutShare: 0.25, lqThreshold: 1 },
];

/** Both forms of one pack, loaded as the app loads them. */
async function bothForms(files: InputFile[], options: Partial<PackOptions> = {}) {
  const root = temporary();
  const csv = await packDataset(files, { id: 'csv', form: 'csv', ...options });
  const binary = await packDataset(files, { id: 'binary', form: 'binary', ...options });
  return {
    csv: { result: csv, loaded: await loadPacked(writePacked(csv, join(root, 'csv'))) },
    binary: { result: binary, loaded: await loadPacked(writePacked(binary, join(root, 'binary'))) },
  };
}

describe('a binary pack loads as its CSV form', () => {
  for (const c of CASES) {
    it(`${c.name}: the same cube, flags, unit, join and indicator table`, async () => {
      const { csv, binary } = await bothForms(c.files(), c.options);
      expect(binary.result.manifest.employment).toEqual({ file: 'cube.json', layout: 'binary' });
      expect(binary.result.manifest.establishments).toBeUndefined();
      expect(binary.result.files.map((f) => f.name)).not.toContain('employment.csv');
      expect(binary.result.blobs.length).toBe(csv.loaded.cube.years.length * (csv.loaded.cube.establishments ? 2 : 1));

      const [a, b] = [csv.loaded, binary.loaded];
      expect(b.cube).toEqual(a.cube);
      expect(b.join).toEqual(a.join);
      const { manifest: ma, reports: ra, ...da } = a.dataset;
      const { manifest: mb, reports: rb, ...db } = b.dataset;
      expect(db).toEqual(da);
      expect({ ...mb, id: 'csv', title: 'csv', employment: undefined, establishments: undefined }).toEqual({ ...ma, employment: undefined, establishments: undefined });
      expect([mb.unit, mb.unitCode]).toEqual([ma.unit, ma.unitCode]);
      expect(rb[0].missingCells).toBe(a.cube.employment.reduce((n, v) => n + v.filter(Number.isNaN).length, 0));

      const engines = [new AnalysisEngine(a.cube, a.map), new AnalysisEngine(b.cube, b.map)];
      for (const rule of RULES) {
        for (let y = 0; y < a.cube.years.length; y++) {
          const [va, vb] = engines.map((e) => e.compute(y, rule));
          expect({ ...vb, computeMs: 0 }).toEqual({ ...va, computeMs: 0 });
        }
      }
    });
  }

  it('keeps exact values: uint16 for counts, float32 where it holds every value, else float64', async () => {
    const { binary } = await bothForms(CASES[2].files());
    const cubeIndex = JSON.parse(binary.result.files.find((f) => f.name === 'cube.json')!.text) as CubeIndex;
    expect(cubeIndex.employment.map((b) => `${b.year} ${b.type} ${b.file}`)).toEqual(['2019 uint16 employment-2019.u16', '2020 float64 employment-2020.f64', '2021 uint16 employment-2021.u16']);
    expect(cubeIndex.establishments!.map((b) => b.type)).toEqual(['uint16', 'uint16', 'uint16']);
    expect(cell(binary.loaded.cube, 'R01', 'y', 2020)).toBe(11.1);
    expect(cell(binary.loaded.cube, 'R01', 'x', 2020)).toBeNaN();
  });
});

describe('a binary pack fetches only the years it shows', () => {
  it('the manifest, boundaries, categories, index and the year it opens on; another year when asked', async () => {
    const { binary } = await bothForms(CASES[2].files());
    const folder = join(temporary(), 'b');
    writePacked(binary.result, folder);
    const requested: string[] = [];
    const loaded = await loadPacked(folder, { allYears: false, requested });
    // The year it opens on (the manifest's default view) was asked for while the rest loaded.
    await loaded.years!.ensure([2]);
    expect([...requested].sort()).toEqual(['categories.csv', 'cube.json', 'employment-2021.u16', 'establishments-2021.u16', 'manifest.json', 'regions.geojson']);
    expect(binary.result.manifest.defaultView?.year).toBe(2021);
    expect(loaded.cube.employment[0]).toHaveLength(0);
    expect(loaded.years!.bytesFetched).toBe(2 * 8 * 3 * 2);
  });
});

describe('npm run dataset --binary', () => {
  it('writes the index and year files, reports them, and a CSV pack written over it removes them', async () => {
    const out = join(temporary(), 'grid');
    const grid = join(PACK_FIXTURES, 'grid');
    const r = await pack(grid, '--out', out, '--binary');
    expect(r.code).toBe(0);
    expect(r.out).toContain('employment binary, one file per year (given with --binary)');
    expect(r.out).toMatch(/2 year file\(s\) 40 B/);
    expect(validateManifest(readJson(join(out, 'manifest.json')), 'manifest.json').employment).toEqual({ file: 'cube.json', layout: 'binary' });
    expect(readFileSync(join(out, 'employment-2021.u16')).length).toBe(5 * 2 * 2);
    expect((await pack(grid, '--out', out, '--no-index')).code).toBe(0);
    expect(() => readFileSync(join(out, 'employment-2021.u16'))).toThrow();
    expect(() => readFileSync(join(out, 'cube.json'))).toThrow();
    expect(readFileSync(join(out, 'employment.csv'), 'utf8')).toContain('R1,2020,100,50');
  });

  it('is the default above 2,000,000 values unless --csv or --layout is given', () => {
    const shape = (regions: number, categories: number, years: number) =>
      ({ regions: Array.from({ length: regions }, (_, i) => ({ id: `r${i}`, name: '' })), categories: Array.from({ length: categories }, (_, i) => ({ id: `c${i}`, name: '' })), years: Array.from({ length: years }, (_, i) => 2000 + i), employment: [] });
    expect(packForm(shape(1000, 100, 20), {}).form).toBe('csv');
    expect(packForm(shape(1001, 100, 20), {})).toEqual({ form: 'binary', why: 'binary, one file per year (2,002,000 values, more than 2,000,000; --csv for tables)' });
    expect(packForm(shape(1001, 100, 20), { form: 'csv' }).form).toBe('csv');
    expect(packForm(shape(1001, 100, 20), { layout: 'wide' }).form).toBe('csv');
  });

  it('refuses --binary with --csv or --layout', async () => {
    const grid = join(PACK_FIXTURES, 'grid');
    expect((await pack(grid, '--out', join(temporary(), 'g'), '--binary', '--csv')).err).toContain('give --binary or --csv, not both');
    expect((await pack(grid, '--out', join(temporary(), 'g'), '--binary', '--layout', 'long')).code).toBe(2);
  });
});

describe('the narrowest exact type', () => {
  it('uint16 up to 65,534 with NaN as 65,535; 65,535 itself, -0 and fractions are floats', () => {
    const cube = (values: number[]) => ({ regions: values.map((_, i) => ({ id: `r${i}`, name: '' })), categories: [{ id: 'c', name: '' }], years: [2020], employment: [Float64Array.from(values)] });
    const typeOf = (values: number[]) => encodeCube(cube(values)).index.employment[0].type;
    expect(typeOf([0, 65534, NaN])).toBe('uint16');
    expect(typeOf([0, 65535])).toBe('float32');
    expect(typeOf([-0, 1])).toBe('float32');
    expect(typeOf([0.5])).toBe('float32');
    expect(typeOf([0.1])).toBe('float64');
    for (const values of [[0, 65534, NaN], [65535, NaN, -0], [0.1, NaN, 16777217]]) {
      const { index, files } = encodeCube(cube(values));
      const bytes = files[0].bytes;
      const back = decodeCubeBlob(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, index.employment[0], index);
      expect([...back]).toEqual(values);
    }
  });
});

describe('a broken binary pack is refused with the file, the byte offset and the problem', () => {
  async function broken(change: (folder: string, index: CubeIndex) => void): Promise<string> {
    const folder = join(temporary(), 'broken');
    // R1 × auto in 2020 is 100.5: that year's file is float32, the other uint16.
    const employment = new TextDecoder().decode(packFixture('grid/employment.csv')).replace('R1,auto,2020,100\n', 'R1,auto,2020,100.5\n');
    const result = await packDataset([file('regions.geojson', packFixture('grid/regions.geojson')), file('employment.csv', employment)], { id: 'broken', form: 'binary' });
    writePacked(result, folder);
    change(folder, readJson(join(folder, 'cube.json')) as CubeIndex);
    return loadPacked(folder).then(
      () => 'loaded',
      (error: Error) => error.message,
    );
  }
  const year = (folder: string) => join(folder, 'employment-2020.f32');

  it('a missing year file', async () => {
    expect(await broken((folder) => writeFileSync(join(folder, 'cube.json'), readFileSync(join(folder, 'cube.json'), 'utf8').replace('employment-2020.f32', 'employment-2020b.f32')))).toBe(
      'employment-2020b.f32: could not be loaded (HTTP 404 Not Found)',
    );
  });
  it('a short file', async () => {
    expect(await broken((folder) => writeFileSync(year(folder), readFileSync(year(folder)).subarray(0, 30)))).toBe(
      'employment-2020.f32: ends at byte 30, the index says 40 (5 regions × 2 categories × 4-byte float32): the file is cut short',
    );
  });
  it('a file too long', async () => {
    expect(await broken((folder) => writeFileSync(year(folder), Buffer.concat([readFileSync(year(folder)), Buffer.alloc(4)])))).toBe(
      'employment-2020.f32: has 4 byte(s) past byte offset 40, where the index says it ends (5 regions × 2 categories × 4-byte float32)',
    );
  });
  it('a corrupt file (checksum)', async () => {
    expect(
      await broken((folder) => {
        const bytes = readFileSync(year(folder));
        bytes[5] ^= 1;
        writeFileSync(year(folder), bytes);
      }),
    ).toMatch(/^employment-2020\.f32: its bytes do not match the index \(checksum [0-9a-f]{8}, the index says [0-9a-f]{8}\): the file is corrupt or from another pack$/);
  });
  it('an infinity, named by byte offset, region and category', async () => {
    expect(
      await broken((folder, index) => {
        const bytes = readFileSync(year(folder));
        new DataView(bytes.buffer, bytes.byteOffset).setFloat32(12, Infinity, true);
        writeFileSync(year(folder), bytes);
        const { fnv1a } = index.employment[0];
        writeFileSync(join(folder, 'cube.json'), readFileSync(join(folder, 'cube.json'), 'utf8').replace(fnv1a, fnv1aOf(bytes)));
      }),
    ).toBe('employment-2020.f32: byte offset 12: Infinity (region "R2", category "bio") is not a figure');
  });
  it('an index that does not fit its cube', async () => {
    expect(await broken((folder, index) => writeFileSync(join(folder, 'cube.json'), JSON.stringify({ ...index, employment: [{ ...index.employment[0], bytes: 44 }, index.employment[1]] })))).toBe(
      'cube.json at employment[0]: "bytes" must be 40 (5 regions × 2 categories × 4-byte float32), found 44',
    );
    expect(await broken((folder, index) => writeFileSync(join(folder, 'cube.json'), JSON.stringify({ ...index, employment: [index.employment[0], { ...index.employment[1], file: '../x.f32' }] })))).toBe(
      'cube.json at employment[1]: "file" must be a plain file name inside the dataset folder, found "../x.f32"',
    );
    expect(await broken((folder, index) => writeFileSync(join(folder, 'cube.json'), JSON.stringify({ ...index, years: [2020] })))).toBe('cube.json at employment: "employment" must list one file per year (1)');
  });
  it('an old manifest still loads, and a binary manifest naming establishments apart is refused', () => {
    const manifest = readJson(join(PACK_FIXTURES, '..', '..', '..', 'public', 'geo', 'eu-nuts2-lfs', 'manifest.json'));
    expect(validateManifest(manifest, 'manifest.json').employment.layout).not.toBe('binary');
    expect(() =>
      validateManifest({ ...(manifest as object), employment: { file: 'cube.json', layout: 'binary' }, establishments: { file: 'e.csv', layout: 'wide' } }, 'manifest.json'),
    ).toThrow('manifest.json: "establishments" must not be given with "employment.layout": "binary"');
  });
});

function fnv1aOf(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
