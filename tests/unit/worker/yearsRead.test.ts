import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../../src/model/dataset';
import { yearsRead } from '../../../src/worker/yearsRead';

describe('the years a worker request reads', () => {
  const three = { count: 3 };
  it('one for a map, its category statistics or its spatial statistics, two for a change, all for a series or held breaks, none for a scatter', () => {
    expect(yearsRead({ id: 1, type: 'compute', yearIndex: 2, rule: DEFAULT_RULE }, three)).toEqual([2]);
    expect(yearsRead({ id: 1, type: 'categoryStats', yearIndex: 0, rule: DEFAULT_RULE }, three)).toEqual([0]);
    expect(yearsRead({ id: 1, type: 'spatial', yearIndex: 1, rule: DEFAULT_RULE, categoryIndex: 0, indicator: 'lq', lisa: true, permutations: 99, seed: 1, alpha: 0.05 }, three)).toEqual([1]);
    expect(yearsRead({ id: 1, type: 'change', fromYearIndex: 0, toYearIndex: 2, rule: DEFAULT_RULE }, three)).toEqual([0, 2]);
    expect(yearsRead({ id: 1, type: 'series', regionIndices: [0], rule: DEFAULT_RULE, fromYearIndex: 0, toYearIndex: 2 }, three)).toEqual([0, 1, 2]);
    expect(yearsRead({ id: 1, type: 'pooled', rule: DEFAULT_RULE, categoryIndex: 0, indicator: 'lq' }, three)).toEqual([0, 1, 2]);
    expect(yearsRead({ id: 1, type: 'scatter', values: new Float64Array(3) }, three)).toEqual([]);
  });
});
