import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { inspectFile } from '../../../src/engine/import/inspectFile';
import { buildCube, buildImport, type NamedInput } from '../../../src/engine/import/buildImport';
import type { ImportChoices } from '../../../src/engine/import/importTypes';
import { keyedNote } from '../../../src/io/notes';
import { en, ru } from '../../../src/i18n/messages/engine';
import { encodeSingleByte, fileOf, xlsxBytes } from './writeFixtures';
import { pack, temporaryFolder } from '../pack/helpers';
import { atlas, fixtureWriter } from '../cli/runAtlas';

/** A Rosstat-style export: the title states the unit, a row of years, regions down, activities across. */
const ROWS = ['Белгородская область;Строительство;10,5;11', 'Белгородская область;Торговля;3;3,5', 'Брянская область;Строительство;4;4,5', 'Брянская область;Торговля;6;6,5'];
const EXPORT = ['Среднегодовая численность занятых, тыс. человек;;;', ';;2015;2016', ...ROWS, ''].join('\r\n');
const PLAIN = ['region;category;2015;2016', ...ROWS, ''].join('\r\n');
const BOUNDARIES = JSON.stringify({
  type: 'FeatureCollection',
  features: ['Белгородская область', 'Брянская область'].map((name, i) => ({
    type: 'Feature',
    properties: { id: `R${i + 1}`, name },
    geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] },
  })),
});

const write = fixtureWriter('cluster-atlas-unit-');
const temporary = temporaryFolder();

async function inspect(bytes: Uint8Array | string, name: string): Promise<{ key: string; input: NamedInput; notes: string[]; header: string[] }> {
  const { summary, parsed } = await inspectFile(fileOf(bytes, name));
  if (summary.error || !parsed) throw new Error(summary.error?.message);
  return { key: summary.key, input: { name, parsed }, notes: summary.notes, header: summary.table?.header ?? [] };
}

const yearsChoice = (key: string, [region, category]: string[]): ImportChoices['employment'] => ({ key, table: { layout: 'years', region, category, columns: ['2015', '2016'] } });

describe('a unit stated in a title row becomes the dataset unit', () => {
  it('a Windows-1251 export: the preview says the unit, the imported dataset carries it (thousand persons, THS)', async () => {
    const data = await inspect(encodeSingleByte(EXPORT, 'windows-1251'), 'export.csv');
    expect(data.notes).toContain('unit of the values: thousand persons, as line 1 states ("Среднегодовая численность занятых, тыс. человек")');
    const boundaries = await inspect(BOUNDARIES, 'regions.geojson');
    const result = buildImport(
      new Map([
        [data.key, data.input],
        [boundaries.key, boundaries.input],
      ]),
      { employment: yearsChoice(data.key, data.header), boundaries: { key: boundaries.key }, join: { by: 'auto', aliases: true, manual: [] } },
    );
    expect(result.dataset.manifest).toMatchObject({ unit: 'thousand persons', unitCode: 'THS' });
    expect(result.join.counts.matched).toBe(2);
  });

  it('the note is worded in the interface language, from the file’s own text', () => {
    const keyed = keyedNote('unit of the values: thousand persons, as line 1 states ("Среднегодовая численность занятых, тыс. человек")');
    expect(keyed).toEqual({ key: 'engine.note.statedUnit', params: { unit: 'thousand persons', line: '1', text: 'Среднегодовая численность занятых, тыс. человек' } });
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('an xlsx with the unit in its title row; a table without one states none', async () => {
    const xlsx = xlsxBytes([{ name: 'Занятые', rows: [['Employment by region and activity, thousand persons'], ['', '', '2015', '2016'], ['Белгородская область', 'Строительство', 10.5, 11], ['Брянская область', 'Строительство', 4, 4.5]] }]);
    const book = await inspect(xlsx, 'book.xlsx');
    expect(buildCube(new Map([[book.key, book.input]]), { employment: yearsChoice(book.key, book.header) }).unit).toEqual({ name: 'thousand persons', code: 'THS' });
    const plain = await inspect(PLAIN, 'plain.csv');
    expect(buildCube(new Map([[plain.key, plain.input]]), { employment: yearsChoice(plain.key, plain.header) }).unit).toBeUndefined();
  });

  it('atlas indicators says it, and writes it in employment_unit with --unit-column (persons when the file states none)', () => {
    const bare = atlas('indicators', '--employment', write('export.csv', encodeSingleByte(EXPORT, 'windows-1251')));
    expect(bare.code, bare.stderr).toBe(0);
    // Without the flag the output columns are as they always were; the unit is on stderr.
    expect(bare.stdout.split('\n')[0]).not.toContain('employment_unit');
    expect(bare.stderr).toContain('employment unit: thousand persons');
    const got = atlas('indicators', '--employment', write('export.csv', encodeSingleByte(EXPORT, 'windows-1251')), '--unit-column');
    expect(got.code, got.stderr).toBe(0);
    const rows = Papa.parse<Record<string, string>>(got.stdout.trim(), { header: true }).data;
    expect(rows).toHaveLength(2 * 2 * 2);
    expect(new Set(rows.map((r) => r.employment_unit))).toEqual(new Set(['thousand persons']));
    const plain = atlas('indicators', '--employment', write('plain.csv', PLAIN), '--unit-column');
    expect(plain.code, plain.stderr).toBe(0);
    const plainRows = Papa.parse<Record<string, string>>(plain.stdout.trim(), { header: true }).data;
    // The same numbers: only the unit column differs.
    expect(plainRows.map((r) => r.lq)).toEqual(rows.map((r) => r.lq));
    expect(new Set(plainRows.map((r) => r.employment_unit))).toEqual(new Set(['persons']));
  });

  it('atlas pack writes it into the manifest; --unit goes before it', async () => {
    const csv = write('pack-export.csv', encodeSingleByte(EXPORT, 'windows-1251'));
    const geo = write('pack-regions.geojson', BOUNDARIES);
    const out = temporary();
    const r = await pack(csv, geo, '--out', `${out}/a`, '--no-index');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(`${out}/a/manifest.json`, 'utf8'))).toMatchObject({ unit: 'thousand persons', unitCode: 'THS' });
    const given = await pack(csv, geo, '--out', `${out}/b`, '--no-index', '--unit', 'persons');
    expect(given.code, given.err).toBe(0);
    expect(JSON.parse(readFileSync(`${out}/b/manifest.json`, 'utf8'))).toMatchObject({ unit: 'persons', unitCode: 'PER' });
  });
});
