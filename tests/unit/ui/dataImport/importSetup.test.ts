import { describe, expect, it } from 'vitest';
import { assignRole, defaultChoices, defaultTableChoice, mergeRoles, missingForLoad } from '../../../../src/ui/dataImport/importSetup';
import { ManualFixes } from '../../../../src/ui/dataImport/manualFixes';
import { allowedCrossOrigin, hostedDatasets, isCrossOrigin, searchForDataset } from '../../../../src/ui/dataImport/hostedDatasets';
import type { FileSummary } from '../../../../src/engine/import/importTypes';
import { fixture, inspectAll } from '../../engine/import/helpers';

const summary = (key: string, role: FileSummary['role'], extra: Partial<FileSummary> = {}): FileSummary => ({ key, name: key, size: 1, role, notes: [], ...extra });

describe('roles of the picked files', () => {
  it('keeps the user’s roles, gives new files their detected role, and one file per single role', () => {
    const a = summary('a.geojson', 'boundaries');
    const b = summary('b.csv', 'employment');
    const c = summary('c.geojson', 'boundaries');
    const bad = summary('bad.json', 'employment', { error: { problem: 'x', message: 'x' } });
    expect(mergeRoles([a, b], {})).toEqual({ 'a.geojson': 'boundaries', 'b.csv': 'employment' });
    // A second boundary file replaces the first; a file that could not be read is not used.
    expect(mergeRoles([a, b, c, bad], { 'a.geojson': 'boundaries', 'b.csv': 'employment' })).toEqual({
      'a.geojson': 'ignore',
      'b.csv': 'employment',
      'c.geojson': 'boundaries',
      'bad.json': 'ignore',
    });
    // The user's own choice stands.
    expect(mergeRoles([a, b], { 'b.csv': 'categories' })['b.csv']).toBe('categories');
    expect(assignRole({ 'a.geojson': 'ignore', 'c.geojson': 'boundaries' }, 'a.geojson', 'boundaries')).toEqual({ 'a.geojson': 'boundaries', 'c.geojson': 'ignore' });
    // Name-fix files may be several.
    expect(assignRole({ x: 'names' }, 'y', 'names')).toEqual({ x: 'names', y: 'names' });
    expect(missingForLoad([a], { 'a.geojson': 'boundaries' })).toEqual(['import.need.employment']);
    expect(missingForLoad([a, b], mergeRoles([a, b], {}))).toEqual([]);
  });
});

describe('first choices of the mapping step', () => {
  it('start from the reader’s guesses and keep what the user set while the same files stay', async () => {
    const { summaries, byName } = await inspectAll(['regions.geojson', 'wide.csv', 'by-name.json', 'categories.csv'].map(fixture));
    const roles = mergeRoles(summaries, {});
    // by-name.json came after wide.csv, so it is the employment file.
    const choices = defaultChoices(summaries, roles, undefined, [['West Mark', 'W1']])!;
    expect(choices).toEqual({
      boundaries: { key: byName('regions.geojson').key, nameProperty: 'name' },
      employment: { key: byName('by-name.json').key, json: { measure: 'ЧИСЛ' } },
      categories: { key: byName('categories.csv').key },
      join: { by: 'auto', aliases: true, manual: [['West Mark', 'W1']] },
    });
    const edited = { ...choices, boundaries: { ...choices.boundaries, idProperty: 'code' }, join: { ...choices.join, by: 'name' as const } };
    expect(defaultChoices(summaries, roles, edited, [])).toMatchObject({ boundaries: { idProperty: 'code' }, join: { by: 'name', manual: [] } });

    const wideRoles = assignRole(roles, byName('wide.csv').key, 'employment');
    const wide = defaultChoices(summaries, wideRoles, edited, [])!;
    // The "label" text column is not offered as a category.
    expect(wide.employment).toEqual({ key: byName('wide.csv').key, table: { layout: 'wide', region: 'region', year: undefined, columns: ['agri', 'tech'] } });
    const noEmployment = Object.fromEntries(summaries.map((x) => [x.key, x.role === 'boundaries' ? 'boundaries' : 'ignore'] as const));
    expect(defaultChoices(summaries, noEmployment, undefined, [])).toBeUndefined();
  });

  it('guesses long and year-column layouts', async () => {
    const { byName } = await inspectAll(['long-semicolon.csv', 'years.csv', 'naics.csv'].map(fixture));
    expect(defaultTableChoice(byName('long-semicolon.csv'))).toEqual({
      layout: 'long',
      region: 'region',
      category: 'category',
      employment: 'employment',
      year: 'year',
      establishments: 'establishments',
      employmentFlag: undefined,
    });
    expect(defaultTableChoice(byName('years.csv'))).toEqual({ layout: 'years', region: 'code', category: 'sector', columns: ['2019', '2020'] });
    expect(defaultTableChoice(byName('naics.csv'))).toMatchObject({ layout: 'long', region: 'fips', category: 'naics', employment: 'emp' });
  });
});

describe('manual fixes for the session', () => {
  it('are kept in session storage, read from and written as the mapping file', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const fixes = new ManualFixes(storage);
    fixes.set('Чувашская Республика', 'Чувашия');
    expect(fixes.importCsv('data_name,region_id\nWest Mark,W1\n', 'fixes.csv')).toBe(1);
    const again = new ManualFixes(storage);
    expect(again.entries()).toEqual([
      ['Чувашская Республика', 'Чувашия'],
      ['West Mark', 'W1'],
    ]);
    expect(again.toCsv()).toBe('data_name,region_id\r\nЧувашская Республика,Чувашия\r\nWest Mark,W1\r\n');
    again.delete('West Mark');
    expect(new ManualFixes(storage).size).toBe(1);
    expect(() => again.importCsv('name,region\nA,1\n', 'wrong.csv')).toThrow(/wrong.csv: no column "data_name"/);
    // A damaged store starts empty instead of breaking the page.
    expect(new ManualFixes({ getItem: () => '{not json', setItem: () => {} }).size).toBe(0);
  });
});

describe('hosted datasets', () => {
  const base = 'https://atlas.example/app/';
  it('lists the index’s datasets (manifests relative to it) and always the demo', () => {
    const index = JSON.stringify({ datasets: [{ id: 'eu', title: 'EU regions', manifest: 'eu/manifest.json' }] });
    expect(hostedDatasets(index, base, 'Demo').datasets).toEqual([
      { id: 'demo', title: 'Demo', manifest: 'https://atlas.example/app/geo/demo/manifest.json', synthetic: true },
      { id: 'eu', title: 'EU regions', manifest: 'https://atlas.example/app/geo/eu/manifest.json' },
    ]);
    expect(hostedDatasets(undefined, base, 'Demo').datasets.map((d) => d.id)).toEqual(['demo']);
    const broken = hostedDatasets(JSON.stringify({ datasets: [{ id: 'x', title: 'X', manifest: 'https://evil.example/m.json' }] }), base, 'Demo');
    expect(broken.datasets.map((d) => d.id)).toEqual(['demo']);
    expect(broken.problem).toMatch(/"manifest" must be a path inside the folder of the index/);
  });

  it('asks before another site, over https only, and writes ?dataset= only for hosted datasets', () => {
    expect(isCrossOrigin('https://atlas.example/app/geo/eu/manifest.json', `${base}index.html`)).toBe(false);
    expect(isCrossOrigin('https://data.example/eu/manifest.json', `${base}index.html`)).toBe(true);
    expect(allowedCrossOrigin('https://data.example/m.json')).toBe(true);
    expect(allowedCrossOrigin('http://data.example/m.json')).toBe(false);
    expect(searchForDataset('?lang=ru', 'https://atlas.example/app/geo/eu/manifest.json', base)).toBe('?lang=ru&dataset=geo%2Feu%2Fmanifest.json');
    expect(searchForDataset('?dataset=geo%2Feu%2Fmanifest.json', 'https://atlas.example/app/geo/demo/manifest.json', base)).toBe('');
    expect(searchForDataset('', 'https://data.example/m.json', base)).toBe('?dataset=https%3A%2F%2Fdata.example%2Fm.json');
    expect(searchForDataset('?dataset=x', undefined, base)).toBe('');
  });
});

describe('source flags in the tooltip', () => {
  it('spell out Eurostat’s letters for the value under the pointer', async () => {
    const { sourceFlags } = await import('../../../../src/ui/sourceFlags');
    const dataset = { categories: [{ id: 'A' }, { id: 'C' }], flags: [new Map([[1, 'bu'], [2, 'q']])] } as unknown as Parameters<typeof sourceFlags>[0];
    expect(sourceFlags(dataset, 0, 0, 1)).toEqual({ codes: 'bu', text: 'Source flags: b — break in time series; u — low reliability' });
    expect(sourceFlags(dataset, 0, 1, 0)).toEqual({ codes: 'q', text: 'Source flags: q' });
    expect(sourceFlags(dataset, 0, 0, 0)).toBeUndefined();
    expect(sourceFlags({ ...dataset, flags: undefined }, 0, 0, 1)).toBeUndefined();
  });
});
