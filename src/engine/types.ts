/** The app's central types: what a loaded dataset is, what is asked of the engine and what it answers. */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Category, Region, StarRule } from '../model/dataset';
import type { DatasetManifest } from '../io/manifest';
import type { InsetFrame } from '../io/outlyingRegions';
import type { TableReport } from '../io/cubeBuilder';
import type { IndicatorResult } from '../indicators/types';
import type { RegionPlaces } from './regionPlaces';
import type { CategoryStats, WeightsSummary } from './analysisTypes';

/** How data regions met map features: nothing unmatched goes unreported. */
export interface JoinSummary {
  mapFeatures: number;
  matched: number;
  /** Map features with no data rows (drawn as "no data"). */
  regionsWithoutData: string[];
  /** Data regions with no feature on the map (computed, not drawn). */
  dataRegionsNotOnMap: string[];
}

export interface LoadedDataset {
  manifest: DatasetManifest;
  /** Absolute URLs, resolved against the manifest's location. */
  regionsUrl: string;
  /** The boundaries for the map when the file at regionsUrl cannot be drawn as it is (ids to trim: mapBoundaries.normalisedForMap). */
  regionsData?: FeatureCollection<Polygon | MultiPolygon>;
  outlinesUrl?: string;
  /** West, south, east, north of the first view: the mainland, without the regions drawn in insets. */
  bounds?: [number, number, number, number];
  /** Outlying regions (Alaska, Hawaii, the EU's outermost regions) drawn in inset frames beside the main view. */
  insets?: InsetFrame[];
  regions: Region[];
  categories: Category[];
  years: number[];
  hasEstablishments: boolean;
  join: JoinSummary;
  reports: TableReport[];
  /** Per year: the source's flags on single values (Eurostat b, u, e …), by cell index as in the cube; imported data only. */
  flags?: Map<number, string>[];
  /** Label points and bounding boxes of the map's regions (keyboard navigation, fly to a region). */
  places?: RegionPlaces;
  /** Queen contiguity of the map's regions, built at load; absent with `weightsError` when it could not be. */
  weights?: WeightsSummary;
  weightsError?: string;
}

/** Which year (by index into `years`) and rule to compute. */
export interface ComputeRequest {
  yearIndex: number;
  rule: StarRule;
  /**
   * false: leave out the per-category statistics (concentration, Moran's I of every category), for a
   * `categoryStats` request of their own — the map needs neither, so the page asks for them while
   * the map draws instead of before. Default true.
   */
  categoryStats?: boolean;
}

export interface ComputedView {
  yearIndex: number;
  /** The year's employment, region-major (the main thread keeps no copy of the whole cube). */
  employment: Float64Array;
  establishments?: Float64Array;
  result: IndicatorResult;
  /** Per category: concentration indices and global Moran's I of LQ. */
  categoryStats?: CategoryStats;
  computeMs: number;
}

