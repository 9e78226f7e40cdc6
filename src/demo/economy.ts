/**
 * The synthetic economy behind the demo dataset: a pure, seeded function from region locations to
 * employment and establishment counts by region × category × year. The model and its parameters
 * are described in ./README.md; the numbers it uses are the constants below, METROS and
 * CATEGORY_SPECS.
 */
import type { Category, EmploymentCube, Region } from '../model/dataset';
import { CATEGORY_SPECS, type CategorySpec } from './categories';
import { METROS, type Metro } from './metros';
import { Stream, hashKey, hashString, poissonQuantile } from './random';

export const DEMO_YEARS: readonly number[] = [2012, 2014, 2016, 2018, 2020, 2022];
export const DEFAULT_SEED = 1;

/** Model constants (see README.md for what each one does). */
export const MODEL = {
  /** All jobs in the latest year, before rounding and establishment noise. */
  totalJobs: 150e6,
  /** Jobs outside the metro kernels in the latest year ("background" employment). */
  backgroundJobs: 55e6,
  backgroundGrowth: 0.005,
  /** Spread of background employment between counties (log-normal sigma). */
  backgroundSigma: 0.8,
  /** Background falls to `backgroundFloor` of its level far from every metro, with this scale. */
  backgroundDecayKm: 250,
  backgroundFloor: 0.2,
  /**
   * A metro's jobs: `centreShare` of them in the regions at its centre (decay scale `centreKm`,
   * regardless of region size), the rest over its suburbs in proportion to region area with
   * decay scale a + b·√(jobs in millions) km.
   */
  centreShare: 0.3,
  centreKm: 6,
  metroKernelKm: [8, 8] as const,
  /** Persistent county × category noise (log-normal sigma) for traded and local categories. */
  cellSigmaTraded: 0.25,
  cellSigmaLocal: 0.15,
  /** Year-to-year noise on top of the persistent one. */
  yearSigma: 0.05,
  /** Spread of plant sizes around the category's typical size (log-normal sigma). */
  plantSigma: 0.25,
  /**
   * Plants are smaller in small local economies: typical size × clamp((potential / ref)^exponent,
   * min, 1). Without this one typical-size plant gives a tiny county an extreme LQ.
   */
  plantScaleRefJobs: 100_000,
  plantScaleExponent: 0.3,
  plantScaleMin: 0.2,
  /** Above this many expected establishments, counts use a normal approximation. */
  poissonLimit: 30,
} as const;

export interface DemoRegion extends Region {
  /** A representative point (centre of mass), degrees. */
  lon: number;
  lat: number;
  areaKm2: number;
}

export interface SyntheticEconomy {
  cube: EmploymentCube & { establishments: Float64Array[] };
  specs: readonly CategorySpec[];
}

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Weight of a category core in a year: linear from `first` (first year) to `last` (last year). */
export function coreWeight(core: { first: number; last: number }, year: number, years: readonly number[]): number {
  const y0 = years[0];
  const y1 = years[years.length - 1];
  const t = y1 === y0 ? 1 : (year - y0) / (y1 - y0);
  return core.first + (core.last - core.first) * t;
}

function metroIndex(metros: readonly Metro[]): Map<string, number> {
  const index = new Map<string, number>();
  metros.forEach((m, i) => index.set(m.id, i));
  return index;
}

/**
 * Population-like total employment potential per region and year: each metro's jobs spread over
 * nearby regions by distance decay, plus log-normal background employment that thins out far
 * from every metro. It only shapes where jobs go; category totals come from CATEGORY_SPECS.
 */
function regionPotential(
  regions: readonly DemoRegion[],
  dist: Float64Array,
  metros: readonly Metro[],
  years: readonly number[],
  seed: number,
): Float64Array[] {
  const nR = regions.length;
  const nM = metros.length;
  const lastYear = years[years.length - 1];

  const metroShare = new Float64Array(nR * nM);
  const centre = new Float64Array(nR);
  const suburb = new Float64Array(nR);
  for (let m = 0; m < nM; m++) {
    const scale = MODEL.metroKernelKm[0] + MODEL.metroKernelKm[1] * Math.sqrt(metros[m].jobs);
    let centreSum = 0;
    let suburbSum = 0;
    for (let r = 0; r < nR; r++) {
      const d = dist[r * nM + m];
      centre[r] = Math.exp(-d / MODEL.centreKm);
      suburb[r] = regions[r].areaKm2 * Math.exp(-d / scale);
      centreSum += centre[r];
      suburbSum += suburb[r];
    }
    for (let r = 0; r < nR; r++) {
      metroShare[r * nM + m] =
        (MODEL.centreShare * centre[r]) / centreSum + ((1 - MODEL.centreShare) * suburb[r]) / suburbSum;
    }
  }

  const background = new Float64Array(nR);
  let backgroundSum = 0;
  for (let r = 0; r < nR; r++) {
    let nearest = Infinity;
    for (let m = 0; m < nM; m++) nearest = Math.min(nearest, dist[r * nM + m]);
    const z = new Stream(hashKey(seed, hashString(regions[r].id), 0xb0)).normal();
    const remoteness = MODEL.backgroundFloor + (1 - MODEL.backgroundFloor) * Math.exp(-nearest / MODEL.backgroundDecayKm);
    background[r] = Math.exp(MODEL.backgroundSigma * z) * remoteness;
    backgroundSum += background[r];
  }

  return years.map((year) => {
    const dt = year - lastYear;
    const potential = new Float64Array(nR);
    const bg = (MODEL.backgroundJobs / backgroundSum) * (1 + MODEL.backgroundGrowth) ** dt;
    for (let r = 0; r < nR; r++) {
      let jobs = background[r] * bg;
      for (let m = 0; m < nM; m++) {
        jobs += metros[m].jobs * 1e6 * (1 + metros[m].growth) ** dt * metroShare[r * nM + m];
      }
      potential[r] = jobs;
    }
    return potential;
  });
}

/**
 * Builds the synthetic economy for the given regions. Same seed and inputs → identical output.
 * Values are integers; establishments ≥ 1 wherever employment > 0, and 0 where it is 0.
 */
export function buildEconomy(
  regions: readonly DemoRegion[],
  seed: number = DEFAULT_SEED,
  years: readonly number[] = DEMO_YEARS,
  specs: readonly CategorySpec[] = CATEGORY_SPECS,
  metros: readonly Metro[] = METROS,
): SyntheticEconomy {
  const nR = regions.length;
  const nC = specs.length;
  const nY = years.length;
  const nM = metros.length;
  const lastYear = years[nY - 1];
  const metroAt = metroIndex(metros);

  // Distance from a metro to a region: to the edge of a disc half the region's equivalent radius
  // around its centre, so a core inside a large county is at distance 0 from it even when the
  // county's centre of mass lies far out in the countryside.
  const dist = new Float64Array(nR * nM);
  for (let r = 0; r < nR; r++) {
    const reach = 0.5 * Math.sqrt(Math.max(0, regions[r].areaKm2) / Math.PI);
    for (let m = 0; m < nM; m++) {
      const d = distanceKm(regions[r].lon, regions[r].lat, metros[m].lon, metros[m].lat);
      dist[r * nM + m] = Math.max(0, d - reach);
    }
  }
  const potential = regionPotential(regions, dist, metros, years, seed);
  const regionKeys = regions.map((r) => hashString(r.id));

  const shareSum = specs.reduce((s, c) => s + c.share, 0);
  const employment = years.map(() => new Float64Array(nR * nC));
  const establishments = years.map(() => new Float64Array(nR * nC));

  // Per-cell draws: persistent (z: location noise, u: plant-count quantile, eta: plant size),
  // then per year (xi: location noise, zeta: plant size).
  const perCell = 3 + 2 * nY;
  const draws = new Float64Array(nR * perCell);
  const weight = new Float64Array(nR);

  specs.forEach((spec, c) => {
    const categoryKey = hashString(spec.id);
    for (let r = 0; r < nR; r++) {
      const s = new Stream(hashKey(seed, regionKeys[r], categoryKey));
      const o = r * perCell;
      draws[o] = s.normal();
      draws[o + 1] = s.uniform();
      draws[o + 2] = s.normal();
      for (let y = 0; y < 2 * nY; y++) draws[o + 3 + y] = s.normal();
    }

    const cores = spec.cores.map((core) => {
      const m = metroAt.get(core.metro);
      if (m === undefined) throw new Error(`demo category ${spec.id}: unknown metro core "${core.metro}"`);
      return { m, core };
    });
    const sigma = spec.group === 'traded' ? MODEL.cellSigmaTraded : MODEL.cellSigmaLocal;

    years.forEach((year, y) => {
      const nationalJobs = (MODEL.totalJobs * spec.share) / shareSum * (1 + spec.growth) ** (year - lastYear);
      const coreWeights = cores.map(({ core }) => coreWeight(core, year, years));
      let sum = 0;
      for (let r = 0; r < nR; r++) {
        let intensity = 1;
        for (let k = 0; k < cores.length; k++) {
          intensity += spec.amplitude * coreWeights[k] * Math.exp(-dist[r * nM + cores[k].m] / spec.radiusKm);
        }
        const o = r * perCell;
        const noise = Math.exp(sigma * draws[o] + MODEL.yearSigma * draws[o + 3 + y]);
        weight[r] = potential[y][r] * intensity * noise;
        sum += weight[r];
      }

      const emp = employment[y];
      const est = establishments[y];
      for (let r = 0; r < nR; r++) {
        const o = r * perCell;
        const expected = (nationalJobs * weight[r]) / sum;
        const plantSize =
          spec.plantSize *
          Math.min(1, Math.max(MODEL.plantScaleMin, (potential[y][r] / MODEL.plantScaleRefJobs) ** MODEL.plantScaleExponent));
        const expectedPlants = expected / plantSize;
        // Mean-one log-normal factor: a county's plants are bigger or smaller than typical.
        const plantFactor = Math.exp(
          MODEL.plantSigma * draws[o + 2] + MODEL.yearSigma * draws[o + 3 + nY + y] -
            (MODEL.plantSigma ** 2 + MODEL.yearSigma ** 2) / 2,
        );
        let jobs: number;
        let plants: number;
        if (expectedPlants <= MODEL.poissonLimit) {
          // Few plants: the count is Poisson, so small counties often have none (a zero cell)
          // or a single plant of typical size; expected employment is preserved.
          plants = poissonQuantile(draws[o + 1], expectedPlants);
          jobs = plants === 0 ? 0 : Math.max(plants, Math.round(plants * plantSize * plantFactor));
        } else {
          jobs = Math.round(expected);
          plants = Math.min(jobs, Math.max(1, Math.round(expectedPlants / plantFactor)));
        }
        emp[r * nC + c] = jobs;
        est[r * nC + c] = plants;
      }
    });
  });

  const categories: Category[] = specs.map((s) => ({ id: s.id, name: s.name, group: s.group }));
  return {
    cube: {
      regions: regions.map((r) => ({ id: r.id, name: r.name })),
      categories,
      years: [...years],
      employment,
      establishments,
    },
    specs,
  };
}
