import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { xlsxBytes } from '../formats/writeFixtures';
import { pack, temporaryFolder } from '../pack/helpers';
import { atlas, fixtureWriter } from './runAtlas';

const write = fixtureWriter('cluster-atlas-sheet-level-');
const temporary = temporaryFolder();
const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;

const long = (values: number[]) => [
  ['region', 'category', 'employment'],
  ['A1', 'agri', values[0]],
  ['A1', 'tech', values[1]],
  ['A2', 'agri', values[2]],
  ['A2', 'tech', values[3]],
];
const BOOK = xlsxBytes([
  { name: 'Jobs', rows: long([10, 30, 20, 40]) },
  { name: 'Other', rows: long([1, 2, 3, 4]) },
]);

/** An export whose activity column is indented: sections (level 2) with subsections (level 3) under manufacturing. */
const EXPORT = [
  'Численность занятых;;;',
  ';;2015;2016',
  'Белгородская область;Всего;100;100',
  'Белгородская область;  Сельское хозяйство;40;40',
  'Белгородская область;  Обрабатывающие производства;60;60',
  'Белгородская область;    производство пищевых продуктов;35;35',
  'Белгородская область;    производство машин;25;25',
  'Брянская область;Всего;50;50',
  'Брянская область;  Сельское хозяйство;30;30',
  'Брянская область;  Обрабатывающие производства;20;20',
  'Брянская область;    производство пищевых продуктов;5;5',
  'Брянская область;    производство машин;15;15',
  '',
].join('\n');

describe('atlas --sheet and --level: the import dialog’s choices on the command line', () => {
  it('--sheet by name or number reads that sheet; an unknown sheet, or a sheet of a CSV, is a located error', () => {
    const book = write('book.xlsx', BOOK);
    const first = atlas('indicators', '--employment', book);
    expect(first.code, first.stderr).toBe(0);
    expect(rowsOf(first.stdout).map((r) => r.employment)).toEqual(['10', '30', '20', '40']);
    const other = atlas('indicators', '--employment', book, '--sheet', 'Other');
    expect(other.code, other.stderr).toBe(0);
    expect(rowsOf(other.stdout).map((r) => r.employment)).toEqual(['1', '2', '3', '4']);
    expect(atlas('indicators', '--employment', book, '--sheet', '2').stdout).toBe(other.stdout);
    const missing = atlas('indicators', '--employment', book, '--sheet', 'Data');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${book}: no sheet "Data": the workbook's sheets are 1 "Jobs", 2 "Other"`);
    const csv = atlas('indicators', '--employment', write('plain.csv', 'region,category,employment\nA1,agri,1\nA2,agri,2\n'), '--sheet', 'Jobs');
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain('--sheet applies to an Excel workbook (.xlsx), and this file is not one (delimited)');
  }, 60_000);

  it('--level picks the hierarchy level as the dialog numbers it; an unknown column or level is a located error, a malformed one a usage error', () => {
    const file = write('export.csv', EXPORT);
    const sections = atlas('indicators', '--employment', file);
    expect(sections.code, sections.stderr).toBe(0);
    expect([...new Set(rowsOf(sections.stdout).map((r) => r.category))]).toEqual(['Сельское хозяйство', 'Обрабатывающие производства']);
    const finer = atlas('indicators', '--employment', file, '--level', 'column 2=3');
    expect(finer.code, finer.stderr).toBe(0);
    const rows = rowsOf(finer.stdout);
    expect([...new Set(rows.map((r) => r.category))]).toEqual(['производство пищевых продуктов', 'производство машин']);
    // Within the subsections: Belgorod's food LQ = (35 / 60) / (40 / 80).
    expect(Number(rows.find((r) => r.region === 'Белгородская область' && r.category === 'производство пищевых продуктов')!.lq)).toBeCloseTo(35 / 60 / (40 / 80), 12);
    const level = atlas('indicators', '--employment', file, '--level', 'column 2=5');
    expect(level.code).toBe(1);
    expect(level.stderr).toMatch(/--level "column 2"=5: the column has levels 1 \(\d+ rows, e\.g\. Всего\), 2 \(\d+ rows, e\.g\. Сельское хозяйство\), 3 /);
    const column = atlas('indicators', '--employment', file, '--level', 'activity=2');
    expect(column.code).toBe(1);
    expect(column.stderr).toContain('--level "activity": no such column (columns with levels: ');
    const malformed = atlas('indicators', '--employment', file, '--level', 'column 2');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--level must be <column>=<level 1, 2, …>, not "column 2"');
    expect(atlas('indicators', '--help').stdout + atlas('indicators', '--help').stderr).toMatch(/--sheet <name\|number>\] \[--level <column>=<n>\]/);
  }, 60_000);

  it('atlas pack takes the same --sheet and --level', async () => {
    const geo = write(
      'regions.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: ['Белгородская область', 'Брянская область'].map((name, i) => ({ type: 'Feature', properties: { id: `R${i}`, name }, geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] } })),
      }),
    );
    const out = temporary();
    const r = await pack(write('pack-export.csv', EXPORT), geo, '--out', `${out}/p`, '--no-index', '--level', 'column 2=3');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(`${out}/p/categories.csv`, 'utf8')).toContain('производство машин');
    expect(readFileSync(`${out}/p/categories.csv`, 'utf8')).not.toContain('Сельское хозяйство');
    const bad = await pack(write('pack-export2.csv', EXPORT), geo, '--out', `${out}/q`, '--no-index', '--sheet', '1');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--sheet applies to an Excel workbook (.xlsx), and this file is not one (delimited)');
  }, 60_000);
});
