import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPacked, temporaryFolder } from '../pack/helpers';

const square = (id: string, x: number) => ({
  type: 'Feature',
  properties: { id, name: `Region ${id}` },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});

function folder(make: () => string, employment: { layout: 'long' | 'wide'; text: string }, establishments?: { layout: 'long' | 'wide'; text: string }): string {
  const dir = make();
  writeFileSync(join(dir, 'regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [square('A', 0), square('B', 1)] }));
  writeFileSync(join(dir, 'employment.csv'), employment.text);
  if (establishments) writeFileSync(join(dir, 'establishments.csv'), establishments.text);
  const manifest = {
    format: 'cluster-atlas-dataset',
    version: 1,
    id: 't',
    title: 'test',
    attribution: 'test',
    regions: { file: 'regions.geojson', id: 'id', name: 'name' },
    employment: { file: 'employment.csv', layout: employment.layout },
    ...(establishments ? { establishments: { file: 'establishments.csv', layout: establishments.layout } } : {}),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('a hosted folder’s establishments file', () => {
  const make = temporaryFolder();
  const wide = 'region,year,cars,software\nA,2020,10,20\nB,2020,30,40\n';

  it('is read beside a wide employment table, onto the same cells', async () => {
    const dir = folder(make, { layout: 'wide', text: wide }, { layout: 'wide', text: 'region,year,cars,software\nA,2020,1,2\nB,2020,3,4\n' });
    const { cube } = await loadPacked(dir);
    const c = cube.categories.map((x) => x.id);
    const r = cube.regions.map((x) => x.id);
    const at = (region: string, category: string) => r.indexOf(region) * c.length + c.indexOf(category);
    expect(cube.employment[0][at('B', 'software')]).toBe(40);
    expect(cube.establishments?.[0][at('B', 'software')]).toBe(4);
    expect(cube.establishments?.[0][at('A', 'cars')]).toBe(1);
  });

  it('beside a long employment table is an error naming the file, not dropped in silence', async () => {
    const dir = folder(make, { layout: 'long', text: 'region,year,category,employment\nA,2020,cars,10\nB,2020,cars,30\n' }, { layout: 'long', text: 'region,year,category,establishments\nA,2020,cars,1\n' });
    await expect(loadPacked(dir)).rejects.toThrow(/establishments\.csv.*a separate establishments file is read beside a wide employment table only/);
  });
});
