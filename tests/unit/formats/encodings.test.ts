import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveSharedData, sharedDataPath } from '../../shared-data';
import { decodeText, guessSingleByte } from '../../../src/io/textDecoding';
import { detectInputKind } from '../../../src/io/inputKind';
import { inspectFile } from '../../../src/engine/import/inspectFile';
import { employmentCube, type NamedInput } from '../../../src/engine/import/buildImport';
import type { ImportChoices, ReadOptions } from '../../../src/engine/import/importTypes';
import { encodeSingleByte, encodeUtf16, fileOf, xlsxBytes } from './writeFixtures';

const CSV = [
  'регион;отрасль;занятые;год',
  'Москва;Обрабатывающие производства;1200,5;2015',
  'Санкт-Петербург;Строительство;300;2015',
  'Тверская область;Обрабатывающие производства;45;2015',
  'Республика Саха (Якутия);Добыча полезных ископаемых;61,2;2015',
  '',
].join('\r\n');

const choices: ImportChoices = {
  boundaries: { key: '' },
  employment: { key: '', table: { layout: 'long', region: 'регион', category: 'отрасль', employment: 'занятые', year: 'год' } },
  join: { by: 'auto', aliases: true, manual: [] },
};

async function cubeOf(bytes: Uint8Array, name: string, options: ReadOptions = {}) {
  const { summary, parsed } = await inspectFile(fileOf(bytes, name), undefined, options);
  if (summary.error) throw new Error(summary.error.message);
  const input: NamedInput = { name, parsed: parsed! };
  return { summary, ...employmentCube(input, { ...choices, employment: { ...choices.employment, key: summary.key } }, {}, () => {}) };
}

const plain = () => cubeOf(new TextEncoder().encode(CSV), 'plain.csv');

describe('one decoder for every text file', () => {
  it.each([
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]), 'utf-8', 'bom'],
    ['Windows-1251', encodeSingleByte(CSV, 'windows-1251'), 'windows-1251', 'detected'],
    ['KOI8-R', encodeSingleByte(CSV, 'koi8-r'), 'koi8-r', 'detected'],
    ['UTF-16 LE with a BOM (Excel\'s "Unicode text")', encodeUtf16(CSV, 'le', true), 'utf-16le', 'bom'],
    ['UTF-16 BE with a BOM', encodeUtf16(CSV, 'be', true), 'utf-16be', 'bom'],
    ['UTF-16 LE without a BOM', encodeUtf16(CSV, 'le', false), 'utf-16le', 'detected'],
    ['UTF-16 BE without a BOM', encodeUtf16(CSV, 'be', false), 'utf-16be', 'detected'],
  ])('%s reads to the same cube as the UTF-8 file', async (_, bytes, encoding, by) => {
    const expected = await plain();
    const got = await cubeOf(bytes, 'data.csv');
    expect(got.summary.encoding).toEqual({ used: encoding, by });
    expect(got.cube).toEqual(expected.cube);
    expect(got.cube.regions.map((r) => r.id)).toContain('Республика Саха (Якутия)');
  });

  it('Windows-1251 is told from KOI8-R and Windows-1252 by how the letters read', () => {
    const names = 'Белгородская область\nЯмало-Ненецкий автономный округ\nРОССИЙСКАЯ ФЕДЕРАЦИЯ\nчисленность занятых, тыс. человек\n';
    expect(guessSingleByte(encodeSingleByte(names, 'windows-1251'))).toBe('windows-1251');
    expect(guessSingleByte(encodeSingleByte(names, 'koi8-r'))).toBe('koi8-r');
    expect(guessSingleByte(encodeSingleByte('Île-de-France;Région;Zürich;Óbuda\n', 'windows-1252'))).toBe('windows-1252');
    // Short all-capital words are where frequencies decide.
    expect(guessSingleByte(encodeSingleByte('ВСЕГО;ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА\n', 'koi8-r'))).toBe('koi8-r');
    expect(guessSingleByte(encodeSingleByte('ВСЕГО;ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА\n', 'windows-1251'))).toBe('windows-1251');
  });

  it('a chosen encoding overrides the guess', async () => {
    const bytes = encodeSingleByte(CSV, 'windows-1251');
    const got = await cubeOf(bytes, 'data.csv', { encoding: 'windows-1251' });
    expect(got.summary.encoding).toEqual({ used: 'windows-1251', by: 'chosen' });
    const koi = decodeText(bytes, 'data.csv', 'koi8-r');
    expect(koi.text).not.toContain('Москва');
  });

  it('a Windows-1251 JSON keeps all its regions apart', async () => {
    const json = JSON.stringify({ Москва: { A: 1, B: 2 }, Тверь: { A: 3, B: 4 }, Тула: { A: 5, B: 6 }, Томск: { A: 7, B: 8 } });
    const { summary, parsed } = await inspectFile(fileOf(encodeSingleByte(json, 'windows-1251'), 'ru.json'));
    expect(summary.encoding?.used).toBe('windows-1251');
    expect(summary.json?.regions).toBe(4);
    const { cube } = employmentCube({ name: 'ru.json', parsed: parsed! }, { ...choices, employment: { key: summary.key, year: 2015 } }, {}, () => {});
    expect(cube.regions.map((r) => r.id)).toEqual(['Москва', 'Тверь', 'Тула', 'Томск']);
  });
});

describe('files that do not decode cleanly say so, with the line', () => {
  it('bytes that are neither UTF-8 nor a plausible code page', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('region,category,employment\nA,x,1\nB,y,2\n'), 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x2c, 0x78, 0x2c, 0x33, 0x0a]);
    expect(() => decodeText(bytes, 'bad.csv')).toThrow('bad.csv, line 4: byte 0x81 at offset 39 is not valid UTF-8, and the text does not read as Windows-1251, KOI8-R or Windows-1252 either; choose the encoding it was saved in');
  });

  it('a replacement character left by an earlier conversion', () => {
    expect(() => decodeText(new TextEncoder().encode('region,employment\nA,1\nM\ufffd\ufffdsc,2\n'), 'lost.csv')).toThrow(/^lost\.csv, line 3: holds the replacement character U\+FFFD/);
  });

  it('UTF-16 with a broken surrogate names its line, never "expected 3 fields"', () => {
    const bytes = encodeUtf16('a,b,c\n1,2,3\n4,5,6\n', 'le', true);
    const broken = Uint8Array.from([...bytes, 0x00, 0xd8, 0x41, 0x00]);
    expect(() => decodeText(broken, 'u16.csv')).toThrow(/^u16\.csv, line 4: the file says it is UTF-16 LE but holds a broken surrogate pair/);
  });

  it('a UTF-16 table with a real error names the line in the decoded text', async () => {
    const { summary } = await inspectFile(fileOf(encodeUtf16('a\tb\tc\n1\t2\t3\n4\t5\n', 'le', true), 'u16.txt'));
    expect(summary.error?.message).toMatch(/^u16\.txt, line 3: expected 3 fields as in the header \(line 1\), found 2/);
  });

  it('CR-only line ends: errors name the right line', async () => {
    const { summary } = await inspectFile(fileOf('region,category,employment\rA,x,1\rB,y,2\rC,z\r', 'mac.csv'));
    expect(summary.error?.message).toMatch(/^mac\.csv, line 4: expected 3 fields/);
  });

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['a PDF document', [...new TextEncoder().encode('%PDF-1.7\n')]],
    ['an Excel 97–2003 workbook (.xls)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]],
  ])('%s renamed .csv is refused as binary, not parsed as CSV', async (what, bytes) => {
    const { summary } = await inspectFile(fileOf(Uint8Array.from(bytes), 'table.csv'));
    expect(summary.error?.message).toContain(`table.csv: this is ${what}`);
    expect(summary.error?.message).not.toMatch(/decimal comma|fields/);
  });

  it('binary with NUL bytes and no known signature is refused with its place', () => {
    expect(() => decodeText(Uint8Array.from([0x41, 0x2c, 0x42, 0x0a, 0x01, 0x00, 0x02, 0x03, 0x00, 0x00, 0xff, 0x00]), 'x.csv')).toThrow(/^x\.csv, line 2: a NUL byte at offset 5/);
  });

  it('an xlsx renamed .csv is recognised as a workbook and read as one', async () => {
    const bytes = xlsxBytes([{ name: 'Data', rows: [['region', 'category', 'employment'], ['A', 'x', 1]] }]);
    expect(detectInputKind('table.csv', bytes)).toBe('xlsx');
    const { summary } = await inspectFile(fileOf(bytes, 'table.csv'));
    expect(summary.error).toBeUndefined();
    expect(summary.kind).toBe('xlsx');
    expect(summary.table?.header).toEqual(['region', 'category', 'employment']);
  });
});

describe('the real Rosstat JSON saved in Windows-1251 and KOI8-R', () => {
  const path = 'ru/rosstat_okved1_employment_grp_85regions.json';
  it.skipIf(!haveSharedData(path))('reads to the same cube as the UTF-8 original, every region kept apart', async () => {
    const text = readFileSync(sharedDataPath(path), 'utf8');
    const cubeOfBytes = async (bytes: Uint8Array) => {
      const { summary, parsed } = await inspectFile(fileOf(bytes, 'rosstat.json'));
      if (summary.error) throw new Error(summary.error.message);
      return { summary, ...employmentCube({ name: 'rosstat.json', parsed: parsed! }, { ...choices, employment: { key: summary.key, json: { measure: 'ЧИСЛ' }, year: 2015 } }, {}, () => {}) };
    };
    const utf8 = await cubeOfBytes(new TextEncoder().encode(text));
    expect(utf8.cube.regions.length).toBe(85);
    for (const encoding of ['windows-1251', 'koi8-r'] as const) {
      const got = await cubeOfBytes(encodeSingleByte(text, encoding));
      expect(got.summary.encoding?.used).toBe(encoding);
      expect(got.cube).toEqual(utf8.cube);
    }
  });
});
