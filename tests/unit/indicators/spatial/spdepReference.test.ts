/**
 * The spatial engine against R's spdep on real boundaries (outputs of
 * tests/reference/spdep_reference.R, committed; the boundaries are read in place from the
 * shared data folder). See tests/reference/README.md for what R computed and why.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { haveSharedData, sharedDataPath } from '../../../shared-data';
import {
  analyseSpatial,
  centroids,
  globalMoran,
  localMoran,
  nearestNeighbours,
  planarSummary,
  queenAndRookNeighbours,
  spatialWeights,
  type NeighbourList,
  type PolygonalGeometry,
} from '../../../../src/indicators/spatial';

const referenceDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../reference');

interface ReferenceRow {
  id: string;
  queen: string;
  rook: string;
  knn6: string;
  value: string;
  lag: string;
  local_i: string;
  gi_star_z: string;
  pseudo_p: string;
}

interface MoranReference {
  I: number;
  EI: number;
  variance: number;
  z: number;
  p_two_sided: number;
  p_greater: number;
}

const global = JSON.parse(readFileSync(resolve(referenceDir, 'spdep_global.json'), 'utf8')) as {
  meta: { nsim: number; spdep: string };
  datasets: Record<string, { file: string; id: string; regions: number; moran: Record<string, MoranReference> }>;
};

function readReference(name: string): ReferenceRow[] {
  const text = readFileSync(resolve(referenceDir, `spdep_${name}.csv`), 'utf8');
  return Papa.parse<ReferenceRow>(text, { header: true, skipEmptyLines: true }).data;
}

function neighbourIds(nb: NeighbourList, i: number, ids: string[]): string {
  return Array.from(nb.neighbours.subarray(nb.offsets[i], nb.offsets[i + 1]), (j) => ids[j]).join('|');
}

/** |a − b| ≤ 1e-9 · max(1, |b|): "equal to 1e-9", relative for large numbers, absolute near 0. */
function expectClose(actual: number, expected: number, what: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) expect.fail(`${what}: ${actual} vs spdep ${expected}`);
}

/** p-values reach 1e-40 (and underflow to 0 beyond z ≈ 38): compare them relatively. */
function expectRelative(actual: number, expected: number, what: string): void {
  if (expected === 0) {
    expect(actual, what).toBe(0);
    return;
  }
  if (!(Math.abs(actual / expected - 1) <= 1e-9)) expect.fail(`${what}: ${actual} vs spdep ${expected}`);
}

/**
 * Monte-Carlo tolerance for two independent estimates of the same folded p-value from `nsim`
 * draws each: each has standard error ≤ √(p(1−p)/nsim), so their difference has ≈ √2 times
 * that. Five standard errors (a chance of 6e-7 per region, over ~2,300 regions compared) plus
 * two steps of the 1/(nsim+1) grid for the discreteness of small p.
 */
function pValueTolerance(p: number, nsim: number): number {
  return 5 * Math.sqrt((2 * p * (1 - p)) / nsim) + 2 / (nsim + 1);
}

const DATASETS = ['nuts2_60m', 'nuts2_20m', 'nuts3_60m', 'ru_subjects'] as const;

for (const name of DATASETS) {
  const meta = global.datasets[name];
  describe.skipIf(!haveSharedData(meta.file))(`spdep ${global.meta.spdep} reference: ${name} (${meta.file})`, () => {
    // Loaded in beforeAll: a skipped suite's body still runs to collect its tests.
    let geometries: PolygonalGeometry[] = [];
    let ids: string[] = [];
    let reference: ReferenceRow[] = [];
    let values = new Float64Array(0);
    let queen: NeighbourList;
    let rook: NeighbourList;
    const nsim = global.meta.nsim;
    beforeAll(() => {
      const collection = JSON.parse(readFileSync(sharedDataPath(meta.file), 'utf8')) as FeatureCollection;
      const features = collection.features as Feature<PolygonalGeometry>[];
      geometries = features.map((f) => f.geometry);
      ids = features.map((f) => String(f.properties?.[meta.id]));
      reference = readReference(name);
      values = Float64Array.from(geometries, (g, i) => Math.log(planarSummary(g, i).area));
      ({ queen, rook } = queenAndRookNeighbours(geometries));
    });

    it('lists the regions in the same order', () => {
      expect(reference.map((r) => r.id)).toEqual(ids);
      expect(ids.length).toBe(meta.regions);
    });

    it('finds exactly poly2nb’s queen and rook neighbours', () => {
      const queenDiff = ids.filter((_id, i) => neighbourIds(queen, i, ids) !== reference[i].queen);
      const rookDiff = ids.filter((_id, i) => neighbourIds(rook, i, ids) !== reference[i].rook);
      expect(queenDiff).toEqual([]);
      expect(rookDiff).toEqual([]);
      // The data must exercise both criteria and islands, or the comparison proves little.
      expect(rook.neighbours.length).toBeLessThan(queen.neighbours.length);
    });

    it('finds exactly knearneigh’s 6 nearest centroids (Andoyer–Lambert distance)', () => {
      const knn = nearestNeighbours(centroids(geometries), 6, 'great-circle');
      const diff = ids.filter((_id, i) => neighbourIds(knn, i, ids) !== reference[i].knn6);
      expect(diff).toEqual([]);
    });

    it('computes the value column (log planar area) as GEOS does', () => {
      values.forEach((v, i) => expectClose(v, Number(reference[i].value), `value of ${ids[i]}`));
    });

    it('matches moran.test under randomisation for queen W, rook W, knn6 W and queen B', () => {
      const knn = nearestNeighbours(centroids(geometries), 6, 'great-circle');
      const cases = { queen_W: spatialWeights(queen, 'W'), rook_W: spatialWeights(rook, 'W'), knn6_W: spatialWeights(knn, 'W'), queen_B: spatialWeights(queen, 'B') };
      for (const [key, w] of Object.entries(cases)) {
        const r = meta.moran[key];
        const m = globalMoran(values, w);
        expectClose(m.I, r.I, `${key} I`);
        expectClose(m.expectation, r.EI, `${key} E[I]`);
        expectClose(m.variance, r.variance, `${key} Var[I]`);
        expectClose(m.z, r.z, `${key} z`);
        expectRelative(m.p, r.p_two_sided, `${key} p two-sided`);
        expectRelative(m.pGreater, r.p_greater, `${key} p greater`);
      }
    });

    it('matches lag.listw, localmoran Ii and localG Gi* on queen W', () => {
      const result = analyseSpatial(values, queen, { permutations: 0 });
      ids.forEach((id, i) => {
        expectClose(result.local!.lag[i], Number(reference[i].lag), `lag of ${id}`);
        expectClose(result.local!.localI[i], Number(reference[i].local_i), `Ii of ${id}`);
        expectClose(result.giStarZ[i], Number(reference[i].gi_star_z), `Gi* of ${id}`);
      });
      expect(result.islands.map((i) => ids[i])).toEqual(ids.filter((_id, i) => reference[i].queen === ''));
    });

    it('matches localmoran_perm folded p-values within Monte-Carlo error (with replacement, as spdep 1.2)', () => {
      const local = localMoran(values, spatialWeights(queen, 'W'), { permutations: nsim, seed: 7, withReplacement: true });
      let sumSquares = 0;
      let compared = 0;
      ids.forEach((id, i) => {
        const expected = reference[i].pseudo_p === '' ? NaN : Number(reference[i].pseudo_p);
        const actual = local.pseudoP[i];
        if (Number.isNaN(expected)) {
          expect(actual, `island ${id} has no p-value`).toBeNaN();
          return;
        }
        const mean = (actual + expected) / 2;
        if (!(Math.abs(actual - expected) <= pValueTolerance(mean, nsim))) expect.fail(`pseudo p of ${id}: ${actual} vs spdep ${expected}`);
        const se = Math.sqrt((2 * mean * (1 - mean)) / nsim) || 1 / nsim;
        sumSquares += ((actual - expected) / se) ** 2;
        compared++;
      });
      // Independent estimates: squared standardised differences average about 1 (less where the
      // folded p sits near its bounds). A systematic error — a one-sided p, a wrong sampling
      // pool — pushes this far above 1 even when each region passes on its own.
      expect(sumSquares / compared).toBeLessThan(1.6);
    });

    it('gives default (without-replacement) p-values close to spdep’s (with replacement), looser where n is small', () => {
      const local = localMoran(values, spatialWeights(queen, 'W'), { permutations: nsim, seed: 11 });
      // Drawing without replacement narrows the permuted lags by at most √((n−1−k)/(n−2)): above
      // 0.98 for the NUTS maps, which moves p by less than one further standard error; for the 83
      // Russian regions (k up to 16 neighbours) by up to 10 %, allowed three.
      const extra = ids.length >= 300 ? 1 : 3;
      let compared = 0;
      ids.forEach((id, i) => {
        if (reference[i].pseudo_p === '') {
          expect(local.pseudoP[i], `island ${id} has no p-value`).toBeNaN();
          return;
        }
        const expected = Number(reference[i].pseudo_p);
        const actual = local.pseudoP[i];
        const mean = (actual + expected) / 2;
        if (!(Math.abs(actual - expected) <= pValueTolerance(mean, nsim) + extra * Math.sqrt((mean * (1 - mean)) / nsim))) {
          expect.fail(`pseudo p of ${id}: ${actual} vs spdep ${expected}`);
        }
        compared++;
      });
      expect(compared).toBe(reference.filter((r) => r.pseudo_p !== '').length);
      expect(compared).toBeGreaterThan(0);
    });
  });
}
