import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/engine/import/buildImport';
import { InputError } from '../../../../src/io/errors';
import { parseDelimited } from '../../../../src/io/delimited';
import { longTableToCube } from '../../../../src/io/longTable';
import { joinedCube } from '../../../../src/io/joinedCube';
import { defaultTableChoice } from '../../../../src/ui/dataImport/importSetup';
import { choices, fixture, inspectAll } from './helpers';

/**
 * A delimited file above the size whose rows the import worker keeps (10 MB): inspected, it keeps
 * only its first rows; built, it is streamed from its text. Either way the user must see what
 * parse-then-read gives: the same rows count, cube, report and errors.
 */
const REGIONS = ['N1', 'S1', 'E1', 'W1'];

function largeCsv(change: (lines: string[]) => void = () => {}): string {
  const lines = ['region;category;year;employment;establishments'];
  for (let year = 1890; year < 2020; year++) {
    for (let c = 0; c < 800; c++) {
      for (const [r, region] of REGIONS.entries()) lines.push(`${region};cat${c};${year};${(r * 7919 + c * 31 + year) % 5000},${c % 10};${(r + c) % 40}`);
    }
  }
  change(lines);
  return lines.join('\n') + '\n';
}

async function inspectLarge(text: string) {
  expect(text.length).toBeGreaterThan(10_000_000);
  const file = new File([text], 'large.csv', { lastModified: 1 });
  return inspectAll([fixture('regions.geojson'), file]);
}

function failure(read: () => unknown): InputError {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('a large delimited file in the import worker', () => {
  it('is summarised from its first rows with the full count, and builds the cube parse-then-read gives', async () => {
    const text = largeCsv((lines) => lines.splice(5, 0, ''));
    const { inputs, byName } = await inspectLarge(text);
    const summary = byName('large.csv');
    const parsed = parseDelimited(text, 'large.csv');
    expect(summary.error).toBeUndefined();
    expect(summary.table).toMatchObject({ rows: parsed.rows.length, layout: 'long', delimiter: ';', numericColumns: ['year', 'employment', 'establishments'] });
    expect(summary.table!.preview).toEqual(parsed.rows.slice(0, 8));
    expect(summary.notes).toContain('1 blank line(s) skipped');
    // Only the first rows were kept.
    const input = inputs.get(summary.key)!.parsed;
    expect(input.kind === 'table' && input.table.rows.length).toBe(200);

    const result = buildImport(inputs, choices(byName('regions.geojson'), summary, { table: defaultTableChoice(summary) }));
    const expected = longTableToCube(parsed);
    expect(result.reports[0]).toEqual(expected.report);
    expect(result.cube).toEqual(joinedCube(expected.cube, result.join));
    expect(result.cube.regions.length).toBe(4);
    expect(result.cube.years.length).toBe(130);
    // N1, cat1, 1890: (0·7919 + 1·31 + 1890) mod 5000 = 1921, with ",1" after the decimal comma.
    expect(result.cube.employment[0][1]).toBe(1921.1);
  });

  it('reports a malformed row when inspected and a bad value when built, as parse-then-read does', async () => {
    const malformed = largeCsv((lines) => lines.splice(300_000, 1, 'N1;x;2000;1'));
    const { byName: inspected } = await inspectLarge(malformed);
    const expectedParse = failure(() => parseDelimited(malformed, 'large.csv'));
    expect(inspected('large.csv').error).toEqual({ location: expectedParse.location, problem: expectedParse.problem, message: expectedParse.message });
    expect(expectedParse.location.line).toBe(300_001);

    const badValue = largeCsv((lines) => lines.splice(350_000, 1, 'N1;cat0;1950;many;1'));
    const { inputs, byName } = await inspectLarge(badValue);
    const summary = byName('large.csv');
    const built = failure(() => buildImport(inputs, choices(byName('regions.geojson'), summary, { table: defaultTableChoice(summary) })));
    const expected = failure(() => longTableToCube(parseDelimited(badValue, 'large.csv')));
    expect(built.message).toBe(expected.message);
    expect(built.location).toEqual({ file: 'large.csv', line: 350_001, column: 'employment' });
  });

  it('keeps a large UTF-8 file as its bytes (no string of the whole file) and builds from them what its text gives', async () => {
    // Cyrillic region names (two-byte UTF-8), a BOM and CRLF line ends: none may change a cell or a line number.
    const cyrillic = largeCsv((lines) => {
      for (let i = 1; i < lines.length; i++) lines[i] = lines[i].replace(/^N1;/, 'Тверская область;');
    }).replace(/\n/g, '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(cyrillic)]);
    const asBytes = await inspectAll([fixture('regions.geojson'), new File([bytes], 'large.csv', { lastModified: 1 })]);
    const asText = await inspectAll([fixture('regions.geojson'), new File([bytes], 'large.csv', { lastModified: 1 })], { 'large.csv': { encoding: 'utf-8' } });
    const summary = asBytes.byName('large.csv');
    const input = asBytes.inputs.get(summary.key)!.parsed;
    expect(input.kind === 'table' && input.bytes !== undefined && input.text === undefined).toBe(true);
    expect(summary.encoding).toEqual({ used: 'utf-8', by: 'bom' });
    // The chosen encoding takes the text path: the reference.
    const reference = asText.inputs.get(asText.byName('large.csv').key)!.parsed;
    expect(reference.kind === 'table' && reference.text !== undefined).toBe(true);
    expect(summary.table).toEqual(asText.byName('large.csv').table);
    expect(summary.table!.preview[0][0]).toBe('Тверская область');

    const build = (set: typeof asBytes) => buildImport(set.inputs, choices(set.byName('regions.geojson'), set.byName('large.csv'), { table: defaultTableChoice(set.byName('large.csv')) }));
    const fromBytes = build(asBytes);
    const fromText = build(asText);
    expect(fromBytes.reports[0]).toEqual(fromText.reports[0]);
    expect(fromBytes.cube).toEqual(fromText.cube);
    expect(fromBytes.join.notOnMap.map((m) => m.dataId)).toContain('Тверская область');
  });

  it('decodes the text of a large file that is not plain UTF-8 as it is (lone CR line ends here), with the same line numbers', async () => {
    const lonelyCr = largeCsv((lines) => lines.splice(200_000, 1, 'N1;cat0;1950;many;1')).replace(/\n/g, '\r');
    const { inputs, byName } = await inspectLarge(lonelyCr);
    const summary = byName('large.csv');
    const input = inputs.get(summary.key)!.parsed;
    expect(input.kind === 'table' && input.text !== undefined && input.bytes === undefined).toBe(true);
    const built = failure(() => buildImport(inputs, choices(byName('regions.geojson'), summary, { table: defaultTableChoice(summary) })));
    expect(built.location).toEqual({ file: 'large.csv', line: 200_001, column: 'employment' });
  });
});
