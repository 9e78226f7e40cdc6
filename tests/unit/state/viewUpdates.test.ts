import { describe, expect, it } from 'vitest';
import { keptAcrossDatasets, needsCompute, viewFromLink, withChange, withViewport } from '../../../src/state/viewUpdates';
import { initialView, type View } from '../../../src/state/store';
import { DEFAULT_RULE } from '../../../src/model/dataset';
import type { LoadedDataset } from '../../../src/engine/types';

function dataset(categories: string[], years: number[], regions = ['A', 'B']): LoadedDataset {
  return {
    manifest: { format: 'cluster-atlas-dataset', version: 1, id: 'x', title: 'X', attribution: 'A', regions: { file: 'r', id: 'id', name: 'name' }, employment: { file: 'e', layout: 'long' } },
    regionsUrl: '',
    regions: regions.map((id) => ({ id, name: id })),
    categories: categories.map((id) => ({ id, name: id })),
    years,
    hasEstablishments: false,
    join: { mapFeatures: regions.length, matched: regions.length, regionsWithoutData: [], dataRegionsNotOnMap: [] },
    reports: [],
  };
}

const eu = dataset(['agri', 'tech', 'tourism'], [2019, 2020, 2021]);
const start: View = { ...initialView(eu, { cat: 'tech', year: 2020, ind: 'stars' }, []), lang: 'en' };

describe('view updaters', () => {
  it('lay a control change over the view without touching the rest', () => {
    const next = withChange(start, { cat: 'tourism' });
    expect(next).toEqual({ ...start, cat: 'tourism' });
    expect(start.cat).toBe('tech');
    expect(withViewport(start, { lng: 1, lat: 2, zoom: 3 }).viewport).toEqual({ lng: 1, lat: 2, zoom: 3 });
  });

  it('compute again only when the year or the rule changed', () => {
    const computed = { yearIndex: 1, result: { rule: DEFAULT_RULE } };
    expect(needsCompute(computed, eu, start)).toBe(false);
    expect(needsCompute(computed, eu, withChange(start, { cat: 'agri', mode: 'lisa', ind: 'lq' }))).toBe(false);
    expect(needsCompute(computed, eu, withChange(start, { year: 2021 }))).toBe(true);
    expect(needsCompute(computed, eu, withChange(start, { rule: { ...DEFAULT_RULE, cutShare: 0.2 } }))).toBe(true);
  });

  it('keep the category and year across a dataset switch when the new one has them', () => {
    const rule = { ...DEFAULT_RULE, kind: 'cmp' as const };
    const previous = withChange(start, { rule });
    expect(keptAcrossDatasets(previous, dataset(['tech', 'mining'], [2020, 2022]))).toEqual({ ind: 'stars', rule, cat: 'tech', year: 2020 });
    expect(keptAcrossDatasets(previous, dataset(['mining'], [2022]))).toEqual({ ind: 'stars', rule, cat: undefined, year: undefined });
    expect(keptAcrossDatasets(undefined, eu)).toEqual({ ind: undefined, rule: undefined, cat: undefined, year: undefined });
    // The circles and hidden names stay as they were.
    const overlaid = keptAcrossDatasets({ ...previous, symbols: true, labels: false }, dataset(['mining'], [2022]));
    expect(overlaid.symbols).toBe(true);
    expect(overlaid.labels).toBe(false);
    expect('symbols' in keptAcrossDatasets(previous, eu)).toBe(false);
  });

  it('follow a link: its keys win, unknown ones are noticed, a pinned region is released unless the link names one', () => {
    const pinned = withChange(start, { region: 'A' });
    const notices: string[] = [];
    const followed = viewFromLink(eu, pinned, { year: 2019 }, 'ru', notices);
    expect(followed).toMatchObject({ cat: 'tech', year: 2019, ind: 'stars', lang: 'ru', region: undefined });
    expect(notices).toEqual([]);
    expect(viewFromLink(eu, pinned, { region: 'B' }, 'en', notices).region).toBe('B');
    const unknown = viewFromLink(eu, start, { cat: 'nope', year: 1999 }, 'en', notices);
    expect(unknown).toMatchObject({ cat: 'agri', year: 2021 });
    expect(notices).toHaveLength(2);
  });
});
