import { describe, expect, it } from 'vitest';
import { buildLayer, giBand, GI_BOUNDS, layerValue, LISA_COLOURS, type LayerInput, type LayerView } from '../../../src/map/modes';
import { changeBaseYear } from '../../../src/map/layerSource';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { indicatorChange } from '../../../src/indicators/change';
import { DEFAULT_RULE, type StarRule } from '../../../src/model/dataset';
import { DEFAULT_CLASSIFICATION } from '../../../src/state/store';
import { LQ_BREAKS } from '../../../src/map/classify';
import type { ComputedView } from '../../../src/engine/types';
import type { SpatialView } from '../../../src/engine/analysisTypes';
import { NOT_ANALYSED } from '../../../src/engine/spatialColumn';
import { table } from '../indicators/helpers';
import { starCountAt, strong10At, strongAt } from '../../../src/indicators/cellValues';

// Five regions, two categories; region 4 does not report category 0.
const rows2010 = [[10, 90], [40, 60], [5, 95], [0, 50], [null, 30]];
const rows2015 = [[30, 90], [40, 40], [5, 95], [20, 50], [null, 30]];

function computed(rows: (number | null)[][], rule: StarRule = DEFAULT_RULE): ComputedView {
  const input = { ...table(rows), establishments: Float64Array.from(rows.flat(), (v) => (v === null ? NaN : 3)) };
  return { yearIndex: 0, employment: input.employment, establishments: input.establishments, result: computeIndicators(input, rule), computeMs: 0 };
}

const view = (v: Partial<LayerView>): LayerView => ({
  mode: 'choropleth',
  ind: 'lq',
  year: 2015,
  change: 'abs',
  classification: DEFAULT_CLASSIFICATION,
  rule: DEFAULT_RULE,
  ...v,
});
const input = (v: Partial<LayerView>, extra: Partial<LayerInput> = {}): LayerInput => ({
  view: view(v),
  categoryIndex: 0,
  categoryName: 'Cat A',
  computed: computed(rows2015),
  lang: 'en',
  ...extra,
});

describe('choropleth layers', () => {
  it('shades LQ by default in the fixed classes at 0.5, 0.8, 1.25, 2, 3', () => {
    const layer = buildLayer(input({ ind: 'lq' }));
    expect(layer.classes.breaks).toEqual(LQ_BREAKS);
    expect(layer.classes.labels).toEqual(['< 0.50', '0.50 – 0.80', '0.80 – 1.25', '1.25 – 2.00', '2.00 – 3.00', '≥ 3.00']);
    expect(layer.classes.noData).toBe(1);
    // Other continuous values: quantiles under the same default.
    expect(buildLayer(input({ ind: 'employment' })).classes.breaks).not.toEqual(LQ_BREAKS);
  });

  it('shades LQ on a diverging scale centred at 1 and keeps unreported cells as no data', () => {
    const layer = buildLayer(input({ ind: 'lq', classification: { method: 'quantile', classes: 5, palette: 'RdBu' } }));
    const lq = layer.values;
    expect(lq[4]).toBeNaN();
    expect(layer.classes.noData).toBe(1);
    expect(layer.classes.breaks).toContain(1);
    // Every region below 1 is in a class before every region at or above 1.
    const below = [...lq].filter((v) => v < 1).map((v) => layer.classes.classOf(v));
    const above = [...lq].filter((v) => v >= 1).map((v) => layer.classes.classOf(v));
    expect(Math.max(...below)).toBeLessThan(Math.min(...above));
    expect(layer.classified).toBe(true);
    expect(layer.title).toBe('Location quotient — Cat A, 2015');
    expect(layer.format(1.234)).toBe('1.23');
  });

  it('shows stars as four categories, and strong clusters under the cmp rule', () => {
    const stars = buildLayer(input({ ind: 'stars' }));
    expect(stars.classes.labels).toEqual(['no star', '★', '★★', '★★★']);
    expect(stars.classified).toBe(false);
    const rule: StarRule = { kind: 'cmp', cutShare: 0.1, lqThreshold: 2 };
    const cmp = computed(rows2015, rule);
    const strong = buildLayer(input({ ind: 'stars', rule }, { computed: cmp }));
    expect(strong.classes.labels).toEqual(['not a strong cluster', 'strong cluster', 'strong cluster (top 10%)']);
    const expected = [0, 1, 2, 3].map((r) => (strong10At(cmp.result, r * 2) ? 2 : strongAt(cmp.result, r * 2) ? 1 : 0));
    expect([...strong.values].slice(0, 4)).toEqual(expected);
    expect(strong.values[4]).toBeNaN();
  });
});

describe('spatial layers', () => {
  const spatial = (quadrant: number[], z: number[]): SpatialView => ({
    request: { yearIndex: 0, rule: DEFAULT_RULE, categoryIndex: 0, indicator: 'lq', lisa: true, permutations: 999, seed: 1, alpha: 0.05 },
    values: new Float64Array(quadrant.length),
    localI: new Float64Array(quadrant.length),
    pseudoP: new Float64Array(quadrant.length),
    quadrant: Uint8Array.from(quadrant),
    giStarZ: Float64Array.from(z),
    moran: { I: 0.4321, expectation: -0.25, variance: 0.01, z: 6.8, p: 0.0000001, pGreater: 0, n: 4, regions: 5 },
    analysed: 4,
    islands: 1,
    constant: false,
    ms: 12,
  });

  it('orders LISA classes HH, LL, LH, HL, not significant in GeoDa colours', () => {
    // QUADRANTS codes: 0 ns, 1 HH, 2 LL, 3 HL, 4 LH.
    const layer = buildLayer(input({ mode: 'lisa' }, { spatial: spatial([1, 1, 2, 4, NOT_ANALYSED], [0, 0, 0, 0, NaN]) }));
    expect(layer.classes.labels).toEqual(['High–high cluster', 'Low–low cluster', 'Low–high outlier', 'High–low outlier', 'Not significant']);
    expect(layer.classes.colours).toEqual(LISA_COLOURS);
    expect(layer.classes.counts).toEqual([2, 1, 1, 0, 0]);
    expect(layer.classes.noData).toBe(1);
    expect(layer.format(layer.values[3])).toBe('Low–high outlier');
    expect(layerValue(layer, 0)).toEqual({ label: 'LISA clusters (Location quotient)', value: 'High–high cluster' });
    expect(layer.notes[0]).toBe('Global Moran’s I: I = 0.432, z = 6.800, p < 0.001');
    expect(layer.notes).toContain('1 region has no neighbour with data');
  });

  it('bands Gi* z-scores at ±1.645, ±1.96 and ±2.576, boundaries included on the significant side', () => {
    expect(GI_BOUNDS.map(giBand)).toEqual([0, 1, 2, 4, 5, 6]);
    expect([-3, -2, -1.7, 0, 1.6449, 1.7, 2, 3].map(giBand)).toEqual([0, 1, 2, 3, 3, 4, 5, 6]);
    const layer = buildLayer(input({ mode: 'gistar' }, { spatial: spatial([0, 0, 0, 0, NOT_ANALYSED], [-3, 0.2, 1.96, 2.6, NaN]) }));
    expect(layer.classes.counts).toEqual([1, 0, 0, 1, 0, 1, 1]);
    expect(layer.classes.noData).toBe(1);
    expect(layer.classes.labels[3]).toBe('Not significant');
    expect(layerValue(layer, 0)).toEqual({ label: 'Gi* (Location quotient)', value: 'Cold spot, 99 % (z ≤ −2.58), z = -3.00' });
    expect(layerValue(layer, 4)!.value).toBe('—');
  });
});

describe('change layers', () => {
  const before = computed(rows2010);
  const after = computed(rows2015);
  const change = indicatorChange({ year: 2010, employment: before.employment, result: before.result }, { year: 2015, employment: after.employment, result: after.result });

  it('classifies absolute change centred at zero, with a neutral class for no change', () => {
    const layer = buildLayer(input({ mode: 'change', change: 'abs', classification: { method: 'equal', classes: 3, palette: 'RdBu' } }, { change: { fromYear: 2010, change } }));
    expect([...layer.values]).toEqual([20, 0, 0, 20, NaN]);
    expect(layer.classes.labels).toContain('0');
    expect(layer.classes.counts[layer.classes.labels.indexOf('0')]).toBe(2);
    expect(layer.title).toBe('Employment change, 2010–2015 — Cat A');
    expect(layer.format(20)).toBe('+20');
    expect(layerValue(layer, 0)).toEqual({ label: 'Employment change, 2010–2015', value: '+20' });
    // The indicator maps leave the tooltip's own rows to say it.
    expect(layerValue(buildLayer(input({ ind: 'lq' })), 0)).toBeUndefined();
  });

  it('counts net stars gained or lost from −3 to +3', () => {
    const layer = buildLayer(input({ mode: 'change', change: 'stars' }, { change: { fromYear: 2010, change } }));
    const net = [0, 1, 2, 3].map((r) => starCountAt(after.result, r * 2) - starCountAt(before.result, r * 2));
    expect([...layer.values].slice(0, 4)).toEqual(net);
    expect(layer.classes.labels).toEqual(['−★★★', '−★★', '−★', 'no change', '+★', '+★★', '+★★★']);
    expect(layer.classes.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('shows life-cycle stages as six named classes', () => {
    const layer = buildLayer(input({ mode: 'change', change: 'stage' }, { change: { fromYear: 2010, change } }));
    expect(layer.classes.labels).toEqual(['None', 'Agglomeration', 'Emerging', 'Developing', 'Mature', 'Transformation']);
    expect([...layer.values]).toEqual([0, 1, 2, 3, 4].map((r) => change.stage[r * 2]));
  });

  it('says so when there is no earlier year, and picks a valid earlier year otherwise', () => {
    const layer = buildLayer(input({ mode: 'change' }));
    expect(layer.classes.noData).toBe(5);
    expect(layer.notes[0]).toMatch(/earlier year/);
    const years = [2010, 2012, 2015];
    expect(changeBaseYear({ year: 2015, baseYear: 2012 }, years)).toBe(2012);
    expect(changeBaseYear({ year: 2015, baseYear: 2015 }, years)).toBe(2010);
    expect(changeBaseYear({ year: 2012, baseYear: 2015 }, years)).toBe(2010);
    expect(changeBaseYear({ year: 2015, baseYear: 1999 }, years)).toBe(2010);
    expect(changeBaseYear({ year: 2010 }, years)).toBeUndefined();
  });
});
