import { createStore } from 'zustand/vanilla';
import { DEFAULT_RULE, type IndicatorId, type StarRule } from '../model/dataset';
import type { ComputedView, LoadedDataset } from '../worker/protocol';
import { t, type Lang } from '../i18n/i18n';

export type Status = 'loading' | 'computing' | 'drawing' | 'ready' | 'error';

/** What the user is looking at: everything a shared link restores. */
export interface View {
  cat: string;
  ind: IndicatorId;
  year: number;
  rule: StarRule;
  /** Pinned region id. */
  region?: string;
  lang?: Lang;
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
  return {
    cat: pickCategory(wanted.cat) ?? pickCategory(defaults.cat) ?? categories[0].id,
    ind: wanted.ind ?? defaults.ind ?? 'lq',
    year: pickYear(wanted.year) ?? pickYear(defaults.year) ?? years[years.length - 1],
    rule: wanted.rule ?? DEFAULT_RULE,
    region: wanted.region !== undefined && dataset.regions.some((r) => r.id === wanted.region) ? wanted.region : undefined,
  };
}
