import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectInputKind } from '../../../src/io/inputKind';
import { parseDelimited } from '../../../src/io/delimited';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url)));

describe('detectInputKind', () => {
  it('tells the readers apart by content, not by extension', () => {
    expect(detectInputKind('regions.json', fixture('regions.geojson'))).toBe('geojson');
    expect(detectInputKind('x.json', '\ufeff {"arcs": [], "type": "Topology", "objects": {}}')).toBe('topojson');
    expect(detectInputKind('boundaries', fixture('regions-laea.zip'))).toBe('shapefile-zip');
    expect(detectInputKind('data.txt', fixture('lfs-small.tsv'))).toBe('eurostat-tsv');
    expect(detectInputKind('rosstat.json', '{"Москва": {"A": {"ЧИСЛ": 1}}}')).toBe('nested-json');
    expect(detectInputKind('cbp.csv', fixture('cbp-small.csv'))).toBe('delimited');
    expect(detectInputKind('t.tsv', 'region\tcategory\temployment\nA\tx\t1\n')).toBe('delimited');
  });

  it('refuses loose shapefile parts and spreadsheets it cannot read with what to do instead', () => {
    expect(() => detectInputKind('counties.shp', new Uint8Array([0, 0, 39, 10]))).toThrow('counties.shp: a shapefile is several files (.shp, .dbf, .prj …); put them in one .zip and open that');
    expect(detectInputKind('data.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
    expect(() => detectInputKind('data.ods', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toThrow(/save the sheet as \.xlsx or CSV/);
    expect(() => detectInputKind('data.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/Excel 97–2003 workbook \(\.xls\).*save it as \.xlsx or CSV/);
  });
});

describe('parseDelimited progress', () => {
  it('reports progress on a large file and ends at 1', () => {
    const text = 'region,category,employment\n' + Array.from({ length: 120_000 }, (_, i) => `R${i},c${i % 7},${i}`).join('\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const seen: number[] = [];
    const t = parseDelimited(text, 'big.csv', { onProgress: (f) => seen.push(f) });
    expect(t.rows).toHaveLength(120_000);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.length).toBeLessThan(110);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
  });
});
