import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readZippedShapefile } from '../../../src/io/shapefileZip';
import { listZip, MAX_UNZIPPED_BYTES, readZipEntry } from '../../../src/io/zipArchive';
import { cp1251, dbf, layerFiles, polygonShp, square, utf8, zip } from './helpers/shapefileFiles';
import { RU_CODES, RU_GARBLED, RU_NAMES, twoLayerZip } from './helpers/twoLayerZip';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url)));
const NAMES = ['Москва', 'Тверская область', 'Ёлкино'];

/** Resolves or rejects within `ms`, or fails: a reader that spins must not hang the suite. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('zip archives that are broken or hostile', () => {
  it('a real shapefile zip cut short (no end record) is a located error, not a reader spinning for ever', async () => {
    const full = fixture('regions-laea.zip');
    for (const length of [1_500, 1_100, 600, 100, 30]) {
      await expect(within(2_000, readZippedShapefile(full.subarray(0, Math.min(length, full.length - 1)), 'regions.zip'))).rejects.toThrow(
        /^regions\.zip: the zip archive is incomplete \([\d,]+ bytes and no end record\): download it again$/,
      );
    }
  });

  it('a zip bomb that declares its size is refused before inflating', async () => {
    const bomb = zip([{ name: 'big.shp', data: new Uint8Array(1000), declaredSize: MAX_UNZIPPED_BYTES + 1 }]);
    expect(() => listZip(bomb, 'bomb.zip')).toThrow(/^bomb\.zip: the zip unpacks to 512 MiB, more than the 512 MiB it may/);
  });

  it('an entry that inflates past the size it declares is stopped there', async () => {
    const liar = zip([{ name: 'a.shp', data: new Uint8Array(1_000_000), declaredSize: 1000 }]);
    const [entry] = listZip(liar, 'liar.zip');
    await expect(readZipEntry(liar, entry, 'liar.zip')).rejects.toThrow('liar.zip → a.shp: the entry unpacks to more than the 1,000 bytes the zip declares');
  });

  it('damaged compressed data is a located error', async () => {
    // Bytes that do not compress, so that the flipped run lies inside the deflated data.
    const noise = Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24);
    const good = zip([{ name: 'a.shp', data: noise }]);
    const bad = Uint8Array.from(good);
    bad.fill(0xff, 40, 60);
    const [entry] = listZip(bad, 'bad.zip');
    await expect(readZipEntry(bad, entry, 'bad.zip')).rejects.toThrow(/^bad\.zip → a\.shp: /);
  });
});

describe('shapefile checks', () => {
  it('reads a shapefile written from the specification, ids and names from the .dbf', async () => {
    const b = await readZippedShapefile(zip(layerFiles('regions', ['North', 'Middle', 'South'], utf8, 0, 'UTF-8')), 'r.zip');
    expect(b.regions).toEqual([{ id: 'R1', name: 'North' }, { id: 'R2', name: 'Middle' }, { id: 'R3', name: 'South' }]);
    expect(b.collection.features[1].geometry.coordinates[0]).toContainEqual([2, 1]);
  });

  it('a Windows-1251 .dbf without a .cpg is decoded by its code page byte (LDID 0xC9)', async () => {
    const b = await readZippedShapefile(zip(layerFiles('ru', NAMES, cp1251, 0xc9)), 'ru.zip');
    expect(b.regions.map((r) => r.name)).toEqual(NAMES);
    expect(b.notes).toContain('names in ru.dbf read as windows-1251 (from the code page byte of the .dbf; the zip has no .cpg)');
  });

  it('a Windows-1251 .dbf with neither .cpg nor code page byte is recognised and the guess said', async () => {
    const b = await readZippedShapefile(zip(layerFiles('ru', NAMES, cp1251, 0)), 'ru.zip');
    expect(b.regions.map((r) => r.name)).toEqual(NAMES);
    expect(b.notes).toContain('names in ru.dbf read as windows-1251 (guessed: the zip has no .cpg and the .dbf names no code page)');
  });

  it('a .cpg saying 1251 is followed, and a chosen encoding overrides everything', async () => {
    expect((await readZippedShapefile(zip(layerFiles('ru', NAMES, cp1251, 0x57, 'ANSI 1251')), 'ru.zip')).regions.map((r) => r.name)).toEqual(NAMES);
    const chosen = await readZippedShapefile(zip(layerFiles('ru', NAMES, cp1251, 0, 'UTF-8')), 'ru.zip', { encoding: 'windows-1251' });
    expect(chosen.regions.map((r) => r.name)).toEqual(NAMES);
    await expect(readZippedShapefile(zip(layerFiles('ru', NAMES, cp1251)), 'ru.zip', { encoding: 'klingon' })).rejects.toThrow('ru.zip: unknown text encoding "klingon"');
  });

  it('a truncated .shp is a located error, not 1 region of 3', async () => {
    const [shp, dbfFile] = layerFiles('regions', ['A', 'B', 'C']);
    const cut = zip([{ name: 'regions.shp', data: shp.data.subarray(0, 300) }, dbfFile]);
    await expect(readZippedShapefile(cut, 'cut.zip')).rejects.toThrow(/^cut\.zip → regions\.shp: the \.shp is cut short: its header says 508 bytes, the file has 300$/);
  });

  it('a .shp whose records run past its declared end is a located error', async () => {
    const [shp, dbfFile] = layerFiles('regions', ['A', 'B', 'C']);
    const data = Buffer.from(shp.data);
    data.writeInt32BE(400 / 2, 24); // 2 of 3 squares (136 bytes each after the 100-byte header) fit
    await expect(readZippedShapefile(zip([{ name: 'regions.shp', data }, dbfFile]), 'x.zip')).rejects.toThrow(/^x\.zip → regions\.shp: shape 3 \(at byte 372\) runs past the end of the \.shp/);
  });

  it('shp and dbf record counts are compared', async () => {
    const files = [
      { name: 'r.shp', data: polygonShp([[square(0, 0, 1, 1)], [square(1, 0, 2, 1)]]) },
      { name: 'r.dbf', data: dbf(['code'], [['A'], ['B'], ['C']], utf8) },
    ];
    await expect(readZippedShapefile(zip(files), 'n.zip')).rejects.toThrow('n.zip: the .shp of layer "r" has 2 shapes but its .dbf 3 records: one of them is cut short or from another layer');
  });

  it('a truncated .dbf is a located error', async () => {
    const [shp, dbfFile] = layerFiles('regions', ['A', 'B', 'C']);
    const cut = zip([shp, { name: 'regions.dbf', data: dbfFile.data.subarray(0, 100) }]);
    await expect(readZippedShapefile(cut, 'd.zip')).rejects.toThrow(/^d\.zip → regions\.dbf: the \.dbf is cut short: its header says 3 records, the file holds \d$/);
  });

  it('every layer of a zip is listed: the second is named in the notes, and can be chosen', async () => {
    const files = [...layerFiles('counties', ['A', 'B', 'C']), { name: 'states.shp', data: polygonShp([[square(0, 0, 3, 1)]]) }, { name: 'states.dbf', data: dbf(['code'], [['S1']], utf8) }];
    const b = await readZippedShapefile(zip(files), 'two.zip');
    expect(b.regions).toHaveLength(3);
    expect(b.notes).toContain('layer "counties" (3 polygons) used (the one with the most polygons); also in the zip, not read: "states" (1 polygons)');
    const states = await readZippedShapefile(zip(files), 'two.zip', { layer: 'states' });
    expect(states.regions).toEqual([{ id: 'S1', name: 'S1' }]);
    await expect(readZippedShapefile(zip(files), 'two.zip', { layer: 'towns' })).rejects.toThrow('two.zip: no layer "towns" in the zip (layers: "counties" (3 polygons), "states" (1 polygons))');
  });

  it('a zip without a .shp and a file that is not a zip say so', async () => {
    await expect(readZippedShapefile(utf8('not a zip at all'), 'x.zip')).rejects.toThrow('x.zip: not a readable zip archive');
    await expect(readZippedShapefile(fixture('no-shapefile.zip'), 'n.zip')).rejects.toThrow('n.zip: the zip holds no .shp file');
  });
});

describe('readBoundaries guards', () => {
  const feature = (id: string, coordinates: unknown) => ({ type: 'Feature', properties: { id }, geometry: { type: 'Polygon', coordinates } });
  const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];

  it('an empty ring [[]] is refused with its feature (the packer crashed in topojson-simplify)', async () => {
    const { readBoundaries } = await import('../../../src/io/boundaries');
    const collection = { type: 'FeatureCollection', features: [feature('A', [ring]), feature('B', [[]])] };
    expect(() => readBoundaries(collection, 'e.geojson')).toThrow('e.geojson, feature 1: a ring has no positions');
  });

  it.each([['NUL', 'A\u0000B', 'U+0000'], ['bell', 'A\u0007', 'U+0007'], ['DEL', '\u007fA', 'U+007F']])('an id with a %s character is refused with the feature index', async (_, id, code) => {
    const { readBoundaries } = await import('../../../src/io/boundaries');
    const collection = { type: 'FeatureCollection', features: [feature('A', [ring]), feature(id, [ring])] };
    expect(() => readBoundaries(collection, 'c.geojson', { idProperty: 'id' })).toThrow(`c.geojson, feature 1: the "id" ${JSON.stringify(id.trim())} holds the control character ${code}`);
  });
});

describe('layer and .dbf encoding chosen by the reader of a zip (the import dialog and the CLI flags)', () => {
  it('lists every layer with its feature count, and says which encoding it used and from where', async () => {
    const b = await readZippedShapefile(twoLayerZip(), 'two.zip');
    expect(b.shapefile.layers).toEqual([
      { name: 'export/districts', features: 5, shapes: 'polygons' },
      { name: 'export/regions_ru', features: 4, shapes: 'polygons' },
    ]);
    expect(b.shapefile.layer).toBe('export/districts');
    expect(b.shapefile.encoding).toEqual({ encoding: 'UTF-8', source: '.cpg' });
  });

  it('the second layer, a Windows-1251 .dbf without .cpg whose code page byte says 1252, is garbled as claimed and right when 1251 is chosen', async () => {
    const claimed = await readZippedShapefile(twoLayerZip(), 'two.zip', { layer: 'export/regions_ru' });
    expect(claimed.shapefile.encoding).toEqual({ encoding: 'windows-1252', source: 'code page byte' });
    expect(claimed.regions.map((r) => r.name)).toEqual(RU_GARBLED);
    expect(RU_GARBLED[0]).toBe('Ìîñêâà');
    const chosen = await readZippedShapefile(twoLayerZip(), 'two.zip', { layer: 'export/regions_ru', encoding: 'windows-1251' });
    expect(chosen.shapefile.encoding).toEqual({ encoding: 'windows-1251', source: 'chosen' });
    expect(chosen.regions).toEqual(RU_NAMES.map((name, i) => ({ id: RU_CODES[i], name })));
  });

  it('an unknown layer names the zip and lists its layers', async () => {
    await expect(readZippedShapefile(twoLayerZip(), 'two.zip', { layer: 'towns' })).rejects.toThrow(
      'two.zip: no layer "towns" in the zip (layers: "export/districts" (5 polygons), "export/regions_ru" (4 polygons))',
    );
  });
});
