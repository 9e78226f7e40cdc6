import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { aggregateIndustryTable } from '../../../src/pack/industryTable';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';
import { aggregateIndustries, parseIndustryMapping } from '../../../src/io/industryMapping';
import type { EmploymentCube } from '../../../src/model/dataset';
import type { SuppressionPolicy } from '../../../src/io/suppression';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url));
const mapping = () => parseIndustryMapping(readFileSync(fixture('naics-categories.csv'), 'utf8'), 'naics-categories.csv');
const dir = mkdtempSync(join(tmpdir(), 'industry-table-'));

/** The in-memory path the app takes: long table → cube of codes → categories. */
function inMemory(text: string, file: string, suppression: SuppressionPolicy) {
  const { cube } = longTableToCube(parseDelimited(text, file), undefined, { suppression });
  return aggregateIndustries(cube, mapping());
}

/** Cells by region id, so that region order (first appearance vs sorted) does not matter. */
function cellsOf(cube: EmploymentCube, which: 'employment' | 'establishments' = 'employment') {
  const nC = cube.categories.length;
  const out: Record<string, number[]> = {};
  cube.years.forEach((year, y) =>
    cube.regions.forEach((r, i) => {
      out[`${r.id}/${year}`] = [...cube[which]![y].subarray(i * nC, (i + 1) * nC)];
    }),
  );
  return out;
}

describe('industry tables aggregated out of core (DuckDB)', () => {
  it('gives the in-memory cube and report for the County Business Patterns fixture', async () => {
    const text = readFileSync(fixture('cbp-small.csv'), 'utf8');
    const expected = inMemory(text, 'cbp-small.csv', 'midpoint');
    const got = await aggregateIndustryTable({ file: fixture('cbp-small.csv'), mapping: mapping(), suppression: 'midpoint' });
    expect(got.columns).toEqual({ region: 'region', industry: 'naics', employment: 'emp', establishments: 'est', flag: 'empflag', year: undefined });
    expect(got.cube.categories).toEqual(expected.cube.categories);
    expect(cellsOf(got.cube)).toEqual(cellsOf(expected.cube));
    expect(cellsOf(got.cube, 'establishments')).toEqual(cellsOf(expected.cube, 'establishments'));
    expect(got.industry.aggregates).toEqual(expected.report.aggregates);
    expect(got.industry.unmapped).toEqual(expected.report.unmapped);
    expect(got.industry.mapped).toEqual(expected.report.mapped);
    // Midpoints as published by U.S. Cluster Mapping: 01001 pharma = B → 60, retail = 80 + A → 90.
    expect(cellsOf(got.cube)['01001/0']).toEqual([120, 60, 90]);
    expect(got.report.suppressed).toEqual({ policy: 'midpoint', cells: 5, byFlag: { A: 2, B: 1, C: 1, M: 1 } });
    expect(got.report.rowsRead).toBe(12);
    expect(got.report.rowsUsed).toBe(7);
    expect(got.report.excluded).toEqual([
      { reason: 'industry code refined by finer codes of the same data (an aggregate)', rows: 4 },
      { reason: 'industry code without a category in the mapping', rows: 1 },
    ]);
  });

  it('leaves suppressed cells "not reported" under the missing policy, as in memory', async () => {
    const text = readFileSync(fixture('cbp-small.csv'), 'utf8');
    const expected = inMemory(text, 'cbp-small.csv', 'missing');
    const got = await aggregateIndustryTable({ file: fixture('cbp-small.csv'), mapping: mapping(), suppression: 'missing' });
    expect(cellsOf(got.cube)).toEqual(cellsOf(expected.cube));
    expect(got.report.suppressed?.cells).toBe(5);
  });

  it('reads gzipped CSV and Parquet to the same cube, with several years and County Business Patterns region columns', async () => {
    const csv = [
      'fipstate,fipscty,naics,emp,empflag,est,year',
      '01,001,311///,10,,1,2020',
      '01,001,311///,12,,1,2021',
      '01,003,3254//,0,B,2,2020',
      '01,003,4411//,5,,1,2021',
      '02,013,4412//,7,,1,2021',
    ].join('\n');
    writeFileSync(join(dir, 'cbp.csv.gz'), gzipSync(csv));
    const fromGzip = await aggregateIndustryTable({ file: join(dir, 'cbp.csv.gz'), mapping: mapping(), suppression: 'midpoint' });
    expect(fromGzip.columns.region).toBe('fipstate+fipscty');
    expect(fromGzip.cube.years).toEqual([2020, 2021]);
    expect(fromGzip.cube.regions.map((r) => r.id)).toEqual(['01001', '01003', '02013']);
    expect(cellsOf(fromGzip.cube)['01003/2020']).toEqual([NaN, 60, NaN]);
    expect(cellsOf(fromGzip.cube)['01001/2021']).toEqual([12, NaN, NaN]);

    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const parquet = join(dir, 'cbp.parquet');
    await db.run(`COPY (SELECT * FROM read_csv('${join(dir, 'cbp.csv.gz')}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    const fromParquet = await aggregateIndustryTable({ file: parquet, mapping: mapping(), suppression: 'midpoint' });
    expect(cellsOf(fromParquet.cube)).toEqual(cellsOf(fromGzip.cube));
  });

  it('names the column, the value and its row for a cell that is not a number', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'region,naics,emp\n01001,311,12\n01003,311,twelve\n');
    await expect(aggregateIndustryTable({ file, mapping: mapping(), suppression: 'midpoint' })).rejects.toThrow(
      `${file}, column "emp": "twelve" is not a number (region 01003, industry 311; 1 such cell)`,
    );
    writeFileSync(file, 'region,naics,emp,empflag\n01001,311,0,Q\n');
    await expect(aggregateIndustryTable({ file, mapping: mapping(), suppression: 'midpoint' })).rejects.toThrow(/column "empflag": "Q" is not a suppression flag/);
    // Far below the rows DuckDB samples to type its columns: read again as text, and named the same way.
    writeFileSync(file, `region,naics,emp\n${Array.from({ length: 30000 }, (_, i) => `0${1000 + (i % 50)},311,${i}`).join('\n')}\n01003,311,twelve\n`);
    await expect(aggregateIndustryTable({ file, mapping: mapping(), suppression: 'midpoint' })).rejects.toThrow(
      `${file}, column "emp": "twelve" is not a number (region 01003, industry 311; 1 such cell)`,
    );
    // A size-class letter in the number's place (no flag column) is a suppressed cell, as in memory.
    writeFileSync(file, 'region,naics,emp\n01001,311,B\n01001,3254,7\n');
    const inPlace = await aggregateIndustryTable({ file, mapping: mapping(), suppression: 'midpoint' });
    expect(cellsOf(inPlace.cube)['01001/0']).toEqual([60, 7, NaN]);
    expect(inPlace.report.suppressed).toEqual({ policy: 'midpoint', cells: 1, byFlag: { B: 1 } });
    writeFileSync(file, 'place,naics,emp\n01001,311,12\n');
    await expect(aggregateIndustryTable({ file, mapping: mapping(), suppression: 'midpoint' })).rejects.toThrow(/no region column recognised .*--region-column/);
  });

  it('agrees with the in-memory aggregation on random tables (property)', async () => {
    const codes = ['------', '31----', '311///', '3111//', '3254//', '325///', '4411//', '4412//', '9999//', '32'];
    const row = fc.record({
      region: fc.constantFrom('01001', '01003', '02013', '04005'),
      code: fc.constantFrom(...codes),
      emp: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant(-1)),
      flag: fc.constantFrom('', '', '', 'A', 'C', 'M'),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(row, { minLength: 1, maxLength: 30, selector: (r) => `${r.region}/${r.code}` }), async (rows) => {
        const text = ['region,naics,emp,empflag', ...rows.map((r) => `${r.region},${r.code},${r.flag ? 0 : r.emp < 0 ? '' : r.emp},${r.flag}`)].join('\n');
        const file = join(dir, `random-${run++}.csv`);
        writeFileSync(file, text);
        const expected = inMemory(text, file, 'midpoint');
        const got = await aggregateIndustryTable({ file, mapping: mapping(), suppression: 'midpoint' });
        expect(cellsOf(got.cube)).toEqual(cellsOf(expected.cube));
        const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
        expect(got.industry.aggregates).toEqual(expected.report.aggregates.sort(byCode));
        expect(got.industry.unmapped).toEqual(expected.report.unmapped.sort(byCode));
      }),
      { numRuns: 25 },
    );
  });
});

describe('atlas indicators --industry-map', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const atlas = (...args: string[]) => {
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'indicators', ...args], { cwd: root, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('sums a County Business Patterns table into categories and computes the indicators (hand-computed LQ)', () => {
    const { code, stdout, stderr } = atlas('--employment', 'tests/fixtures/io/cbp-small.csv', '--industry-map', 'tests/fixtures/io/naics-categories.csv');
    expect(code, stderr).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => line.split(','));
    expect(rows[0].slice(0, 5)).toEqual(['region', 'category', 'year', 'employment', 'lq']);
    const cell = (region: string, category: string) => rows.find((r) => r[0] === region && r[1] === category)!;
    // 01001: 120 | 60 | 90 (E = 270); 01003: 10 | 40 | 100000 (E = 100050); E(manufacturing) = 130, E = 100320.
    expect(cell('01001', 'manufacturing')[3]).toBe('120');
    expect(Number(cell('01001', 'manufacturing')[4])).toBeCloseTo((120 / 270) / (130 / 100320), 10);
    expect(Number(cell('01003', 'retail')[4])).toBeCloseTo((100000 / 100050) / (100090 / 100320), 10);
    expect(stderr).toMatch(/3 codes left out as aggregates of finer codes/);
    expect(stderr).toMatch(/9999\/\/: 1 cells, employment 7/);
    expect(stderr).toMatch(/5 suppressed cells as midpoint \(A: 2, B: 1, C: 1, M: 1\)/);
  });

  it('refuses options that do not belong to an industry table, and a bad suppression policy', () => {
    expect(atlas('--employment', 'x.csv', '--region-column', 'fips').stderr).toMatch(/--region-column applies with --industry-map only/);
    const bad = atlas('--employment', 'tests/fixtures/io/cbp-small.csv', '--industry-map', 'tests/fixtures/io/naics-categories.csv', '--suppression', 'zero');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--suppression must be midpoint or missing/);
  });
});
