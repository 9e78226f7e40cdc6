/**
 * The per-cell indicator table as rows, for the CLI's CSV and the app's export: the column
 * names are a stable contract (issue 3). Numbers stay numbers; undefined values are NaN and are
 * written as empty cells by the CSV writer, stars and strong flags of unreported cells included.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../model/dataset';
import { focusAt, lqAt, sizeAt, starCountAt, strong10At, strongAt } from './cellValues';
import type { IndicatorResult } from './types';

export const INDICATOR_COLUMNS = [
  'region',
  'category',
  'year',
  'employment',
  'lq',
  'region_share',
  'category_share',
  'size_star',
  'specialization_star',
  'focus_star',
  'stars',
] as const;

export const STRONG_COLUMNS = ['strong', 'strong10'] as const;

export type IndicatorRow = (string | number)[];

export function indicatorColumns(result: IndicatorResult): string[] {
  return result.cmp ? [...INDICATOR_COLUMNS, ...STRONG_COLUMNS] : [...INDICATOR_COLUMNS];
}

/**
 * One row per region × category, region-major (the matrix order). `year` is written as given
 * (an empty string for tables without years).
 */
export function* indicatorRows(
  regionIds: readonly string[],
  categoryIds: readonly string[],
  year: number | string,
  employment: Float64Array,
  result: IndicatorResult,
): Generator<IndicatorRow> {
  const nC = result.nCategories;
  const { stars, cmp } = result;
  for (let r = 0; r < result.nRegions; r++) {
    for (let c = 0; c < nC; c++) {
      const i = r * nC + c;
      const row: IndicatorRow = [regionIds[r], categoryIds[c], year, employment[i], lqAt(result, i), focusAt(result, i), sizeAt(result, i)];
      if (Number.isNaN(employment[i])) {
        // Not reported: no star is earned, but "0 stars" would read as a measured absence.
        row.push(NaN, NaN, NaN, NaN);
        if (cmp) row.push(NaN, NaN);
      } else {
        const s = stars[i];
        row.push(s & STAR_SIZE ? 1 : 0, s & STAR_SPECIALISATION ? 1 : 0, s & STAR_FOCUS ? 1 : 0, starCountAt(result, i));
        if (cmp) row.push(strongAt(result, i), strong10At(result, i));
      }
      yield row;
    }
  }
}
