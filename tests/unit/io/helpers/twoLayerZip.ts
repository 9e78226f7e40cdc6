import { zipSync } from 'fflate';
import { cp1251, dbf, polygonShp, square, utf8 } from './shapefileFiles';

/**
 * A zip as a planner receives it from an older Russian GIS export: two layers, the first (five
 * districts, UTF-8 with a .cpg) read by default as the one with the most polygons; the second,
 * "regions_ru", four regions in a 2 × 2 grid whose .dbf is Windows-1251 with no .cpg and the
 * code page byte 0x57 ("ANSI", which says Windows-1252): read as the file claims, its names are
 * garbled; read as Windows-1251, they are right. Written with fflate from the format specifications.
 */
export const RU_NAMES = ['Москва', 'Тверская область', 'Ёлкино', 'Псков'];
/** The same names as Windows-1251 bytes read as Windows-1252. */
export const RU_GARBLED = RU_NAMES.map((n) => new TextDecoder('windows-1252').decode(cp1251(n)));
export const RU_CODES = ['RU77', 'RU69', 'RU50', 'RU60'];

export function twoLayerZip(): Uint8Array {
  const districts = ['D1', 'D2', 'D3', 'D4', 'D5'];
  return zipSync({
    'export/districts.shp': polygonShp(districts.map((_, i) => [square(i, 5, i + 1, 6)])),
    'export/districts.dbf': dbf(['code', 'name'], districts.map((d) => [d, `District ${d}`]), utf8),
    'export/districts.cpg': utf8('UTF-8'),
    'export/regions_ru.shp': polygonShp(RU_NAMES.map((_, i) => [square(i % 2, Math.floor(i / 2), (i % 2) + 1, Math.floor(i / 2) + 1)])),
    'export/regions_ru.dbf': dbf(['code', 'name'], RU_NAMES.map((n, i) => [RU_CODES[i], n]), cp1251, 0x57),
  });
}
