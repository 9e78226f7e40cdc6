import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/engine/import/inspectFile';
import { eurostatToCube } from '../../../src/io/eurostatCube';
import { parseEurostatTsv } from '../../../src/io/eurostatTsv';
import { parseSdmxCsv } from '../../../src/io/sdmxCsv';
import { readJsonStat } from '../../../src/io/jsonStat';
import { detectInputKind } from '../../../src/io/inputKind';
import { fileOf } from './writeFixtures';

const TSV = readFileSync(fileURLToPath(new URL('../../fixtures/io/lfs-small.tsv', import.meta.url)), 'utf8');

/** The legacy TSV's cells, one per observation: [unit, nace_r2, age, geo, period, value, flag]. */
function observations(): string[][] {
  const [head, ...lines] = TSV.trim().split('\n');
  const periods = head.split('\t').slice(1).map((p) => p.trim());
  return lines.flatMap((line) => {
    const [key, ...cells] = line.split('\t');
    return cells.map((cell, p) => {
      const [v, flag = ''] = cell.trim().split(' ');
      return [...key.split(','), periods[p], v === ':' ? '' : v, flag];
    });
  });
}

/** The same observations as Eurostat's SDMX-CSV download writes them. */
function sdmxCsv(): string {
  const rows = observations().map(([unit, nace, age, geo, period, v, flag]) => ['ESTAT:LFST_R_LFE2EN2(1.0)', '04/04/24 23:00:00', 'A', unit, nace, age, geo, period, v, flag].join(','));
  return ['DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG', ...rows].join('\n') + '\n';
}

/** The same observations as the statistics API's JSON-stat 2.0 answer (sparse value and status). */
function jsonStat(): object {
  const obs = observations();
  const ids = ['freq', 'unit', 'nace_r2', 'age', 'geo', 'time'];
  const codes: string[][] = [['A'], ['THS'], ['A', 'C', 'TOTAL'], ['Y15-24', 'Y_GE15'], ['AA1', 'AA2'], ['2014', '2015']];
  const size = codes.map((c) => c.length);
  const value: Record<string, number> = {};
  const status: Record<string, string> = {};
  for (const [unit, nace, age, geo, period, v, flag] of obs) {
    const pos = [0, codes[1].indexOf(unit), codes[2].indexOf(nace), codes[3].indexOf(age), codes[4].indexOf(geo), codes[5].indexOf(period)];
    const index = pos.reduce((acc, p, d) => acc * size[d] + p, 0);
    if (v !== '') value[index] = Number(v);
    if (flag !== '') status[index] = flag;
  }
  return {
    version: '2.0',
    class: 'dataset',
    label: 'Employment by sex, age, economic activity and NUTS 2 regions (NACE Rev. 2) (1 000)',
    updated: '2024-04-04T23:00:00+0200',
    id: ids,
    size,
    role: { time: ['time'], geo: ['geo'] },
    dimension: Object.fromEntries(ids.map((id, d) => [id, { label: id, category: { index: Object.fromEntries(codes[d].map((c, i) => [c, i])) } }])),
    value,
    status,
  };
}

describe("Eurostat's current formats read as the legacy TSV", () => {
  const tsv = parseEurostatTsv(TSV, 'lfs.tsv');

  it.each([
    ['SDMX-CSV', () => parseSdmxCsv(sdmxCsv(), 'lfs.csv').table],
    ['JSON-stat 2.0', () => readJsonStat(jsonStat(), 'lfs.json').table],
  ])('%s gives the same cube, totals and flags, with and without filters', (_, read) => {
    const table = read();
    const cases: { filters?: Record<string, string[]> }[] = [{}, { filters: { age: ['Y15-24'] } }, { filters: { geo: ['AA2'] } }];
    for (const options of cases) {
      const expected = eurostatToCube(tsv, options);
      const got = eurostatToCube(table, options);
      expect(got.cube).toEqual(expected.cube);
      // The current formats carry the frequency as a dimension of its own; the TSV has it in its name.
      expect(got.selection).toEqual({ ...expected.selection, freq: ['A'] });
      expect(got.report.rowsUsed).toBe(expected.report.rowsUsed);
    }
    expect(eurostatToCube(table).cube.flags).toEqual(eurostatToCube(tsv).cube.flags);
  });

  it('both are recognised by content and inspected like the TSV', async () => {
    expect(detectInputKind('data.csv', sdmxCsv())).toBe('sdmx-csv');
    expect(detectInputKind('data.json', JSON.stringify(jsonStat()))).toBe('json-stat');
    const plain = await inspectFile(fileOf(TSV, 'lfs.tsv'));
    for (const [text, name, note] of [
      [sdmxCsv(), 'lfs.csv', 'SDMX-CSV, dataflow ESTAT:LFST_R_LFE2EN2(1.0)'],
      [JSON.stringify(jsonStat()), 'lfs.json', 'JSON-stat 2.0: Employment by sex, age, economic activity and NUTS 2 regions (NACE Rev. 2) (1 000)'],
    ]) {
      const { summary } = await inspectFile(fileOf(text, name));
      expect(summary.error).toBeUndefined();
      expect(summary.role).toBe('employment');
      expect(summary.notes).toContain(note);
      expect(summary.eurostat?.region).toBe(plain.summary.eurostat?.region);
      expect(summary.eurostat?.category).toBe(plain.summary.eurostat?.category);
      expect(summary.eurostat?.totals).toEqual({ ...plain.summary.eurostat?.totals });
    }
  });

  it('SDMX-CSV errors name the observation line', () => {
    const lines = sdmxCsv().split('\n');
    lines[4] = lines[4].replace(/,9\.0,b$/, ',nine,b');
    expect(() => parseSdmxCsv(lines.join('\n'), 'x.csv')).toThrow('x.csv, line 5, column "OBS_VALUE": "nine" is not a number');
    const twice = sdmxCsv() + sdmxCsv().split('\n')[3] + '\n';
    expect(() => parseSdmxCsv(twice, 'x.csv')).toThrow('x.csv, line 18: a second observation for A,THS,A,Y_GE15,AA1 in 2015 (the first is on line 4)');
    const negative = sdmxCsv().replace(',20.0,', ',-20.0,');
    expect(() => eurostatToCube(parseSdmxCsv(negative, 'x.csv').table)).toThrow('x.csv, line 8: negative value -20');
  });

  it('JSON-stat errors name the JSON path', () => {
    const bad = (change: (j: Record<string, unknown>) => void) => {
      const j = jsonStat() as Record<string, unknown>;
      change(j);
      return () => readJsonStat(j, 'x.json');
    };
    expect(bad((j) => (j.size = [1, 1, 3, 2, 2]))).toThrow('x.json at size: expected 6 positive whole numbers, one per dimension in "id"');
    expect(bad((j) => ((j.value as Record<string, unknown>)['5'] = 'n/a'))).toThrow('x.json at value[5]: "n/a" is not a number');
    expect(bad((j) => (j.value = [1, 2]))).toThrow('x.json at value: 2 values for 24 cells (the product of "size")');
    expect(bad((j) => (j.size = [1, 1, 3, 2, 2, 1e8]))).toThrow('x.json at size: 1200000000 cells: more than 50000000 is beyond what a page can hold; download a filtered dataset');
    expect(bad((j) => (j.class = 'collection'))).toThrow('x.json at class: a JSON-stat "collection" holds several datasets; download one dataset');
    const negative = jsonStat() as { value: Record<string, number> };
    const first = Object.keys(negative.value).find((k) => negative.value[k] === 20)!;
    negative.value[first] = -1;
    expect(() => eurostatToCube(readJsonStat(negative, 'x.json').table)).toThrow(`x.json at value[${first}]: negative value -1`);
  });
});
