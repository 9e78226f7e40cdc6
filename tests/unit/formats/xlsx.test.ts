import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { inspectFile } from '../../../src/engine/import/inspectFile';
import { employmentCube } from '../../../src/engine/import/buildImport';
import type { ImportChoices, ReadOptions, TableChoice } from '../../../src/engine/import/importTypes';
import { readWorkbook } from '../../../src/io/xlsxWorkbook';
import { gridToTable } from '../../../src/io/gridTable';
import { fileOf, xlsxBytes } from './writeFixtures';

const REGIONS = ['Белгородская область', 'Брянская область', 'Владимирская область'];
const CATEGORIES = ['Строительство', 'Обрабатывающие производства'];
const value = (r: number, c: number, y: number) => 10 * r + c + (y - 2014) / 4;

const PLAIN = [
  'Регион;Отрасль;2014;2015;2016',
  ...REGIONS.flatMap((r, i) => CATEGORIES.map((c, j) => [r, c, ...[2014, 2015, 2016].map((y) => String(value(i, j, y)).replace('.', ','))].join(';'))),
].join('\n');

const yearsChoice = (key: string): ImportChoices => ({
  boundaries: { key: '' },
  employment: { key, table: { layout: 'years', region: 'Регион', category: 'Отрасль', columns: ['2014', '2015', '2016'] } satisfies TableChoice },
  join: { by: 'auto', aliases: true, manual: [] },
});

async function read(bytes: Uint8Array | string, name: string, options: ReadOptions = {}) {
  const { summary, parsed } = await inspectFile(fileOf(bytes, name), undefined, options);
  if (summary.error) throw new Error(summary.error.message);
  const { cube, report } = employmentCube({ name, parsed: parsed! }, yearsChoice(summary.key), {}, () => {});
  return { summary, cube, report };
}

/** The same table as a workbook: two title rows, a blank row, a label merged over the year row, a footnote. */
const workbook = () =>
  xlsxBytes([
    { name: 'Пояснения', rows: [['Этот лист — пояснения к данным']] },
    {
      name: 'Данные',
      rows: [
        ['Среднегодовая численность занятых по видам экономической деятельности'],
        ['тысяч человек'],
        [],
        ['Регион', 'Отрасль', 'Численность занятых', null, null],
        [null, null, 2014, 2015, 2016],
        ...REGIONS.flatMap((r, i) => CATEGORIES.map((c, j) => [r, c, ...[2014, 2015, 2016].map((y) => value(i, j, y))])),
        ['Источник: Росстат'],
      ],
      merges: ['C4:E4'],
    },
  ]);

describe('Excel workbooks', () => {
  it('a sheet with title rows and a merged label over the years reads to the same cube as the plain CSV', async () => {
    const plain = await read(PLAIN, 'plain.csv');
    const got = await read(workbook(), 'employment.xlsx', { sheet: 'Данные' });
    expect(got.cube).toEqual(plain.cube);
    expect(got.report.rowsUsed).toBe(plain.report.rowsUsed);
    expect(got.summary.sheets).toEqual(['Пояснения', 'Данные']);
    expect(got.summary.sheet).toBe('Данные');
    expect(got.summary.table?.header).toEqual(['Регион', 'Отрасль', '2014', '2015', '2016']);
    expect(got.summary.notes).toEqual(
      expect.arrayContaining([
        'title row (line 1) skipped: "Среднегодовая численность занятых по видам экономической деятельности"',
        'title row (line 2) skipped: "тысяч человек"',
        'header of 2 rows (lines 4, 5) joined column by column',
        'under every column of the header: "Численность занятых"',
        'note below the table (line 12) skipped: "Источник: Росстат"',
      ]),
    );
  });

  it('lists the sheets and reads the first that holds a table by default', async () => {
    const { summary } = await inspectFile(fileOf(workbook(), 'employment.xlsx'));
    expect(summary.sheet).toBe('Данные');
    expect(summary.notes).toContain('sheet "Данные" of 2: "Пояснения", "Данные"');
    const notes = await inspectFile(fileOf(workbook(), 'employment.xlsx'), undefined, { sheet: 'Пояснения' });
    expect(notes.summary.error?.message).toBe('employment.xlsx [Пояснения]: no row with two or more filled cells: no table found');
  });

  it('an unknown sheet is refused with the sheets there are', async () => {
    const { summary } = await inspectFile(fileOf(workbook(), 'employment.xlsx'), undefined, { sheet: 'Лист9' });
    expect(summary.error?.message).toBe('employment.xlsx: no sheet "Лист9": the workbook\'s sheets are 1 "Пояснения", 2 "Данные"');
  });

  it('a year merged over its sub-columns names each of them', () => {
    const bytes = xlsxBytes([
      {
        name: 'S',
        rows: [
          ['region', 2015, null, 2016, null],
          [null, 'employment', 'establishments', 'employment', 'establishments'],
          ['A', 1, 2, 3, 4],
        ],
        merges: ['B1:C1', 'D1:E1'],
      },
    ]);
    const { table } = gridToTable(readWorkbook(bytes, 'm.xlsx').sheet('S'));
    expect(table.header).toEqual(['region', '2015 employment', '2015 establishments', '2016 employment', '2016 establishments']);
    expect(table.rows).toEqual([['A', '1', '2', '3', '4']]);
    expect(table.lines).toEqual([3]);
  });

  it('errors in a sheet name the sheet and its row', async () => {
    const bytes = xlsxBytes([{ name: 'S', rows: [['Регион', 'Отрасль', 2014], ['Тверская область', 'Строительство', 'много']] }]);
    const { summary, parsed } = await inspectFile(fileOf(bytes, 'bad.xlsx'));
    expect(() => employmentCube({ name: 'bad.xlsx', parsed: parsed! }, { ...yearsChoice(summary.key), employment: { key: summary.key, table: { layout: 'years', region: 'Регион', category: 'Отрасль', columns: ['2014'] } } }, {}, () => {})).toThrow(
      /^bad\.xlsx \[S\], line 2, column "2014": "много"/,
    );
  });

  it('a damaged or oversized workbook is refused, not spun on', () => {
    const good = workbook();
    expect(() => readWorkbook(good.subarray(0, 1500), 'cut.xlsx')).toThrow(/^cut\.xlsx: not a readable Excel workbook/);
    const notExcel = zipSync({ 'word/document.xml': strToU8('<w/>') });
    expect(() => readWorkbook(notExcel, 'doc.xlsx')).toThrow('doc.xlsx: this zip is not an Excel workbook (no xl/workbook.xml); .ods and .xlsb are not read: save the sheet as .xlsx or CSV');
  });
});
