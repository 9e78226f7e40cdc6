import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { indicatorChange } from '../../../src/indicators/change';
import { STAGE_EMERGING, STAGE_NONE, STAGE_TRANSFORMATION } from '../../../src/indicators/lifeCycle';
import { DEFAULT_RULE, type StarRule } from '../../../src/model/dataset';
import { regionProfileModel } from '../../../src/state/profileRows';
import type { ComputedView } from '../../../src/engine/types';

// Three regions × categories A, B, C in two years. The top-10% rule admits one region of three.
const rows2018 = [[15, 25, 40], [60, 40, 10], [30, 30, 50]];
const rows2020 = [[10, 50, 20], [60, 30, 10], [30, 20, 70]];
const rule: StarRule = DEFAULT_RULE;

function computed(rows: number[][], yearIndex: number): ComputedView {
  const employment = Float64Array.from(rows.flat());
  const result = computeIndicators({ nRegions: rows.length, nCategories: rows[0].length, employment }, rule);
  return { yearIndex, employment, result, computeMs: 0 };
}

describe('region profile rows', () => {
  const previous = { year: 2018, view: computed(rows2018, 0) };
  const current = { year: 2020, view: computed(rows2020, 1) };
  const change = indicatorChange(
    { year: 2018, employment: previous.view.employment, result: previous.view.result },
    { year: 2020, employment: current.view.employment, result: current.view.result },
  );

  it('lists every category, strongest first, with the values of the cell', () => {
    const model = regionProfileModel(current, 0, change);
    // B: size and focus stars (50 of 100 jobs; 62.5 % of the region); C: LQ 0.75; A: LQ 0.375.
    expect(model.rows.map((r) => r.category)).toEqual([1, 2, 0]);
    const b = model.rows[0];
    expect(b.employment).toBe(50);
    expect(b.lq).toBeCloseTo((50 / 80) / (100 / 300), 14);
    expect(b.focus).toBeCloseTo(0.625, 15);
    expect(b.size).toBeCloseTo(0.5, 15);
    expect([b.starCount, b.sizeStar, b.specialisationStar, b.focusStar]).toEqual([2, true, false, true]);
    expect(model.rows[1].lq).toBeCloseTo(0.75, 14);
    expect(model.rows[2].lq).toBeCloseTo(0.375, 14);
    expect(model.rows.every((r) => r.strong === undefined)).toBe(true);
  });

  it('gives each category its life-cycle stage against the previous year', () => {
    const model = regionProfileModel(current, 0, change);
    expect(model.previousYear).toBe(2018);
    // B: no star in 2018 (R1 led both rankings: 40 jobs, 36 % of its 110), two in 2020, growing
    // 25 → 50 while B grew 95 → 100: emerging.
    // C: the focus star of 2018 (40 of 80 jobs) is lost: transformation. A: no star, LQ < 1: none.
    expect(model.rows.map((r) => r.stage)).toEqual([STAGE_EMERGING, STAGE_TRANSFORMATION, STAGE_NONE]);
  });

  it('takes each stage from its own cell of the change table, whatever the sort order', () => {
    for (let r = 0; r < 3; r++) {
      for (const row of regionProfileModel(current, r, change).rows) expect(row.stage).toBe(change.stage[r * 3 + row.category]);
    }
  });

  it('ignores a change that does not end in the profile’s year', () => {
    const stale = { ...change, toYear: 2016 };
    expect(regionProfileModel(current, 0, stale).rows.every((r) => r.stage === undefined)).toBe(true);
  });

  it('has no stage without a previous year', () => {
    const model = regionProfileModel(current, 0);
    expect(model.previousYear).toBeUndefined();
    expect(model.rows.every((r) => r.stage === undefined)).toBe(true);
  });

  it('gives the region’s specialisation and diversity', () => {
    const model = regionProfileModel(current, 0, change);
    const f = [10 / 80, 50 / 80, 20 / 80];
    expect(model.regionEmployment).toBe(80);
    expect(model.krugman).toBeCloseTo(f.reduce((s, x) => s + Math.abs(x - 1 / 3), 0), 14);
    expect(model.shannon).toBeCloseTo(-f.reduce((s, x) => s + x * Math.log(x), 0), 14);
    expect(model.evenness).toBeCloseTo(model.shannon / Math.log(3), 14);
    expect(model.starred).toBe(1);
  });

  it('puts categories without employment last, in category order, and reports strong clusters under cmp', () => {
    const employment = Float64Array.from([0, 5, NaN, 0, 7, 3, 2, 2, 2, 2, 2, 2]);
    const establishments = Float64Array.from([0, 1, NaN, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    const cmp: StarRule = { kind: 'cmp', cutShare: 0.1, lqThreshold: 2 };
    const result = computeIndicators({ nRegions: 2, nCategories: 6, employment, establishments }, cmp);
    const model = regionProfileModel({ year: 2020, view: { yearIndex: 0, employment, establishments, result, computeMs: 0 } }, 0);
    expect(model.rows.slice(3).map((r) => r.category)).toEqual([0, 2, 3]);
    expect(model.rows.slice(0, 3).map((r) => r.category).sort()).toEqual([1, 4, 5]);
    expect(model.rows.every((r) => typeof r.strong === 'boolean')).toBe(true);
  });
});
