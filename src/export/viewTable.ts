/**
 * The current view as a table, one row per region: what the CSV and GeoJSON exports hold.
 * Column names follow the CLI's indicator table (src/indicators/indicatorRows.ts), with the
 * region's name and, when the data has them, establishments. Numbers stay numbers (NaN: not
 * reported, written as an empty CSV cell or a JSON null).
 */
import type { Feature, FeatureCollection, GeoJsonProperties } from 'geojson';
import type { Category, Region } from '../model/dataset';
import type { ComputedView } from '../engine/types';
import { cellDetails } from '../engine/cellDetails';
import { csvText } from '../io/csvText';
import { INDICATOR_COLUMNS, STRONG_COLUMNS } from '../indicators/indicatorRows';
import { DEFAULT_EMPLOYMENT_UNIT } from '../io/units';

export type Cell = string | number;

export interface ViewTable {
  columns: string[];
  /** In the dataset's region order. */
  rows: Cell[][];
}

/** Values a map mode adds for the selected category (e.g. a LISA quadrant), one per region. */
export interface ExtraColumn {
  name: string;
  values: ArrayLike<Cell>;
}

export interface ViewTableInput {
  regions: readonly Region[];
  categories: readonly Category[];
  computed: ComputedView;
  cat: string;
  year: number | string;
  extra?: ExtraColumn[];
  /** What employment counts (e.g. "persons", "thousand persons"); default persons. */
  employmentUnit?: string;
}

/** The units the table's numbers are in: LQ is a ratio of shares, the shares are fractions of 1. */
export const UNIT_COLUMNS = ['employment_unit', 'lq_unit', 'share_unit'] as const;
export const LQ_UNIT = 'ratio of shares (1 = benchmark)';
export const SHARE_UNIT = 'fraction (0-1)';

export function viewTable({ regions, categories, computed, cat, year, extra = [], employmentUnit = DEFAULT_EMPLOYMENT_UNIT }: ViewTableInput): ViewTable {
  const c = categories.findIndex((category) => category.id === cat);
  if (c < 0) throw new Error(`category "${cat}" is not in the dataset`);
  if (computed.result.nRegions !== regions.length) throw new Error(`computed values cover ${computed.result.nRegions} regions, the dataset has ${regions.length}`);
  for (const column of extra) {
    if (column.values.length !== regions.length) throw new Error(`column "${column.name}" has ${column.values.length} values for ${regions.length} regions`);
  }
  const withEstablishments = computed.establishments !== undefined;
  const withStrong = computed.result.cmp !== undefined;
  const columns = [
    ...INDICATOR_COLUMNS.flatMap((column) =>
      column === 'region' ? ['region', 'name'] : column === 'employment' && withEstablishments ? ['employment', 'establishments'] : [column],
    ),
    ...(withStrong ? STRONG_COLUMNS : []),
    'category_name',
    ...UNIT_COLUMNS,
    ...extra.map((column) => column.name),
  ];
  const flag = (b: boolean | undefined) => (b ? 1 : 0);
  const rows = regions.map((region, r) => {
    const d = cellDetails(computed, r, c);
    const reported = !Number.isNaN(d.employment);
    const row: Cell[] = [region.id, region.name, cat, year, d.employment];
    if (withEstablishments) row.push(d.establishments ?? NaN);
    row.push(d.lq, d.focus, d.size);
    // An unreported cell earns no star, but "0 stars" would read as a measured absence.
    if (reported) row.push(flag(d.sizeStar), flag(d.specialisationStar), flag(d.focusStar), d.starCount);
    else row.push(NaN, NaN, NaN, NaN);
    if (withStrong) row.push(reported ? flag(d.strong) : NaN, reported ? flag(d.strong10) : NaN);
    row.push(categories[c].name, employmentUnit, LQ_UNIT, SHARE_UNIT);
    for (const column of extra) row.push(column.values[r]);
    return row;
  });
  return { columns, rows };
}

export function viewTableCsv(table: ViewTable): string {
  return csvText(table.columns, table.rows);
}

export interface JoinedFeatures {
  collection: FeatureCollection;
  /** Features whose id has a row. */
  matched: number;
  /** Features of the map with no row in the table (kept, with null values). */
  withoutRow: number;
}

/**
 * The boundaries with the table's values as properties, in the map's feature order; each
 * feature keeps its geometry and id, and its properties become exactly the table's columns.
 */
export function attachTable(
  boundaries: FeatureCollection,
  keys: { idProperty: string; nameProperty?: string },
  table: ViewTable,
  meta: Record<string, unknown> = {},
): JoinedFeatures {
  const { idProperty, nameProperty = 'name' } = keys;
  if (boundaries?.type !== 'FeatureCollection' || !Array.isArray(boundaries.features)) throw new Error('the regions file is not a GeoJSON FeatureCollection');
  const byId = new Map(table.rows.map((row) => [String(row[0]), row]));
  let matched = 0;
  const features = boundaries.features.map((feature, index): Feature => {
    const raw = feature.properties?.[idProperty] ?? feature.id;
    if (raw === undefined || raw === null) throw new Error(`feature ${index} has no "${idProperty}" property`);
    const id = String(raw);
    const row = byId.get(id);
    if (row) matched++;
    const properties: GeoJsonProperties = {};
    table.columns.forEach((column, i) => {
      const value = row ? row[i] : undefined;
      properties[column] = typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null);
    });
    properties.region = id;
    if (!row && feature.properties?.[nameProperty] !== undefined) properties.name = String(feature.properties[nameProperty]);
    return { type: 'Feature', id: feature.id ?? id, geometry: feature.geometry, properties };
  });
  return { collection: { type: 'FeatureCollection', ...meta, features } as FeatureCollection, matched, withoutRow: features.length - matched };
}

/** What the export needs of the drawn map layer (see src/map/modes.ts `Layer`). */
export interface DrawnLayer {
  values: ArrayLike<number>;
  classes: { labels: string[]; classOf(value: number): number };
  /** True for continuous values (a number per region), false for categories (LISA quadrants, stars). */
  classified: boolean;
}

/**
 * Columns for what a map mode other than the indicator choropleth shows: the value when it is a
 * number (Gi* z, a change), and the legend class each region falls in (e.g. "High–High").
 */
export function layerColumns(mode: string, change: string, layer: DrawnLayer | undefined): ExtraColumn[] {
  if (!layer || mode === 'choropleth') return [];
  const name = mode === 'change' ? `change_${change}` : mode;
  const classOf = (v: number) => (Number.isNaN(v) ? '' : (layer.classes.labels[layer.classes.classOf(v)] ?? ''));
  const classes = Array.from(layer.values, classOf);
  return layer.classified ? [{ name: `${name}_value`, values: layer.values }, { name: `${name}_class`, values: classes }] : [{ name: `${name}_class`, values: classes }];
}
