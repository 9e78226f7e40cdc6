import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

const root = resolve(__dirname, '../../..');
const fixtures = 'tests/fixtures/indicators';
const tsx = join(root, 'node_modules/.bin/tsx');

function atlas(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function parse(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
}

const HEADER = 'region,category,year,employment,lq,region_share,category_share,size_star,specialization_star,focus_star,stars,employment_unit';

describe('atlas indicators on official formats', () => {
  it('reads a Eurostat bulk TSV with --filter: TOTAL rows are region totals, missing cells stay empty (hand-computed)', () => {
    const { code, stdout, stderr } = atlas('indicators', '--employment', 'tests/fixtures/io/lfs-small.tsv', '--filter', 'age=Y_GE15', '--year', '2015');
    expect(code, stderr).toBe(0);
    const rows = parse(stdout);
    expect(rows.map((r) => `${r.region}/${r.category}`)).toEqual(['AA1/A', 'AA1/C', 'AA2/A', 'AA2/C']);
    // E(AA1) = 10.5 + 20 = 30.5, E(AA2) = 5 (AA2/A is ":"), E(A) = 10.5, E(C) = 25, E = 35.5.
    expect(Number(rows[0].lq)).toBeCloseTo(35.5 / 30.5, 12);
    expect(Number(rows[1].lq)).toBeCloseTo((20 / 30.5) / (25 / 35.5), 12);
    expect(Number(rows[3].lq)).toBeCloseTo(1 / (25 / 35.5), 12);
    expect(rows[2]).toMatchObject({ employment: '', lq: '', stars: '' });
    expect(stderr).toMatch(/2 rows excluded: age is not Y_GE15/);
    expect(stderr).toMatch(/TOTAL \(2 rows\) checked against the sum of the categories, not used/);
  });

  it('leaves NRP ("no response") out of the categories and says so; --keep-non-industry keeps it (hand-computed)', () => {
    const left = atlas('indicators', '--employment', `${fixtures}/with-nrp.csv`);
    expect(left.code, left.stderr).toBe(0);
    const rows = parse(left.stdout);
    expect(rows.map((r) => `${r.region}/${r.category}`)).toEqual(['L/A', 'L/F', 'M/A', 'M/F']);
    // E(L) = 20, E(A) = 60, E = 120: LQ(L, A) = (10/20)/(60/120) = 1.
    expect(Number(rows[0].lq)).toBeCloseTo(1, 12);
    expect(left.stderr).toMatch(/left out of the categories as not industries.*NRP: no response/);
    const kept = atlas('indicators', '--employment', `${fixtures}/with-nrp.csv`, '--keep-non-industry');
    const nrp = parse(kept.stdout).find((r) => r.region === 'L' && r.category === 'NRP')!;
    // LQ(L, NRP) = (80/100)/(80/200) = 2.
    expect(Number(nrp.lq)).toBeCloseTo(2, 12);
  });

  it('--benchmark country:DE: the sum of one country\'s regions gives E(c) and E (hand-computed)', () => {
    const r = atlas('indicators', '--employment', `${fixtures}/two-countries.csv`, '--benchmark', 'country:DE');
    expect(r.code, r.stderr).toBe(0);
    const fr = parse(r.stdout).find((row) => row.region === 'FR1' && row.category === 'A')!;
    // (70/80) / (30/80) = 7/3; with the sum of all regions it would be (70/80) / (100/160) = 1.4.
    expect(Number(fr.lq)).toBeCloseTo(7 / 3, 12);
    expect(r.stderr).toContain('benchmark country DE');
  });

  it('--min-employment: a cell below it earns no star (hand-computed)', () => {
    // L/A = 10, L/F = 10, M/A = 50, M/F = 50 (NRP left out). Cut share 0.5: 2 regions compete, ⌈1⌉ = 1.
    // Without a minimum the size star in A goes to M (50); focus in A: L .5, M .5, both.
    const plain = parse(atlas('indicators', '--employment', `${fixtures}/with-nrp.csv`, '--cut-share', '0.5').stdout);
    expect(plain.find((r) => r.region === 'L' && r.category === 'A')!.stars).toBe('1');
    const min = atlas('indicators', '--employment', `${fixtures}/with-nrp.csv`, '--cut-share', '0.5', '--min-employment', '20');
    expect(min.code, min.stderr).toBe(0);
    const rows = parse(min.stdout);
    expect(rows.find((r) => r.region === 'L' && r.category === 'A')!.stars).toBe('0');
    expect(rows.find((r) => r.region === 'M' && r.category === 'A')!.stars).toBe('2');
    expect(atlas('indicators', '--employment', `${fixtures}/with-nrp.csv`, '--min-employment', 'lots').code).toBe(2);
  });

  it('reads JSON keyed region → category → measure with --measure, and refuses options of another format', () => {
    const { code, stdout, stderr } = atlas('indicators', '--employment', 'tests/fixtures/import/by-name.json', '--measure', 'ЧИСЛ');
    expect(code, stderr).toBe(0);
    const rows = parse(stdout);
    expect(rows).toHaveLength(10);
    const north = rows.find((r) => r.region === 'Северный край' && r.category === 'Связь')!;
    // E(r) = 15.5; E(Связь) = 3 + 20 + 1 + 1 = 25 (Eastcape not reported); E = 15.5 + 28 + 0.5 + 2 + 10 = 56.
    expect(Number(north.lq)).toBeCloseTo((3 / 15.5) / (25 / 56), 12);
    expect(stderr).toMatch(/measure ЧИСЛ used \(also present: ВРП\)/);
    const help = atlas('indicators', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--filter .*Eurostat TSV/s);
    const wrong = atlas('indicators', '--employment', `${fixtures}/employment.csv`, '--filter', 'age=Y_GE15');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/employment\.csv: --filter applies to a Eurostat table \(TSV, SDMX-CSV, JSON-stat\)/);
  });
});

describe('atlas indicators', () => {
  it('writes the contract columns with a benchmark region (values from the hand-worked table)', () => {
    const { code, stdout, stderr } = atlas('indicators', '--employment', `${fixtures}/employment.csv`, '--benchmark', 'NAT', '--year', '2015');
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n')[0]).toBe(HEADER);
    const rows = parse(stdout);
    expect(rows).toHaveLength(12);
    expect(rows.some((r) => r.region === 'NAT')).toBe(false);
    const get = (region: string, category: string) => rows.find((r) => r.region === region && r.category === category)!;
    // LQ(R1,A) = (10/40)/(100/1000) = 2.5; LQ(R1,C) = (30/40)/(800/1000) = 0.9375.
    expect(get('R1', 'A')).toMatchObject({ year: '2015', employment: '10', lq: '2.5', region_share: '0.25', category_share: '0.1' });
    expect(Number(get('R1', 'C').lq)).toBe(0.9375);
    expect(get('R3', 'A')).toMatchObject({ lq: '10', size_star: '1', specialization_star: '1', focus_star: '1', stars: '3' });
    expect(get('R1', 'A')).toMatchObject({ size_star: '0', specialization_star: '1', focus_star: '0', stars: '1' });
    // Not reported: empty values, stars included (no star, but not a measured zero either).
    expect(get('R3', 'B')).toMatchObject({ employment: '', lq: '', region_share: '', size_star: '', stars: '' });
    expect(get('R1', 'B')).toMatchObject({ employment: '0', lq: '0', stars: '0' });
    expect(stderr).toMatch(/30 rows read, 30 used/);
    expect(stderr).toMatch(/2 cells not reported/);
    expect(stderr).toMatch(/--year 2015: output for 1 of 2 years \(2015, 2020\)/);
    expect(stderr).toMatch(/benchmark NAT: .* not an output region/);
  });

  it('writes every year when --year is absent, and to --out when given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    const out = join(dir, 'out.csv');
    const { code, stdout } = atlas('indicators', '--employment', `${fixtures}/employment.csv`, '--benchmark', 'NAT', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const rows = parse(readFileSync(out, 'utf8'));
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set(['2015', '2020']));
    // 2020: LQ(R3,A) = (30/31)/(110/1060).
    const r3a = rows.find((r) => r.region === 'R3' && r.category === 'A' && r.year === '2020')!;
    expect(Number(r3a.lq)).toBeCloseTo(30 / 31 / (110 / 1060), 12);
  });

  it('cmp: strong columns, LQ over the traded group by default', () => {
    const { code, stdout, stderr } = atlas(
      'indicators',
      '--employment', `${fixtures}/employment.csv`,
      '--categories', `${fixtures}/categories.csv`,
      '--rule', 'cmp',
      '--benchmark', 'NAT',
      '--year', '2015',
    );
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n')[0]).toBe(HEADER.replace(",employment_unit", ",strong,strong10,employment_unit"));
    const rows = parse(stdout);
    const get = (region: string, category: string) => rows.find((r) => r.region === region && r.category === category)!;
    // Traded denominator A + B: D(R1) = 10, D(NAT) = 200 → LQ(R1,A) = (10/10)/(100/200) = 2.
    expect(get('R1', 'A').lq).toBe('2');
    // Region shares stay over all categories.
    expect(get('R1', 'A').region_share).toBe('0.25');
    for (const r of rows) expect(r.region === 'R3' && r.category === 'B' ? [''] : ['0', '1']).toContain(r.strong);
  });

  it('--denominator all overrides the cmp default', () => {
    const { stdout } = atlas('indicators', '--employment', `${fixtures}/employment.csv`, '--categories', `${fixtures}/categories.csv`,
      '--rule', 'cmp', '--benchmark', 'NAT', '--year', '2015', '--denominator', 'all');
    expect(parse(stdout).find((r) => r.region === 'R1' && r.category === 'A')!.lq).toBe('2.5');
  });

  it('reports rows it did not use, with line and reason', () => {
    const { code, stderr, stdout } = atlas('indicators', '--employment', `${fixtures}/unknown-category.csv`, '--categories', `${fixtures}/categories.csv`);
    expect(code).toBe(0);
    expect(stderr).toMatch(/5 rows read, 4 used/);
    expect(stderr).toMatch(/line 5: category "Z" is not in the categories table/);
    expect(stderr).toMatch(/1 cells not reported/);
    // Categories from the table, in its order, including C which has no rows.
    expect(parse(stdout).map((r) => r.category)).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
  });

  it.each([
    [['--employment', `${fixtures}/nope.csv`], 1, /nope\.csv: no such file/],
    [['--employment', `${fixtures}/bad-number.csv`], 1, /bad-number\.csv, line 3, column "employment": "ten" is not a number/],
    [['--employment', `${fixtures}/negative.csv`], 1, /negative\.csv, line 3, column "employment": negative value -5/],
    [['--employment', `${fixtures}/duplicate.csv`], 1, /duplicate\.csv, line 4: region "R1", category "A" already given on line 2/],
    [['--employment', `${fixtures}/missing-column.csv`], 1, /missing-column\.csv.*no category column/],
    [['--employment', `${fixtures}/employment.csv`, '--benchmark', 'EU27'], 1, /employment\.csv: benchmark region "EU27" has no rows/],
    [['--employment', `${fixtures}/employment.csv`, '--year', '1999'], 1, /employment\.csv: no rows for year 1999: its years are 2015, 2020/],
    [['--employment', `${fixtures}/employment.csv`, '--denominator', 'traded'], 1, /--denominator traded: no category is in the group "traded" \(the categories carry no groups\)/],
    [['--employment', `${fixtures}/employment.csv`, '--rule', 'best'], 2, /--rule must be one of eco, paper, cmp/],
    [['--employment', `${fixtures}/employment.csv`, '--cut-share', '1.5'], 2, /--cut-share: "1.5" is out of range/],
    [['--employment', `${fixtures}/employment.csv`, '--colour', 'red'], 2, /Unknown option '--colour'/],
    [[], 2, /--employment <file.csv> is required/],
  ])('bad input %j → exit %i with a located message', (args, exit, message) => {
    const { code, stderr, stdout } = atlas('indicators', ...(args as string[]));
    expect(code).toBe(exit);
    expect(stderr).toMatch(message as RegExp);
    expect(stdout).toBe('');
  });

  it('an unknown command exits 2 and lists the commands', () => {
    const { code, stderr } = atlas('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"[\s\S]*indicators/);
  });

  it('runs through the npm script of the contract', () => {
    const r = spawnSync('npm', ['run', '-s', 'atlas', '--', 'indicators', '--employment', `${fixtures}/employment.csv`, '--year', '2020'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEADER);
    expect(parse(r.stdout)).toHaveLength(15);
  });
});
