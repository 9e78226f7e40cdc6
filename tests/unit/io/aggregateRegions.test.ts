import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAggregateRegionName, withoutAggregateRegions } from '../../../src/io/aggregateRegions';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';

describe('a Total row in a table without a map', () => {
  it('names of sum rows are recognised in English and Russian, region names are not', () => {
    for (const name of ['Total', 'TOTAL', 'All regions', 'Всего', 'итого', 'Всего по  округу', 'Российская Федерация']) expect(isAggregateRegionName(name), name).toBe(true);
    for (const name of ['Totalville', 'Москва', 'Total Energies County', 'DE11']) expect(isAggregateRegionName(name), name).toBe(false);
  });

  it('a "Всего" row is left out of the regions and reported, its cells and the others kept in place', () => {
    const text = 'region,category,employment\nA,x,1\nВсего,x,10\nB,x,9\nA,y,2\nВсего,y,5\nB,y,3\n';
    const { cube, report } = longTableToCube(parseDelimited(text, 't.csv'));
    const out = withoutAggregateRegions(cube, report);
    expect(out.regions.map((r) => r.id)).toEqual(['A', 'B']);
    expect([...out.employment[0]]).toEqual([1, 2, 9, 3]);
    expect(report.notes).toContain('"Всего" left out: a total of the regions, not a region (name it with --benchmark to use it as the benchmark)');
  });

  it('atlas indicators does not sum a "Total" row as a region', () => {
    const root = resolve(__dirname, '../../..');
    const dir = mkdtempSync(join(tmpdir(), 'total-'));
    const file = join(dir, 'with-total.csv');
    writeFileSync(file, 'region,category,employment\nR1,A,10\nR1,B,30\nR2,A,20\nR2,B,40\nTotal,A,30\nTotal,B,70\n');
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'indicators', '--employment', file], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2 rows excluded: aggregate region \(a country, federal district or total\), not a region: "Total"/);
    const regions = new Set(r.stdout.trim().split('\n').slice(1).map((line) => line.split(',')[0]));
    expect([...regions]).toEqual(['R1', 'R2']);
    // LQ of R1 in A against the two regions alone: (10/40) / (30/100) = 0.8333…
    const r1a = r.stdout.split('\n').find((l) => l.startsWith('R1,A,'))!;
    expect(Number(r1a.split(',')[4])).toBeCloseTo(0.8333, 3);
  });
});
