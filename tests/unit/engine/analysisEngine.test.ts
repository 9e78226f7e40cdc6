import { describe, expect, it } from 'vitest';
import { AnalysisEngine, indicatorValues } from '../../../src/engine/analysisEngine';
import { NOT_ANALYSED } from '../../../src/engine/spatialColumn';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { indicatorChange } from '../../../src/indicators/change';
import { globalMoran, localMoran, neighbourListFromRows, spatialWeights, getisOrdGiStar } from '../../../src/indicators/spatial';
import { DEFAULT_RULE, type EmploymentCube, type StarRule } from '../../../src/model/dataset';
import { square, squareGrid } from '../indicators/spatial/grid';
import { lqAt, starCountAt } from '../../../src/indicators/cellValues';
import { cellMatrices } from '../../cellMatrices';

// A 4 × 4 grid of unit squares (features g0..g15, row-major from the top-left) and one square far
// away (g16, an island). Feature g5 has no data; the data also hold a region "X" that is not on the
// map. The cube lists its regions in reverse order, so cube order and file order differ.
const SIDE = 4;
const featureIds = [...Array.from({ length: SIDE * SIDE }, (_, i) => `g${i}`), 'g16'];
const geometries = [...squareGrid(SIDE, SIDE), square(100, 100)];
const dataIds = ['X', ...featureIds.filter((id) => id !== 'g5')].reverse();
const nR = dataIds.length;
const nC = 3;
const YEARS = [2010, 2015];

/** Category 0 high in the top-left 2 × 2 block, 1 varied, 2 the same everywhere (a flat share). */
function employmentFor(year: number): Float64Array {
  const e = new Float64Array(nR * nC);
  dataIds.forEach((id, r) => {
    const f = id === 'X' ? 0 : Number(id.slice(1));
    const row = Math.floor(f / SIDE);
    const col = f % SIDE;
    e[r * nC] = row < 2 && col < 2 && f < 16 ? 80 + year - 2010 : 10 + ((f * 7) % 5);
    e[r * nC + 1] = 20 + ((f * 13) % 11) + (year - 2010) * (f % 3);
    e[r * nC + 2] = 50;
  });
  return e;
}

const cube: EmploymentCube = {
  regions: dataIds.map((id) => ({ id, name: id })),
  categories: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
  years: YEARS,
  employment: YEARS.map(employmentFor),
};

/** Queen neighbours of the grid worked out from row/column positions, independently of the polygon code. */
function expectedRows(ids: readonly string[]): number[][] {
  return ids.map((id) => {
    const f = Number(id.slice(1));
    if (f >= 16) return [];
    return ids
      .map((other, j) => ({ other: Number(other.slice(1)), j }))
      .filter(({ other }) => other < 16 && other !== f && Math.abs(Math.floor(other / SIDE) - Math.floor(f / SIDE)) <= 1 && Math.abs((other % SIDE) - (f % SIDE)) <= 1)
      .map(({ j }) => j);
  });
}

const engine = new AnalysisEngine(cube, { ids: featureIds, geometries });
const mapped = dataIds.filter((id) => id !== 'X');
const lisaRequest = (c: number, rule: StarRule = DEFAULT_RULE) => ({
  yearIndex: 1,
  rule,
  categoryIndex: c,
  indicator: 'lq' as const,
  lisa: true,
  permutations: 499,
  seed: 7,
  alpha: 0.05,
});

describe('AnalysisEngine spatial weights', () => {
  it('builds queen contiguity over the regions with data on the map and names the island', () => {
    const summary = engine.weightsSummary!;
    expect(summary.kind).toBe('queen');
    expect(summary.regions).toBe(16); // 15 grid squares with data + the island
    const links = expectedRows(mapped).reduce((sum, row) => sum + row.length, 0);
    expect(summary.links).toBe(links);
    expect(summary.islands).toEqual(['g16']);
  });

  it('reports geometry it cannot use instead of failing the load', () => {
    const bad = new AnalysisEngine(cube, { ids: featureIds, geometries: geometries.map((g, i) => (i === 3 ? ({ type: 'Point', coordinates: [0, 0] } as never) : g)) });
    expect(bad.weightsSummary).toBeUndefined();
    expect(bad.weightsError).toMatch(/feature 3/);
    expect(() => bad.spatial(lisaRequest(0))).toThrow(/no spatial weights/);
    expect(bad.compute(0, DEFAULT_RULE).categoryStats!.moranI.every(Number.isNaN)).toBe(true);
  });
});

describe('AnalysisEngine LISA and Gi*', () => {
  const view = engine.spatial(lisaRequest(0));
  const lq = cellMatrices(computeIndicators({ nRegions: nR, nCategories: nC, employment: cube.employment[1] }, DEFAULT_RULE)).lq;
  const x = Float64Array.from(mapped, (id) => lq[dataIds.indexOf(id) * nC]);
  const w = spatialWeights(neighbourListFromRows(expectedRows(mapped)), 'W');
  const reference = localMoran(x, w, { permutations: 499, seed: 7 });

  it('matches local Moran run directly on the same regions, weights and seed, in cube order', () => {
    mapped.forEach((id, k) => {
      const r = dataIds.indexOf(id);
      expect(view.values[r]).toBe(x[k]);
      expect(view.quadrant[r]).toBe(reference.quadrant[k]);
      expect(view.pseudoP[r]).toBe(reference.pseudoP[k]);
      expect(view.localI[r]).toBeCloseTo(reference.localI[k], 12);
    });
    expect(view.analysed).toBe(16);
    expect(view.islands).toBe(1);
    // The top-left block is a significant high-high cluster.
    expect(view.quadrant[dataIds.indexOf('g0')]).toBe(1);
  });

  it('leaves regions that are not on the map out of the analysis', () => {
    const r = dataIds.indexOf('X');
    expect(view.quadrant[r]).toBe(NOT_ANALYSED);
    expect(view.values[r]).toBeNaN();
    expect(view.giStarZ[r]).toBeNaN();
  });

  it('gives Gi* z-scores and global Moran of the same values', () => {
    const gi = getisOrdGiStar(x, neighbourListFromRows(expectedRows(mapped)), 'W');
    mapped.forEach((id, k) => expect(view.giStarZ[dataIds.indexOf(id)]).toBeCloseTo(gi[k], 12));
    expect(view.moran!.I).toBeCloseTo(globalMoran(x, w).I, 12);
  });

  it('is reproducible from its seed and differs with another', () => {
    expect([...engine.spatial(lisaRequest(0)).pseudoP]).toEqual([...view.pseudoP]);
    const other = engine.spatial({ ...lisaRequest(0), seed: 8 });
    expect([...other.pseudoP]).not.toEqual([...view.pseudoP]);
  });

  it('calls every region of an all-equal column not significant', () => {
    // Category 2 is 50 everywhere, so its employment column is constant.
    const flat = engine.spatial({ ...lisaRequest(2), indicator: 'employment' });
    expect(flat.constant).toBe(true);
    mapped.forEach((id) => {
      expect(flat.quadrant[dataIds.indexOf(id)]).toBe(0);
      expect(flat.giStarZ[dataIds.indexOf(id)]).toBe(0);
    });
    expect(flat.moran).toBeUndefined();
  });
});

describe('AnalysisEngine compute and change', () => {
  it('adds per-category concentration and Moran’s I of LQ to each compute', () => {
    const view = engine.compute(1, DEFAULT_RULE);
    const stats = view.categoryStats!;
    const e = cube.employment[1];
    // HHI of category 1 by hand: Σ (E(r,1) / E(1))².
    let total = 0;
    for (let r = 0; r < nR; r++) total += e[r * nC + 1];
    let hhi = 0;
    for (let r = 0; r < nR; r++) hhi += (e[r * nC + 1] / total) ** 2;
    expect(stats.hhi[1]).toBeCloseTo(hhi, 14);
    const lq = cellMatrices(view.result).lq;
    const w = spatialWeights(neighbourListFromRows(expectedRows(mapped)), 'W');
    for (let c = 0; c < 2; c++) {
      const column = Float64Array.from(mapped, (id) => lq[dataIds.indexOf(id) * nC + c]);
      const moran = globalMoran(column, w);
      expect(stats.moranI[c]).toBeCloseTo(moran.I, 12);
      expect(stats.moranZ[c]).toBeCloseTo(moran.z, 10);
      expect(stats.moranP[c]).toBeCloseTo(moran.p, 10);
    }
    expect(stats.moranI[0]).toBeGreaterThan(0.2);
  });

  it('hands out copies, so transferring one leaves the cached result intact', () => {
    const first = engine.compute(0, DEFAULT_RULE);
    // One copy of the year's employment: the view's and the one its result derives LQ and shares from.
    expect(first.result.employment).toBe(first.employment);
    expect(first.employment).not.toBe(cube.employment[0]);
    const lq0 = lqAt(first.result, 0);
    const stars0 = [...first.result.stars];
    first.result.stars.fill(255);
    first.employment.fill(-1);
    const second = engine.compute(0, DEFAULT_RULE);
    expect(lqAt(second.result, 0)).toBe(lq0);
    expect([...second.result.stars]).toEqual(stars0);
    expect(second.employment[0]).toBe(cube.employment[0][0]);
  });

  it('recomputes for a new rule and matches computeIndicators under it', () => {
    const rule: StarRule = { kind: 'paper', cutShare: 0.25, lqThreshold: 2 };
    const view = engine.compute(1, rule);
    const direct = computeIndicators({ nRegions: nR, nCategories: nC, employment: cube.employment[1] }, rule);
    expect([...cellMatrices(view.result).starCount]).toEqual([...cellMatrices(direct).starCount]);
    expect(view.result.rule).toEqual(rule);
  });

  it('gives the change between two years as indicatorChange does', () => {
    const { change } = engine.change({ fromYearIndex: 0, toYearIndex: 1, rule: DEFAULT_RULE });
    const snap = (y: number) => ({
      year: YEARS[y],
      employment: cube.employment[y],
      result: computeIndicators({ nRegions: nR, nCategories: nC, employment: cube.employment[y] }, DEFAULT_RULE),
    });
    const direct = indicatorChange(snap(0), snap(1));
    expect([...change.absolute]).toEqual([...direct.absolute]);
    expect([...change.stage]).toEqual([...direct.stage]);
    expect([...change.starsGained]).toEqual([...direct.starsGained]);
    expect(change.absolute[dataIds.indexOf('g0') * nC]).toBe(5);
  });

  it('takes the values of the asked indicator, NaN where employment is not reported', () => {
    const result = computeIndicators({ nRegions: 2, nCategories: 1, employment: Float64Array.of(3, NaN) }, DEFAULT_RULE);
    expect([...indicatorValues(result, 'stars', 0)]).toEqual([starCountAt(result, 0), NaN]);
    expect([...indicatorValues(result, 'employment', 0)]).toEqual([3, NaN]);
  });
});
