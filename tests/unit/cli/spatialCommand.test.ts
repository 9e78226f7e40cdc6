import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

const root = resolve(__dirname, '../../..');
const fixtures = 'tests/fixtures/spatial';
const tsx = join(root, 'node_modules/.bin/tsx');

function atlas(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', 'spatial', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function parse(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

const HEADER = 'region,value,lag,local_i,quadrant,pseudo_p,gi_star_z';

describe('atlas spatial', () => {
  it('gives the hand-computed 2×2 rook results: CSV on stdout, global Moran’s I as JSON on stderr', () => {
    const { code, stdout, stderr } = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs', '--weights', 'rook');
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n')[0]).toBe(HEADER);
    const rows = parse(stdout);
    expect(rows.map((r) => r.region)).toEqual(['a', 'b', 'c', 'd']);
    expect(rows.map((r) => Number(r.lag))).toEqual([1, 3, 3, 1]);
    [-4 / 3, -2 / 3, -2 / 3, 0].forEach((v, i) => expect(Number(rows[i].local_i)).toBeCloseTo(v, 12));
    const r6 = Math.sqrt(6);
    [0, r6 / 3, r6 / 3, (-2 * r6) / 3].forEach((v, i) => expect(Number(rows[i].gi_star_z)).toBeCloseTo(v, 12));
    // Exact permutation distributions: a draws 2 of {b, c, d} (z = −1, −1, 0), so its neighbour lag
    // is −1 (observed, the minimum) in 1 case of 3 and −0.5 in 2: ties count in both tails, so
    // p ≈ (1/3·999 + 1)/1000. b and c likewise; d has z = 0, I = 0 in every draw, p = 1.
    expect(rows.map((r) => r.quadrant)).toEqual(['ns', 'ns', 'ns', 'ns']);
    for (const r of rows.slice(0, 3)) expect(Math.abs(Number(r.pseudo_p) - 1 / 3)).toBeLessThan(0.05);
    expect(rows[3].pseudo_p).toBe('1');
    const global = JSON.parse(stderr);
    expect(global.I).toBeCloseTo(-2 / 3, 12);
    expect(global.expectation).toBeCloseTo(-1 / 3, 12);
    expect(global.variance).toBeCloseTo(1 / 18, 12);
    expect(global.z).toBeCloseTo(-Math.SQRT2, 12);
    expect(global.p).toBeCloseTo(0.15729920705028513, 12);
    expect(global).toMatchObject({ weights: 'rook', style: 'W', regions: 4, regions_with_neighbours: 4, p_alternative: 'two-sided', permutations: 999, seed: 1, islands: [] });
  });

  it('reads TopoJSON, a ;-separated file with decimal commas, reports islands, and writes <out>.json with --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-spatial-'));
    const out = join(dir, 'lisa.csv');
    const { code, stdout, stderr } = atlas('--regions', `${fixtures}/grid3x3.topojson`, '--id', 'code', '--values', `${fixtures}/values3x3.csv`, '--value-column', 'jobs', '--out', out, '--permutations', '99', '--seed', '7');
    expect(code, stderr).toBe(0);
    expect(stdout).toBe('');
    const rows = parse(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(10);
    const isle = rows.find((r) => r.region === 'isle')!;
    expect(isle).toMatchObject({ value: '6.5', lag: '0', local_i: '0', quadrant: 'ns', pseudo_p: '' });
    const global = JSON.parse(readFileSync(`${out}.json`, 'utf8'));
    expect(global).toMatchObject({ weights: 'queen', regions: 10, regions_with_neighbours: 9, islands: ['isle'], permutations: 99, seed: 7 });
    expect(global.expectation).toBeCloseTo(-1 / 8, 14);
    expect(stderr).toMatch(/1 regions have no neighbours .*: isle/);
    // Same file as GeoJSON: same numbers (the engine sees the same polygons).
    const again = atlas('--regions', `${fixtures}/grid3x3.geojson`, '--id', 'code', '--values', `${fixtures}/values3x3.csv`, '--value-column', 'jobs', '--permutations', '99', '--seed', '7');
    expect(parse(again.stdout)).toEqual(rows);
  });

  it('accepts a values file keyed by a column named like --id instead of "region"', () => {
    const byCode = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2-by-code.csv`, '--value-column', 'jobs', '--weights', 'rook');
    const byRegion = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs', '--weights', 'rook');
    expect(byCode.code, byCode.stderr).toBe(0);
    expect(byCode.stdout).toBe(byRegion.stdout);
  });

  it('is reproducible from --seed', () => {
    const args = ['--regions', `${fixtures}/grid3x3.geojson`, '--id', 'code', '--values', `${fixtures}/values3x3.csv`, '--value-column', 'jobs', '--permutations', '199'];
    const a = atlas(...args, '--seed', '3').stdout;
    expect(atlas(...args, '--seed', '3').stdout).toBe(a);
    expect(atlas(...args, '--seed', '4').stdout).not.toBe(a);
  });

  it('uses k nearest centroids with knn:<k>, each region getting exactly k neighbours', () => {
    const { code, stderr } = atlas('--regions', `${fixtures}/grid3x3.geojson`, '--id', 'code', '--values', `${fixtures}/values3x3.csv`, '--value-column', 'jobs', '--weights', 'knn:3');
    expect(code, stderr).toBe(0);
    const global = JSON.parse(stderr);
    expect(global).toMatchObject({ weights: 'knn:3', links: 30, islands: [], regions_with_neighbours: 10 });
  });

  it('leaves out regions without a value and reports them and rows not on the map', () => {
    const { code, stdout, stderr } = atlas('--regions', `${fixtures}/grid3x3.geojson`, '--id', 'code', '--values', `${fixtures}/values3x3-partial.csv`, '--value-column', 'jobs', '--weights', 'rook');
    expect(code, stderr).toBe(0);
    expect(parse(stdout).map((r) => r.region)).not.toContain('r2c2');
    const global = JSON.parse(stderr);
    expect(global.regions).toBe(8);
    expect(global.regions_without_value).toEqual(['r2c2', 'isle']);
    expect(global.value_rows_not_on_map).toEqual(['atlantis']);
    expect(global.notes.join('\n')).toMatch(/line 11 "atlantis"/);
  });

  it('takes a supplied neighbour list and reports its unknown ids and one-way links', () => {
    const { code, stderr } = atlas('--regions', `${fixtures}/grid3x3.geojson`, '--id', 'code', '--values', `${fixtures}/values3x3.csv`, '--value-column', 'jobs', '--neighbours', `${fixtures}/neighbours3x3.json`);
    expect(code, stderr).toBe(0);
    const global = JSON.parse(stderr);
    expect(global.weights).toBe('supplied');
    // isle's own entry names only an unknown region: it has no neighbours of its own.
    expect(global.islands).toEqual(['isle']);
    const notes = global.notes.join('\n');
    expect(notes).toMatch(/isle → lemuria/);
    expect(notes).toMatch(/1 links are given one way only \(kept\): r3c3 → isle/);
  });

  it.each([
    ['values-bad-number.csv', 'jobs', /values-bad-number\.csv, line 3, column "jobs": "four" is not a number/],
    ['values-duplicate.csv', 'jobs', /values-duplicate\.csv, line 4, column "region": region "a" already has a value on line 2/],
    ['values-missing-column.csv', 'jobs', /values-missing-column\.csv, line 1: no "jobs" column/],
  ])('rejects %s with file, line and problem', (file, column, message) => {
    const { code, stderr } = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/${file}`, '--value-column', column);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
  });

  it('rejects a non-polygon feature naming it, bad weights and missing options', () => {
    const line = atlas('--regions', `${fixtures}/line-feature.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs');
    expect(line.code).toBe(1);
    expect(line.stderr).toMatch(/line-feature\.geojson, feature 1: .*LineString/);
    const weights = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs', '--weights', 'bishop');
    expect(weights.code).toBe(2);
    expect(weights.stderr).toMatch(/--weights: weights "bishop" are not one of rook, queen, knn:<k>/);
    const tooMany = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs', '--weights', 'knn:4');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/knn:4: k = 4 needs more than 4 regions; there are 4/);
    const missing = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--value-column is required/);
    const noFile = atlas('--regions', `${fixtures}/nowhere.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs');
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toMatch(/nowhere\.geojson: no such file/);
  });

  it('caps --permutations at 99,999 with a message instead of running without end', () => {
    const huge = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs', '--permutations', '4294967296');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/--permutations must be at most 99,999 \(p-values to 1\/100,000\), not 4,294,967,296/);
    const over = atlas('--regions', `${fixtures}/grid2x2.geojson`, '--id', 'code', '--values', `${fixtures}/values2x2.csv`, '--value-column', 'jobs', '--permutations', '100000');
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/--permutations must be at most 99,999 \(p-values to 1\/100,000\), not 100,000/);
  });
});
