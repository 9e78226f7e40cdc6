import { createStore } from 'zustand/vanilla';
import { countryChoices } from '../indicators/benchmarkChoice';
import { DEFAULT_RULE, type IndicatorId, type StarRule } from '../model/dataset';
import type { ComputedView, LoadedDataset } from '../engine/types';
import { t, type Lang } from '../i18n/i18n';

export type Status = 'loading' | 'computing' | 'drawing' | 'ready' | 'error';

/**
 * How the map is shaded. `choropleth` shows `ind` (including the categorical stars); the others
 * are spatial statistics of the selected category (of `ind`'s values) or change between years.
 */
export const MAP_MODES = ['choropleth', 'lisa', 'gistar', 'change'] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** Change between `baseYear` and `year`: absolute employment, CAGR, LQ change, stars gained/lost, life-cycle stage. */
export const CHANGE_MEASURES = ['abs', 'cagr', 'lq', 'stars', 'stage'] as const;
export type ChangeMeasure = (typeof CHANGE_MEASURES)[number];

/** `auto`: the LQ in its fixed classes (map/classify.ts LQ_BREAKS), other values in quantiles. */
export const CLASS_METHODS = ['auto', 'quantile', 'equal', 'ckmeans', 'manual'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];

export interface Classification {
  method: ClassMethod;
  /** Number of classes (ignored for categorical modes). */
  classes: number;
  /** d3-scale-chromatic scheme name, e.g. "Blues", "RdBu". */
  palette: string;
  /** Class boundaries for `manual`. */
  thresholds?: number[];
  /**
   * Breaks across years: `all` one set from every year's values, `year` each year its own;
   * absent, held while the timeline plays and per year otherwise (map/modes.ts breaksHeld).
   */
  hold?: BreaksHold;
}

export const BREAKS_HOLD = ['all', 'year'] as const;
export type BreaksHold = (typeof BREAKS_HOLD)[number];

export const DEFAULT_CLASSIFICATION: Classification = { method: 'auto', classes: 5, palette: 'Blues' };

/** What the user is looking at: everything a shared link restores. */
export interface View {
  cat: string;
  ind: IndicatorId;
  mode: MapMode;
  year: number;
  /** The earlier year of a change map. */
  baseYear?: number;
  change: ChangeMeasure;
  rule: StarRule;
  classification: Classification;
  /** Pinned region id. */
  region?: string;
  /** Map camera; absent: fit the dataset. */
  viewport?: { lng: number; lat: number; zoom: number };
  lang?: Lang;
  /** Circles sized by the category's employment over the map (absent: none). */
  symbols?: true;
  /** Names of the larger places on the map: shown unless false. */
  labels?: false;
}

export interface AtlasState {
  status: Status;
  progress?: { stage: string; fraction: number };
  error?: string;
  notices: string[];
  dataset?: LoadedDataset;
  view?: View;
  computed?: ComputedView;
}

export const createAtlasStore = () =>
  createStore<AtlasState>(() => ({ status: 'loading', notices: [] }));

export type AtlasStore = ReturnType<typeof createAtlasStore>;

/** The first view of a dataset: a shared link's choices where valid, else the dataset's default. */
export function initialView(dataset: LoadedDataset, wanted: Partial<View>, notices: string[]): View {
  const { categories, years } = dataset;
  const defaults = dataset.manifest.defaultView ?? {};
  const pickCategory = (id: string | undefined) => (id !== undefined && categories.some((c) => c.id === id) ? id : undefined);
  const pickYear = (y: number | undefined) => (y !== undefined && years.includes(y) ? y : undefined);
  if (wanted.cat !== undefined && !pickCategory(wanted.cat)) notices.push(t('notice.unknownCategory'));
  if (wanted.year !== undefined && !pickYear(wanted.year)) notices.push(t('notice.unknownYear', { year: wanted.year }));
  if (wanted.baseYear !== undefined && !pickYear(wanted.baseYear)) notices.push(t('link.unknownBaseYear', { year: wanted.baseYear }));
  if (wanted.region !== undefined && !dataset.regions.some((r) => r.id === wanted.region)) notices.push(t('link.unknownRegion'));
  return {
    cat: pickCategory(wanted.cat) ?? pickCategory(defaults.cat) ?? categories[0].id,
    ind: wanted.ind ?? defaults.ind ?? 'lq',
    year: pickYear(wanted.year) ?? pickYear(defaults.year) ?? years[years.length - 1],
    mode: wanted.mode ?? 'choropleth',
    change: wanted.change ?? 'abs',
    baseYear: pickYear(wanted.baseYear),
    rule: wanted.rule ? knownBenchmark(wanted.rule, dataset, notices) : datasetRule(dataset),
    classification: wanted.classification ?? DEFAULT_CLASSIFICATION,
    viewport: wanted.viewport,
    ...(wanted.symbols ? { symbols: true as const } : {}),
    ...(wanted.labels === false ? { labels: false as const } : {}),
    region: wanted.region !== undefined && dataset.regions.some((r) => r.id === wanted.region) ? wanted.region : undefined,
  };
}

/** The default rule with the dataset's own minimum cell size, when its manifest sets one. */
export function datasetRule(dataset: LoadedDataset): StarRule {
  const min = dataset.manifest.minSize;
  if (!min || !(min.employment || min.establishments)) return DEFAULT_RULE;
  return {
    ...DEFAULT_RULE,
    ...(min.employment ? { minEmployment: min.employment } : {}),
    ...(min.establishments ? { minEstablishments: min.establishments } : {}),
  };
}

/** A link's benchmark kept only when the dataset has it (a country of its regions, or its total row). */
function knownBenchmark(rule: StarRule, dataset: LoadedDataset, notices: string[]): StarRule {
  const b = rule.benchmark;
  if (b === undefined || b === 'regions') return rule;
  const ok = b === 'row' ? dataset.manifest.benchmark !== undefined : countryChoices(dataset.regions.map((r) => r.id)).includes(b);
  if (ok) return rule;
  notices.push(t('data.notice.unknownBenchmark', { benchmark: b }));
  const { benchmark: _dropped, ...rest } = rule;
  return rest;
}
