import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { attachTable, layerColumns, viewTable, viewTableCsv } from '../../../src/export/viewTable';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { INDICATOR_COLUMNS } from '../../../src/indicators/indicatorRows';
import { parseDelimited } from '../../../src/io/delimited';
import { DEFAULT_RULE, type StarRule } from '../../../src/model/dataset';
import type { ComputedView } from '../../../src/engine/types';

// Three regions × two categories, by hand:
//   A: x 10, y 30 (E(A) = 40)   B: x 0, y 20 (E(B) = 20)   C: x not reported, y 40 (E(C) = 40)
//   E(x) = 10, E(y) = 90, E = 100.
// LQ(A,x) = (10/40)/(10/100) = 2.5; focus 0.25; size 1. Only A has x > 0, so ⌈0.1·1⌉ = 1 region earns
// the size and focus stars, and LQ 2.5 ≥ 2 the specialisation star: 3 stars.
const regions = [
  { id: 'A', name: '=HYPERLINK("http://x.example","click")' },
  { id: 'B', name: 'Bexar, Texas' },
  { id: 'C', name: '-Cee' },
];
const categories = [{ id: 'x', name: 'Ex' }, { id: 'y', name: 'Why' }];
const employment = Float64Array.from([10, 30, 0, 20, NaN, 40]);

function computed(rule: StarRule = DEFAULT_RULE, establishments?: Float64Array): ComputedView {
  return {
    yearIndex: 0,
    employment,
    establishments,
    result: computeIndicators({ nRegions: 3, nCategories: 2, employment, establishments }, rule),
    computeMs: 0,
  };
}

describe('the current view as a table', () => {
  it('has one row per region with the hand-computed values of the selected category', () => {
    const table = viewTable({ regions, categories, computed: computed(), cat: 'x', year: 2020 });
    expect(table.columns).toEqual(['region', 'name', 'category', 'year', 'employment', 'lq', 'region_share', 'category_share', 'size_star', 'specialization_star', 'focus_star', 'stars', 'category_name', 'employment_unit', 'lq_unit', 'share_unit']);
    expect(table.rows).toHaveLength(3);
    const units = ['Ex', 'persons', 'ratio of shares (1 = benchmark)', 'fraction (0-1)'];
    expect(table.rows[0]).toEqual(['A', regions[0].name, 'x', 2020, 10, 2.5, 0.25, 1, 1, 1, 1, 3, ...units]);
    expect(table.rows[1]).toEqual(['B', 'Bexar, Texas', 'x', 2020, 0, 0, 0, 0, 0, 0, 0, 0, ...units]);
    // Not reported: no value and no star count, rather than a measured zero.
    expect(table.rows[2].slice(0, 4)).toEqual(['C', '-Cee', 'x', 2020]);
    expect(table.rows[2].slice(4, -4).every((v) => Number.isNaN(v))).toBe(true);
    const other = viewTable({ regions, categories, computed: computed(), cat: 'y', year: 2020, employmentUnit: 'thousand persons' });
    expect([other.rows[0][other.columns.indexOf('category_name')], other.rows[0][other.columns.indexOf('employment_unit')]]).toEqual(['Why', 'thousand persons']);
  });

  it('uses the CLI indicator table column names, plus establishments and strong clusters when present', () => {
    const table = viewTable({ regions, categories, computed: computed({ ...DEFAULT_RULE, kind: 'cmp' }, Float64Array.from([2, 3, 0, 2, NaN, 4])), cat: 'y', year: 2020 });
    for (const column of INDICATOR_COLUMNS) expect(table.columns).toContain(column);
    expect(table.columns).toContain('establishments');
    expect(table.columns.slice(-6)).toEqual(['strong', 'strong10', 'category_name', 'employment_unit', 'lq_unit', 'share_unit']);
    expect(table.rows.map((row) => row[table.columns.indexOf('establishments')])).toEqual([3, 2, 4]);
  });

  it('appends a map mode’s extra columns and refuses ones of the wrong length', () => {
    const table = viewTable({ regions, categories, computed: computed(), cat: 'y', year: 2020, extra: [{ name: 'lisa', values: ['HH', 'ns', 'LL'] }] });
    expect(table.rows.map((row) => row.at(-1))).toEqual(['HH', 'ns', 'LL']);
    expect(() => viewTable({ regions, categories, computed: computed(), cat: 'y', year: 2020, extra: [{ name: 'lisa', values: ['HH'] }] })).toThrow('1 values for 3 regions');
    expect(() => viewTable({ regions, categories, computed: computed(), cat: 'nope', year: 2020 })).toThrow('"nope"');
  });

  it('writes CSV that a spreadsheet will not run: formulas neutralised, names quoted, missing values empty', () => {
    const csv = viewTableCsv(viewTable({ regions, categories, computed: computed(), cat: 'x', year: 2020 }));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('region,name,category,year,employment,lq,region_share,category_share,size_star,specialization_star,focus_star,stars,category_name,employment_unit,lq_unit,share_unit');
    expect(lines[1].startsWith(`A,"'=HYPERLINK(""http://x.example"",""click"")",x,2020,10,2.5,0.25,1,`)).toBe(true);
    expect(lines[2].startsWith('B,"Bexar, Texas",x,')).toBe(true);
    expect(lines[3]).toBe("C,'-Cee,x,2020,,,,,,,,,Ex,persons,ratio of shares (1 = benchmark),fraction (0-1)");
    // And it reads back through the app's own CSV reader with every region.
    const parsed = parseDelimited(csv, 'export.csv');
    expect(parsed.rows.length).toBe(3);
  });
});

describe('the current view on the boundaries (GeoJSON)', () => {
  const boundaries: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'A', label: 'Alpha', extra: 1 }, geometry: { type: 'Point', coordinates: [0, 0] } },
      { type: 'Feature', id: 7, properties: { code: 'B', label: 'Beta' }, geometry: { type: 'Point', coordinates: [1, 0] } },
      { type: 'Feature', properties: { code: 'D', label: 'Delta' }, geometry: { type: 'Point', coordinates: [2, 0] } },
    ],
  };
  const table = viewTable({ regions, categories, computed: computed(), cat: 'x', year: 2020 });

  it('keeps every map feature and its geometry, with exactly the table’s columns as properties', () => {
    const joined = attachTable(boundaries, { idProperty: 'code', nameProperty: 'label' }, table, { cluster_atlas: { year: 2020 } });
    expect(joined.collection.features).toHaveLength(3);
    expect(joined.matched).toBe(2);
    expect(joined.withoutRow).toBe(1);
    const [a, b, d] = joined.collection.features;
    expect(Object.keys(a.properties!)).toEqual(table.columns);
    expect(a.properties!.lq).toBe(2.5);
    expect(a.properties!.stars).toBe(3);
    expect(b.id).toBe(7);
    expect(b.geometry).toEqual(boundaries.features[1].geometry);
    // A feature without data keeps its name and has nulls, not zeros.
    expect(d.properties).toMatchObject({ region: 'D', name: 'Delta', employment: null, lq: null, stars: null });
    expect((joined.collection as unknown as Record<string, unknown>).cluster_atlas).toEqual({ year: 2020 });
    // NaN never reaches JSON as a bare NaN.
    expect(JSON.stringify(joined.collection)).not.toContain('NaN');
  });

  it('names the feature without an id', () => {
    const broken: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null as never }] };
    expect(() => attachTable(broken, { idProperty: 'code' }, table)).toThrow('feature 0 has no "code" property');
    expect(() => attachTable({ type: 'Feature' } as never, { idProperty: 'code' }, table)).toThrow('FeatureCollection');
  });
});

describe('columns of the map mode', () => {
  const labels = ['cold', 'not significant', 'hot'];
  const layer = (classified: boolean) => ({
    values: Float64Array.from([-2.5, 0.1, NaN, 3]),
    classes: { labels, classOf: (v: number) => (v < -1.96 ? 0 : v > 1.96 ? 2 : 1) },
    classified,
  });

  it('adds nothing for the indicator choropleth (its values are already columns)', () => {
    expect(layerColumns('choropleth', 'abs', layer(true))).toEqual([]);
    expect(layerColumns('gistar', 'abs', undefined)).toEqual([]);
  });

  it('adds the value and the legend class of each region, empty where there is no value', () => {
    const [value, klass] = layerColumns('gistar', 'abs', layer(true));
    expect(value.name).toBe('gistar_value');
    expect(Array.from(value.values)).toEqual([-2.5, 0.1, NaN, 3]);
    expect(klass).toEqual({ name: 'gistar_class', values: ['cold', 'not significant', '', 'hot'] });
  });

  it('names change columns after the measure, and gives categorical modes only their class', () => {
    expect(layerColumns('change', 'cagr', layer(true)).map((c) => c.name)).toEqual(['change_cagr_value', 'change_cagr_class']);
    expect(layerColumns('lisa', 'abs', layer(false)).map((c) => c.name)).toEqual(['lisa_class']);
  });
});
