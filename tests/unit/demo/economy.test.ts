import { beforeAll, describe, expect, it } from 'vitest';
import { neighbors } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { buildDemo, DEMO_YEARS, type Demo } from '../../../src/demo/index';
import { loadCountiesTopology } from '../../../src/demo/counties';
import { distanceKm } from '../../../src/demo/economy';
import { METROS } from '../../../src/demo/metros';

let demo: Demo;
beforeAll(() => {
  demo = buildDemo(1);
});

const metro = new Map(METROS.map((m) => [m.id, m]));

/** LQ of every region for category c in year y, plus the totals it came from (independent of src/indicators). */
function lqOf(y: number, c: number) {
  const { cube } = demo.economy;
  const nR = cube.regions.length;
  const nC = cube.categories.length;
  const emp = cube.employment[y];
  const regionTotal = new Float64Array(nR);
  let categoryTotal = 0;
  let total = 0;
  for (let r = 0; r < nR; r++) {
    for (let k = 0; k < nC; k++) regionTotal[r] += emp[r * nC + k];
    categoryTotal += emp[r * nC + c];
    total += regionTotal[r];
  }
  const lq = Float64Array.from({ length: nR }, (_, r) => (emp[r * nC + c] / regionTotal[r]) / (categoryTotal / total));
  return { lq, regionTotal, categoryTotal, total, emp, nC };
}

/** Distance from each county to the nearest of the given metros (plain centre-to-centre). */
function nearestCoreKm(metroIds: string[]): number[] {
  const cores = metroIds.map((id) => metro.get(id)!);
  return demo.geography.counties.map((r) => Math.min(...cores.map((m) => distanceKm(r.lon, r.lat, m.lon, m.lat))));
}

const sumOf = (values: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
};

describe('demo economy: determinism', () => {
  it('gives identical tables for the same seed and different ones for another seed', () => {
    const again = buildDemo(1);
    const other = buildDemo(2);
    const a = demo.economy.cube;
    const differences = (x: Float64Array, y: Float64Array) => {
      let n = 0;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
      return n;
    };
    for (let y = 0; y < a.years.length; y++) {
      expect(differences(again.economy.cube.employment[y], a.employment[y])).toBe(0);
      expect(differences(again.economy.cube.establishments[y], a.establishments[y])).toBe(0);
    }
    const last = a.years.length - 1;
    expect(differences(other.economy.cube.employment[last], a.employment[last]) / a.employment[last].length).toBeGreaterThan(0.5);
  });

  it('rejects a seed that is not a 32-bit unsigned integer', () => {
    expect(() => buildDemo(-1)).toThrow(/seed/);
    expect(() => buildDemo(1.5)).toThrow(/seed/);
  });
});

describe('demo economy: shape and values', () => {
  it('covers every county, every category and every year', () => {
    const { cube } = demo.economy;
    expect(cube.years).toEqual([...DEMO_YEARS]);
    expect(cube.regions.map((r) => r.id)).toEqual(demo.geography.counties.map((c) => c.id));
    expect(cube.categories.length).toBeGreaterThanOrEqual(45);
    expect(cube.categories.length).toBeLessThanOrEqual(60);
    for (const values of [...cube.employment, ...cube.establishments]) {
      expect(values.length).toBe(cube.regions.length * cube.categories.length);
    }
    // Every county has jobs every year.
    for (let y = 0; y < cube.years.length; y++) {
      const { regionTotal } = lqOf(y, 0);
      expect(Math.min(...regionTotal)).toBeGreaterThan(0);
    }
  });

  it('has non-negative integers, establishments ≥ 1 exactly where employment > 0 and never more than employment', () => {
    const { cube } = demo.economy;
    let bad = 0;
    let zeros = 0;
    let cells = 0;
    for (let y = 0; y < cube.years.length; y++) {
      const e = cube.employment[y];
      const p = cube.establishments[y];
      for (let i = 0; i < e.length; i++) {
        cells++;
        if (!Number.isInteger(e[i]) || !Number.isInteger(p[i]) || e[i] < 0 || p[i] < 0) bad++;
        if (e[i] > 0 !== p[i] > 0 || p[i] > e[i]) bad++;
        if (e[i] === 0) zeros++;
      }
    }
    expect(bad).toBe(0);
    // Some zero cells (absent categories), but most cells are filled.
    expect(zeros / cells).toBeGreaterThan(0.05);
    expect(zeros / cells).toBeLessThan(0.4);
  });

  it('puts the zero cells in small counties', () => {
    const { cube } = demo.economy;
    const y = cube.years.length - 1;
    const { regionTotal, emp, nC } = lqOf(y, 0);
    const order = [...regionTotal.keys()].sort((a, b) => regionTotal[a] - regionTotal[b]);
    const zeroShare = (regions: number[]) => {
      let z = 0;
      for (const r of regions) for (let c = 0; c < nC; c++) if (emp[r * nC + c] === 0) z++;
      return z / (regions.length * nC);
    };
    const quarter = Math.floor(order.length / 4);
    const smallest = zeroShare(order.slice(0, quarter));
    const largest = zeroShare(order.slice(-quarter));
    expect(smallest).toBeGreaterThan(0.3);
    // Rare categories (coal, metal mining) are absent from most large counties too.
    expect(largest).toBeLessThan(smallest / 3);
  });

  it('has realistic magnitudes: about 150 million jobs in 2022, fewer in 2012, big metro counties on top', () => {
    const { cube } = demo.economy;
    const totals = cube.employment.map(sumOf);
    expect(totals[totals.length - 1]).toBeGreaterThan(145e6);
    expect(totals[totals.length - 1]).toBeLessThan(155e6);
    expect(totals[0]).toBeGreaterThan(120e6);
    expect(totals[0]).toBeLessThan(totals[totals.length - 1]);
    // Traded clusters are about a third of all jobs (U.S. Cluster Mapping: ~36 %).
    const y = cube.years.length - 1;
    const nC = cube.categories.length;
    let traded = 0;
    cube.categories.forEach((c, k) => {
      if (c.group !== 'traded') return;
      for (let r = 0; r < cube.regions.length; r++) traded += cube.employment[y][r * nC + k];
    });
    expect(traded / totals[y]).toBeGreaterThan(0.28);
    expect(traded / totals[y]).toBeLessThan(0.42);

    const { regionTotal } = lqOf(y, 0);
    const top = [...regionTotal.keys()].sort((a, b) => regionTotal[b] - regionTotal[a]).slice(0, 12).map((r) => cube.regions[r].id);
    for (const county of ['06037', '17031', '48201', '36061']) expect(top).toContain(county); // LA, Cook, Harris, Manhattan
    const sorted = [...regionTotal].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1];
    expect(median).toBeGreaterThan(5_000);
    expect(median).toBeLessThan(40_000);
  });
});

describe('demo economy: spatial pattern', () => {
  const traded = () => demo.economy.specs.map((s, c) => ({ s, c })).filter(({ s }) => s.group === 'traded');
  const activeCores = (c: number) => demo.economy.specs[c].cores.filter((k) => k.last > 0).map((k) => k.metro);

  it('concentrates each traded category around its cores: high LQ near them, low far away', () => {
    const y = demo.economy.cube.years.length - 1;
    for (const { s, c } of traded()) {
      const { emp, regionTotal, categoryTotal, total, nC } = lqOf(y, c);
      const d = nearestCoreKm(activeCores(c));
      let nearE = 0, nearT = 0, farE = 0, farT = 0;
      d.forEach((km, r) => {
        if (km <= s.radiusKm) {
          nearE += emp[r * nC + c];
          nearT += regionTotal[r];
        } else if (km > 3 * s.radiusKm) {
          farE += emp[r * nC + c];
          farT += regionTotal[r];
        }
      });
      const nearLq = nearE / nearT / (categoryTotal / total);
      const farLq = farE / farT / (categoryTotal / total);
      expect({ category: s.id, near: nearLq > 1.3, far: farLq < 1, ratio: nearLq > 1.75 * farLq }).toEqual({ category: s.id, near: true, far: true, ratio: true });
    }
  });

  it('ranks counties near the cores among the top 10 % by LQ far more often than chance', () => {
    const y = demo.economy.cube.years.length - 1;
    for (const { s, c } of traded()) {
      const { lq, emp, nC } = lqOf(y, c);
      const d = nearestCoreKm(activeCores(c));
      const present = [...lq.keys()].filter((r) => emp[r * nC + c] > 0).sort((a, b) => lq[b] - lq[a]);
      const top = present.slice(0, Math.ceil(present.length * 0.1));
      const near = (regions: number[]) => regions.filter((r) => d[r] <= 2 * s.radiusKm).length / regions.length;
      const all = [...lq.keys()];
      expect({ category: s.id, enriched: near(top) >= 1.5 * near(all) }).toEqual({ category: s.id, enriched: true });
    }
  });

  it("has positive spatial autocorrelation of LQ (Moran's I, rook neighbours) in traded categories, little in local ones", () => {
    const topology = loadCountiesTopology();
    const geometries = (topology.objects.counties as GeometryCollection).geometries;
    const index = new Map(demo.economy.cube.regions.map((r, i) => [r.id, i]));
    const adjacency: number[][] = demo.economy.cube.regions.map(() => []);
    neighbors(geometries).forEach((list, i) => {
      const r = index.get(String(geometries[i].id));
      if (r === undefined) return;
      for (const j of list) {
        const s = index.get(String(geometries[j].id));
        if (s !== undefined) adjacency[r].push(s);
      }
    });
    // Row-standardised Moran's I over regions with neighbours.
    const moran = (x: Float64Array): number => {
      const withNeighbours = [...x.keys()].filter((r) => adjacency[r].length > 0);
      const mean = withNeighbours.reduce((a, r) => a + x[r], 0) / withNeighbours.length;
      let num = 0;
      let den = 0;
      for (const r of withNeighbours) {
        const dr = x[r] - mean;
        den += dr * dr;
        let lag = 0;
        for (const s of adjacency[r]) lag += x[s] - mean;
        num += (dr * lag) / adjacency[r].length;
      }
      return num / den;
    };
    const y = demo.economy.cube.years.length - 1;
    const tradedI: number[] = [];
    const localI: number[] = [];
    demo.economy.specs.forEach((s, c) => (s.group === 'traded' ? tradedI : localI).push(moran(lqOf(y, c).lq)));
    expect(Math.min(...tradedI)).toBeGreaterThan(0.05);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(tradedI)).toBeGreaterThan(0.2);
    expect(mean(localI)).toBeLessThan(mean(tradedI) / 3);
  });
});

describe('demo economy: change over time', () => {
  it('moves each growing or declining category in the stated direction, at about the stated rate', () => {
    const { cube, specs } = demo.economy;
    const nC = cube.categories.length;
    const first = 0;
    const last = cube.years.length - 1;
    const span = cube.years[last] - cube.years[first];
    specs.forEach((s, c) => {
      let a = 0;
      let b = 0;
      for (let r = 0; r < cube.regions.length; r++) {
        a += cube.employment[first][r * nC + c];
        b += cube.employment[last][r * nC + c];
      }
      const stated = (1 + s.growth) ** span;
      if (Math.abs(s.growth) >= 0.01) expect({ category: s.id, direction: Math.sign(b - a) }).toEqual({ category: s.id, direction: Math.sign(s.growth) });
      // Rounding, zero cells and plant noise keep national totals within a few percent of the model.
      expect({ category: s.id, ratio: Math.abs(b / a / stated - 1) < 0.06 }).toEqual({ category: s.id, ratio: true });
    });
  });

  it("shifts employment between cores as stated: a core's catchment gains share when its weight rises and loses it when it falls", () => {
    const { cube, specs } = demo.economy;
    const nC = cube.categories.length;
    const last = cube.years.length - 1;
    const counties = demo.geography.counties;
    let checked = 0;
    specs.forEach((s, c) => {
      for (const core of s.cores) {
        if (core.first === core.last) continue;
        const m = metro.get(core.metro)!;
        // The core's own catchment: within 0.75 radius and nearer to it than to the category's other cores.
        const zone = counties
          .map((county, r) => ({ r, d: distanceKm(county.lon, county.lat, m.lon, m.lat), county }))
          .filter(({ d, county }) => d <= 0.75 * s.radiusKm && s.cores.every((o) => o === core || distanceKm(county.lon, county.lat, metro.get(o.metro)!.lon, metro.get(o.metro)!.lat) > d))
          .map(({ r }) => r);
        expect(zone.length).toBeGreaterThan(0);
        const share = (y: number) => {
          let inZone = 0;
          let all = 0;
          for (let r = 0; r < cube.regions.length; r++) all += cube.employment[y][r * nC + c];
          for (const r of zone) inZone += cube.employment[y][r * nC + c];
          return inZone / all;
        };
        expect({ category: s.id, core: core.metro, direction: Math.sign(share(last) - share(0)) }).toEqual({ category: s.id, core: core.metro, direction: Math.sign(core.last - core.first) });
        checked++;
      }
    });
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
