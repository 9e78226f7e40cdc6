import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/engine/import/buildImport';
import { dbf, layerFiles, polygonShp, square, utf8, zip } from '../../io/helpers/shapefileFiles';
import { choices, inspectAll } from './helpers';

describe('a zip with two shapefile layers through the import (app and packer)', () => {
  it('the layer left out is named in the build notes, which the packer prints', async () => {
    const files = [...layerFiles('counties', ['A', 'B', 'C']), { name: 'states.shp', data: polygonShp([[square(0, 0, 3, 1)]]) }, { name: 'states.dbf', data: dbf(['code'], [['S1']], utf8) }];
    const zipFile = new File([zip(files) as Uint8Array<ArrayBuffer>], 'two-layers.zip', { lastModified: 1 });
    const csv = new File(['region,category,employment\nR1,x,1\nR2,x,2\nR3,x,3\n'], 'jobs.csv', { lastModified: 1 });
    const { inputs, byName } = await inspectAll([zipFile, csv]);
    expect(byName('two-layers.zip').error).toBeUndefined();
    const result = buildImport(inputs, choices(byName('two-layers.zip'), byName('jobs.csv'), { table: { layout: 'long', region: 'region', category: 'category', employment: 'employment' }, year: 2020 }));
    expect(result.notes).toContain('layer "counties" (3 polygons) used (the one with the most polygons); also in the zip, not read: "states" (1 polygons)');
  });
});
