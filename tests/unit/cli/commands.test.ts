import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { buildDemo, demoFiles } from '../../../src/demo/index';
import { indicatorTable, loadHostedFolder } from '../doors/helpers';

const root = resolve(__dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function atlas(...args: string[]) {
  const r = spawnSync(tsx, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;

describe('atlas indicators reads what the import reads', () => {
  it('reads a wide table (one column per category), leaving its name column out', () => {
    const { code, stdout, stderr } = atlas('indicators', '--employment', 'tests/fixtures/import/wide.csv');
    expect(code, stderr).toBe(0);
    const rows = parse(stdout);
    expect(rows.map((r) => `${r.region}/${r.category}/${r.year}`)).toEqual(['N1/agri/', 'N1/tech/', 'S1/agri/', 'S1/tech/', 'E1/agri/', 'E1/tech/']);
    // LQ(S1, tech) = (2000 / 2800) / (2300 / 4350).
    expect(Number(rows[3].lq)).toBeCloseTo(2000 / 2800 / (2300 / 4350), 12);
    expect(stderr).toMatch(/wide\.csv: 3 rows read, 3 used/);
  });

  it('gives the app’s own wide demo table the numbers the hosted demo gives', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'atlas-demo-'));
    for (const [name, text] of demoFiles(buildDemo(1))) writeFileSync(join(folder, name), text);
    const hosted = await loadHostedFolder(folder);
    const last = hosted.cube.years.at(-1)!;
    const out = join(folder, 'indicators.csv');
    const { code, stderr } = atlas('indicators', '--employment', join(folder, 'employment.csv'), '--categories', join(folder, 'categories.csv'), '--year', String(last), '--out', out);
    expect(code, stderr).toBe(0);
    const cli = readFileSync(out, 'utf8').trim().split('\n').slice(1);
    const expected = indicatorTable(hosted.cube).filter((row) => row.split(',')[2] === String(last));
    expect(cli.length).toBe(expected.length);
    expect(cli.length).toBe(hosted.cube.regions.length * hosted.cube.categories.length);
    // Region, category and year as written; the numbers rounded as indicatorTable rounds them.
    // The last column is employment_unit (the demo states none: persons), not in the indicator table.
    expect(new Set(cli.map((row) => row.split(',').at(-1)))).toEqual(new Set(['persons']));
    const rounded = cli.map((row) => row.split(',').slice(0, -1).map((v, i) => (i < 3 || v === '' ? v : String(Number(Number(v).toPrecision(12))))).join(','));
    expect(rounded).toEqual(expected);
  }, 120_000);
});

describe('atlas pack', () => {
  it('is the packer, with its options, its report and its exit codes, and npm run dataset its alias', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-pack-')), 'grid');
    const packed = atlas('pack', 'tests/fixtures/pack/grid', '--out', out, '--no-index');
    expect(packed.code, packed.stderr).toBe(0);
    expect(packed.stdout).toMatch(/^inputs: boundaries /);
    expect(packed.stdout).toMatch(/\njoin: 6 data regions, 6 map regions/);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    const help = atlas('pack', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/or: npm run -s atlas -- pack <input folder or files…> --out <folder>/);
    const bad = atlas('pack', 'tests/fixtures/pack/grid', '--out', out, '--layout', 'tall');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^atlas pack: --layout is long or wide, not "tall"\n/);
    const commands = atlas('--help');
    expect(commands.stdout).toMatch(/commands: indicators, spatial, pack/);
  });
});
