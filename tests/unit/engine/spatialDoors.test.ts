import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { buildRegionWeights, WeightsSubsets } from '../../../src/engine/regionWeights';
import { columnSpatial, NOT_ANALYSED } from '../../../src/engine/spatialColumn';
import { QUADRANTS } from '../../../src/indicators/spatial';
import { squareGrid } from '../indicators/spatial/grid';

// One orchestration: the worker's column analysis and `atlas spatial` give the same numbers, a
// column of equal values and a column of three values included.
const ids = Array.from({ length: 9 }, (_, i) => `r${i}`);
const geometries = squareGrid(3, 3);
const subsets = new WeightsSubsets(buildRegionWeights(ids.map((id) => ({ id, name: id })), { ids, geometries }));
const options = { permutations: 99, seed: 5, alpha: 0.05, lisa: true };
const root = resolve(__dirname, '../../..');

function cli(values: (number | null)[]) {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-doors-'));
  writeFileSync(join(dir, 'r.geojson'), JSON.stringify({ type: 'FeatureCollection', features: geometries.map((g, i) => ({ type: 'Feature', properties: { code: ids[i] }, geometry: g })) }));
  writeFileSync(join(dir, 'v.csv'), 'region,x\n' + values.map((v, i) => `${ids[i]},${v ?? ''}`).join('\n') + '\n');
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'spatial', '--regions', join(dir, 'r.geojson'), '--id', 'code', '--values', join(dir, 'v.csv'), '--value-column', 'x', '--permutations', '99', '--seed', '5'], { cwd: root, encoding: 'utf8' });
  return { code: r.status, rows: Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true }).data, stderr: r.stderr };
}

describe('spatial statistics in the worker and in atlas spatial', () => {
  it('agree on a column with a pattern', () => {
    const values = [1, 2, 3, 2, 3, 4, 3, 4, 9];
    const worker = columnSpatial(Float64Array.from(values), subsets, options);
    const { code, rows, stderr } = cli(values);
    expect(code, stderr).toBe(0);
    // An empty cell is NaN (the centre's Gi* is 0/0: its neighbours and itself are every region).
    const read = (cell: string) => (cell === '' ? NaN : Number(cell));
    expect(Number.isNaN(worker.giStarZ[4])).toBe(true);
    rows.forEach((row, i) => {
      expect(read(row.local_i)).toBeCloseTo(worker.localI[i], 12);
      if (i !== 4) expect(read(row.gi_star_z)).toBeCloseTo(worker.giStarZ[i], 12);
      else expect(row.gi_star_z).toBe('');
      expect(read(row.pseudo_p)).toBe(worker.pseudoP[i]);
      expect(row.quadrant).toBe(QUADRANTS[worker.quadrant[i]]);
    });
    expect(JSON.parse(stderr).I).toBeCloseTo(worker.moran!.I, 12);
  });

  it('agree that equal values have no pattern: every region ns, local I and Gi* 0, no Moran’s I', () => {
    const values = Array(9).fill(7);
    const worker = columnSpatial(Float64Array.from(values), subsets, options);
    expect(worker.constant).toBe(true);
    expect(worker.moran).toBeUndefined();
    expect([...worker.quadrant]).toEqual(Array(9).fill(0));
    const { code, rows, stderr } = cli(values);
    expect(code, stderr).toBe(0);
    expect(rows.map((r) => [r.quadrant, r.local_i, r.gi_star_z, r.pseudo_p])).toEqual(Array(9).fill(['ns', '0', '0', '']));
    expect([...worker.giStarZ]).toEqual(Array(9).fill(0));
    const summary = JSON.parse(stderr);
    expect(summary.I).toBeNull();
    expect(summary.notes.join(' ')).toMatch(/all 9 values are equal: no spatial pattern/);
  });

  it('agree that three regions are too few: the worker analyses none, the CLI refuses', () => {
    const values = [1, 2, 3, null, null, null, null, null, null];
    const worker = columnSpatial(Float64Array.from(values, (v) => v ?? NaN), subsets, options);
    expect([...worker.quadrant]).toEqual(Array(9).fill(NOT_ANALYSED));
    const { code, stderr } = cli(values);
    expect(code).toBe(1);
    expect(stderr).toMatch(/only 3 regions of the map have a value; spatial statistics need at least 4/);
  });
});
