import { describe, expect, it, vi } from 'vitest';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import { DEFAULT_RULE, type EmploymentCube } from '../../../src/model/dataset';
import { squareGrid } from '../indicators/spatial/grid';
import { cellMatrices } from '../../cellMatrices';

// Counts the Moran's I runs of the engine's category statistics.
const moranRuns = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../src/engine/spatialColumn', async (original) => {
  const actual = await original<typeof import('../../../src/engine/spatialColumn')>();
  return {
    ...actual,
    columnMoran: (...args: Parameters<typeof actual.columnMoran>) => {
      moranRuns.count++;
      return actual.columnMoran(...args);
    },
  };
});

const ids = Array.from({ length: 9 }, (_, i) => `r${i}`);
const categories = [
  { id: 'a', name: 'A', group: 'traded' },
  { id: 'b', name: 'B', group: 'traded' },
  { id: 'c', name: 'C', group: 'local' },
];
const cube: EmploymentCube = {
  regions: ids.map((id) => ({ id, name: id })),
  categories,
  years: [2020],
  employment: [Float64Array.from({ length: 27 }, (_, i) => 1 + ((i * 7) % 11))],
};

describe('category statistics cache', () => {
  it('keeps Moran’s I of LQ when only the cut share or LQ threshold moves, recomputes it for another denominator', () => {
    const engine = new AnalysisEngine(cube, { ids, geometries: squareGrid(3, 3) });
    const first = engine.compute(0, DEFAULT_RULE).categoryStats!;
    expect(moranRuns.count).toBe(3);
    for (const cutShare of [0.2, 0.3, 0.05]) {
      const moved = engine.compute(0, { ...DEFAULT_RULE, cutShare, lqThreshold: 1.5 }).categoryStats!;
      expect([...moved.moranI]).toEqual([...first.moranI]);
    }
    expect(moranRuns.count).toBe(3);
    // Under cmp the LQ is taken against traded employment: another LQ, so Moran's I is computed anew.
    const cmp = engine.compute(0, { ...DEFAULT_RULE, kind: 'cmp' }).categoryStats!;
    expect(moranRuns.count).toBe(6);
    expect([...cmp.moranI]).not.toEqual([...first.moranI]);
  });

  it('a compute asked without the statistics runs no Moran’s I; asked for after, they equal those of a full compute', () => {
    const engine = new AnalysisEngine(cube, { ids, geometries: squareGrid(3, 3) });
    const before = moranRuns.count;
    const bare = engine.compute(0, DEFAULT_RULE, false);
    expect(bare.categoryStats).toBeUndefined();
    expect(moranRuns.count).toBe(before);
    const later = engine.categoryStatsFor(0, DEFAULT_RULE);
    expect(moranRuns.count).toBe(before + 3);
    const full = new AnalysisEngine(cube, { ids, geometries: squareGrid(3, 3) }).compute(0, DEFAULT_RULE).categoryStats!;
    expect([...later.moranI]).toEqual([...full.moranI]);
    expect([...later.moranP]).toEqual([...full.moranP]);
    expect([...later.gini]).toEqual([...full.gini]);
    // The same indicators either way.
    expect([...cellMatrices(bare.result).lq]).toEqual([...cellMatrices(engine.compute(0, DEFAULT_RULE).result).lq]);
  });

  it('statistics warmed while the page draws are the ones its request then gets, computed once', () => {
    const engine = new AnalysisEngine(cube, { ids, geometries: squareGrid(3, 3) });
    engine.compute(0, DEFAULT_RULE, false);
    const before = moranRuns.count;
    engine.warmCategoryStats(0, DEFAULT_RULE);
    expect(moranRuns.count).toBe(before + 3);
    const asked = engine.categoryStatsFor(0, DEFAULT_RULE);
    expect(moranRuns.count).toBe(before + 3);
    const full = new AnalysisEngine(cube, { ids, geometries: squareGrid(3, 3) }).compute(0, DEFAULT_RULE).categoryStats!;
    expect([...asked.moranI]).toEqual([...full.moranI]);
    expect([...asked.gini]).toEqual([...full.gini]);
    // A copy each time: the page takes the buffers, the cache keeps its own.
    expect(engine.categoryStatsFor(0, DEFAULT_RULE).moranI).not.toBe(asked.moranI);
  });
});
