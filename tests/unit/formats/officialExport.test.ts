import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/engine/import/inspectFile';
import { employmentCube } from '../../../src/engine/import/buildImport';
import type { ImportChoices, TableChoice } from '../../../src/engine/import/importTypes';
import { levelsOf } from '../../../src/io/hierarchy';
import { encodeSingleByte, fileOf, xlsxBytes } from './writeFixtures';

/** A Rosstat showcase export: regions and activities indented by level, a year row with "на 1 октября" under it. */
const REGIONS: [string, number][] = [
  ['Российская Федерация', 0],
  ['Центральный федеральный округ', 1],
  ['Белгородская область', 2],
  ['Брянская область', 2],
  ['Северо-Западный федеральный округ', 1],
  ['Республика Карелия', 2],
];
const ACTIVITIES: [string, number][] = [
  ['Всего', 0],
  ['Сельское хозяйство, охота и лесное хозяйство', 1],
  ['Обрабатывающие производства', 1],
  ['производство пищевых продуктов', 2],
  ['производство машин и оборудования', 2],
  ['Строительство', 1],
];
const value = (r: number, a: number, y: number) => r * 100 + a * 10 + (y - 2015);

const exportRows = (): [string, number, string, number, number[]][] =>
  REGIONS.flatMap(([region, rl], r) => ACTIVITIES.map(([activity, al], a): [string, number, string, number, number[]] => [region, rl, activity, al, [2015, 2016].map((y) => value(r, a, y))]));

const indent = (level: number) => '  '.repeat(level);
const showcaseCsv = () =>
  [
    'Среднегодовая численность занятых по видам экономической деятельности;;;',
    '(тысяч человек);;;',
    ';;2015;2016',
    ';;на 1 октября;на 1 октября',
    ...exportRows().map(([region, rl, activity, al, values]) => [indent(rl) + region, indent(al) + activity, ...values].join(';')),
  ].join('\r\n');

/** The same data a planner would have typed by hand: subjects × sections only. */
const plainCsv = () =>
  [
    'column 1;column 2;2015;2016',
    ...exportRows()
      .filter(([, rl, , al]) => rl === 2 && al === 1)
      .map(([region, , activity, , values]) => [region, activity, ...values].join(';')),
  ].join('\n');

const choice = (key: string, more: Partial<TableChoice> = {}): ImportChoices => ({
  boundaries: { key: '' },
  employment: { key, table: { layout: 'years', region: 'column 1', category: 'column 2', columns: ['2015', '2016'], ...more } },
  join: { by: 'auto', aliases: true, manual: [] },
});

async function read(bytes: Uint8Array | string, name: string, more: Partial<TableChoice> = {}) {
  const { summary, parsed } = await inspectFile(fileOf(bytes, name));
  if (summary.error) throw new Error(summary.error.message);
  return { summary, ...employmentCube({ name, parsed: parsed! }, choice(summary.key, more), {}, () => {}) };
}

describe('official exports with title rows, a two-row header and indented hierarchies', () => {
  it('a Windows-1251 showcase CSV reads to the cube of its regions × sections, nothing summed twice', async () => {
    const plain = await read(plainCsv(), 'plain.csv');
    const got = await read(encodeSingleByte(showcaseCsv(), 'windows-1251'), 'showcase.csv');
    expect(got.summary.encoding?.used).toBe('windows-1251');
    expect(got.cube).toEqual(plain.cube);
    expect(got.cube.regions.map((r) => r.id)).toEqual(['Белгородская область', 'Брянская область', 'Республика Карелия']);
    expect(got.cube.categories.map((c) => c.id)).toEqual(['Сельское хозяйство, охота и лесное хозяйство', 'Обрабатывающие производства', 'Строительство']);
    expect(got.summary.notes).toEqual(expect.arrayContaining(['title row (line 1) skipped: "Среднегодовая численность занятых по видам экономической деятельности"', 'under every column of the header: "на 1 октября"']));
    // The two unnamed text columns beside the years are guessed as regions and activities.
    expect(got.summary.table).toMatchObject({ layout: 'years', region: 'column 1', category: 'column 2', yearColumns: ['2015', '2016'] });
    // The levels are shown, with the one used.
    expect(got.summary.table?.hierarchies).toEqual([
      {
        column: 'column 1',
        by: 'indent',
        levels: [
          { level: 0, rows: 6, examples: ['Российская Федерация'] },
          { level: 1, rows: 12, examples: ['Центральный федеральный округ', 'Северо-Западный федеральный округ'] },
          { level: 2, rows: 18, examples: ['Белгородская область', 'Брянская область', 'Республика Карелия'] },
        ],
        suggested: 2,
      },
      {
        column: 'column 2',
        by: 'indent',
        levels: [
          { level: 0, rows: 6, examples: ['Всего'] },
          { level: 1, rows: 18, examples: ['Сельское хозяйство, охота и лесное хозяйство', 'Обрабатывающие производства', 'Строительство'] },
          { level: 2, rows: 12, examples: ['производство пищевых продуктов', 'производство машин и оборудования'] },
        ],
        suggested: 1,
      },
    ]);
    // Every row left out is counted: 36 rows, 9 used.
    expect(got.report.rowsRead).toBe(36);
    expect(got.report.rowsUsed).toBe(9);
    expect(got.report.excluded).toEqual([
      { reason: '"column 1" at hierarchy level 1, not the level 3 used', rows: 6 },
      { reason: '"column 1" at hierarchy level 2, not the level 3 used', rows: 12 },
      { reason: '"column 2" at hierarchy level 1, not the level 2 used', rows: 3 },
      { reason: '"column 2" at hierarchy level 3, not the level 2 used', rows: 6 },
    ]);
  });

  it('another level can be chosen; aggregate regions are never taken as regions', async () => {
    // Level 2 of the regions is federal districts: aggregates, reported as such.
    await expect(read(showcaseCsv(), 'showcase.csv', { levels: { 'column 1': 1 } })).rejects.toThrow(
      /^showcase\.csv: no rows left: .*3 × aggregate region \(a country, federal district or total\), not a region: "Центральный федеральный округ";.*"Северо-Западный федеральный округ"; choose another hierarchy level$/,
    );
    const subsections = await read(showcaseCsv(), 'showcase.csv', { levels: { 'column 2': 2 } });
    expect(subsections.cube.categories.map((c) => c.id)).toEqual(['производство пищевых продуктов', 'производство машин и оборудования']);
    expect(subsections.cube.regions).toHaveLength(3);
  });

  it('a flat list with the country and federal districts among the regions leaves those out, except a chosen benchmark', async () => {
    const text = ['region;category;employment', 'Российская Федерация;A;100', 'Центральный федеральный округ;A;40', 'Белгородская область;A;10', 'Брянская область;A;5', ''].join('\n');
    const { summary, parsed } = await inspectFile(fileOf(text, 'flat.csv'));
    const long = (benchmark?: string): ImportChoices => ({
      boundaries: { key: '' },
      employment: { key: summary.key, benchmark, table: { layout: 'long', region: 'region', category: 'category', employment: 'employment' }, year: 2015 },
      join: { by: 'auto', aliases: true, manual: [] },
    });
    const { cube, report } = employmentCube({ name: 'flat.csv', parsed: parsed! }, long(), {}, () => {});
    expect(cube.regions.map((r) => r.id)).toEqual(['Белгородская область', 'Брянская область']);
    expect(report.excluded?.map((e) => e.rows)).toEqual([1, 1]);
    const withBenchmark = employmentCube({ name: 'flat.csv', parsed: parsed! }, long(), { benchmarkId: 'Российская Федерация', defaultYear: 2015 }, () => {});
    expect(withBenchmark.cube.regions.map((r) => r.id)).toEqual(['Белгородская область', 'Брянская область']);
    expect(withBenchmark.report.excluded).toEqual([{ reason: 'aggregate region (a country, federal district or total), not a region: "Центральный федеральный округ"', rows: 1 }]);
  });

  it('the same export as a workbook with Excel indents reads to the same cube', async () => {
    const rows = exportRows();
    const bytes = xlsxBytes([
      {
        name: 'Лист1',
        rows: [['Среднегодовая численность занятых'], [null, null, 2015, 2016], [null, null, 'на 1 октября', 'на 1 октября'], ...rows.map(([region, , activity, , values]) => [region, activity, ...values])],
        indents: [0, 0, 0, ...rows.map(([, rl]) => rl)],
      },
    ]);
    const plain = await read(plainCsv(), 'plain.csv');
    // Activities are not indented in this sheet: by capitals there is no hierarchy, so the subsections are chosen out by hand.
    const { summary, parsed } = await inspectFile(fileOf(bytes, 'showcase.xlsx'));
    expect(summary.table?.hierarchies?.map((h) => [h.column, h.by, h.suggested])).toEqual([['column 1', 'indent', 2]]);
    const sections = ACTIVITIES.filter(([, l]) => l === 1).map(([a]) => a);
    const { cube } = employmentCube({ name: 'showcase.xlsx', parsed: parsed! }, choice(summary.key), { categories: sections.map((id) => ({ id, name: id })) }, () => {});
    expect(cube).toEqual(plain.cube);
  });

  it('levels by numbering and by capitals', () => {
    expect(levelsOf(['1. Всего', '1.1 Сельское хозяйство', '1.2 Промышленность', '1.2.1 Добыча'])).toEqual({ by: 'numbering', levels: [0, 1, 1, 2] });
    expect(levelsOf(['ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА', 'производство пищевых продуктов', 'СТРОИТЕЛЬСТВО', 'Москва'])).toEqual({ by: 'capitals', levels: [0, 1, 0, 1] });
    expect(levelsOf(['Москва', 'Тверь', 'ВСЕГО'])).toBeUndefined();
  });
});
