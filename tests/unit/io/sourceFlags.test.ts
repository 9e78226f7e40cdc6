import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/io/delimited';
import { validateManifest } from '../../../src/io/manifest';
import { applyFlagsTable, checkedFlags, flagsRows } from '../../../src/io/sourceFlags';
import { longTableToCube } from '../../../src/io/longTable';
import type { EmploymentCube } from '../../../src/model/dataset';

const cube = (): EmploymentCube => longTableToCube(parseDelimited('region,category,year,employment\nA,x,2020,1\nA,y,2020,2\nB,x,2020,3\nB,y,2021,4\n', 'e.csv')).cube;
const flagsOf = (text: string) => applyFlagsTable(cube(), parseDelimited(text, 'flags.csv'));

describe('source flags through the flags file and a long table’s flag column', () => {
  it('puts each row’s letters on its cell, and writes them back as the same rows', () => {
    const flagged = flagsOf('region,category,year,flag\nB,x,2020,bu\nA,y,2020,c\nB,y,2021,p\n');
    // Cells are region-major: B/x is cell 1 × 2 + 0 = 2, A/y is 1.
    expect([...flagged.flags![0]]).toEqual([[2, 'bu'], [1, 'c']]);
    expect([...flagged.flags![1]]).toEqual([[3, 'p']]);
    expect(flagsRows(flagged, true)).toEqual([['A', 'y', '2020', 'c'], ['B', 'x', '2020', 'bu'], ['B', 'y', '2021', 'p']]);
  });

  it('refuses an unknown flag, a cell not in the cube and a cell flagged twice, naming line and column', () => {
    expect(() => flagsOf('region,category,year,flag\nA,x,2020,b\nA,y,2020,x\n')).toThrow(/^flags\.csv, line 3, column "flag": "x" is not a flag of the source: flags are letters among b, c, d, e, f, n, p, r, s, u, z/);
    expect(() => flagsOf('region,category,year,flag\nC,x,2020,b\n')).toThrow(/^flags\.csv, line 2, column "region": region "C" has no employment in the dataset/);
    expect(() => flagsOf('region,category,year,flag\nA,z,2020,b\n')).toThrow(/column "category": category "z" has no employment/);
    expect(() => flagsOf('region,category,year,flag\nA,x,2019,b\n')).toThrow(/column "year": year "2019" is not a year of the dataset \(2020, 2021\)/);
    expect(() => flagsOf('region,category,year,flag\nA,x,2020,b\nA,x,2020,u\n')).toThrow(/line 3: region "A", category "x", year 2020 is flagged twice/);
    expect(() => flagsOf('region,category,flag\nA,x,b\n')).toThrow(/line 1: no "year" column/);
    expect(() => checkedFlags(' ', { file: 'f' })).toThrow(/is not a flag of the source/);
  });

  it('a long table’s flag column is read with the same check', () => {
    const { cube: flagged } = longTableToCube(parseDelimited('region,category,year,employment,flag\nA,x,2020,1,b\nA,y,2020,2,\n', 'e.csv'));
    expect([...flagged.flags![0]]).toEqual([[0, 'b']]);
    expect(() => longTableToCube(parseDelimited('region,category,year,employment,flag\nA,x,2020,1,B\n', 'e.csv'))).toThrow(/^e\.csv, line 2, column "flag": "B" is not a flag of the source/);
  });

  it('a manifest names its flags file inside the folder, as every other file', () => {
    const manifest = { format: 'cluster-atlas-dataset', version: 1, id: 'd', title: 'D', attribution: 'a', regions: { file: 'r.geojson', id: 'id', name: 'name' }, employment: { file: 'e.csv', layout: 'long' } };
    expect(validateManifest({ ...manifest, flags: { file: 'flags.csv' } }, 'manifest.json').flags).toEqual({ file: 'flags.csv' });
    expect(() => validateManifest({ ...manifest, flags: { file: '../flags.csv' } }, 'manifest.json')).toThrow(/"flags\.file" must be a plain file name inside the dataset folder/);
    expect(() => validateManifest({ ...manifest, flags: { file: 'https://elsewhere.example/flags.csv' } }, 'manifest.json')).toThrow(/"flags\.file" must be a plain file name/);
  });
});
