/**
 * Per region: how specialised and how diverse its economy is, how many categories are starred,
 * and which categories lead.
 *  - krugman:   Krugman specialisation index Σ_c |f(r,c) − f(c)|, f(r,c) = E(r,c)/E(r) and
 *               f(c) = E(c)/E of the benchmark (0 = same structure as the benchmark, up to 2);
 *  - shannon:   Shannon diversity −Σ_c f(r,c) ln f(r,c) (natural log; 0 = one category);
 *  - evenness:  shannon / ln(nCategories) (Pielou), 1 = employment spread evenly;
 *  - starred:   categories with at least one star.
 * Not-reported cells count as 0. A region without employment gets NaN indices and 0 starred.
 */
import { focusAt, lqAt, starCountAt } from './cellValues';
import type { IndicatorResult } from './types';

export interface RegionProfile {
  krugman: Float64Array;
  shannon: Float64Array;
  evenness: Float64Array;
  starred: Uint32Array;
}

export function regionProfile(result: IndicatorResult): RegionProfile {
  const { nRegions: nR, nCategories: nC, categoryTotal, total } = result;
  const krugman = new Float64Array(nR);
  const shannon = new Float64Array(nR);
  const evenness = new Float64Array(nR);
  const starred = new Uint32Array(nR);
  const benchmarkShare = Float64Array.from(categoryTotal, (e) => (total > 0 && e === e ? e / total : 0));
  const logN = Math.log(nC);
  for (let r = 0, i = 0; r < nR; r++) {
    let k = 0;
    let h = 0;
    let n = 0;
    for (let c = 0; c < nC; c++, i++) {
      const share = focusAt(result, i);
      const f = share === share ? share : 0;
      k += Math.abs(f - benchmarkShare[c]);
      if (f > 0) h -= f * Math.log(f);
      if (starCountAt(result, i) > 0) n++;
    }
    const defined = result.regionTotal[r] > 0;
    krugman[r] = defined ? k : NaN;
    shannon[r] = defined ? h : NaN;
    evenness[r] = defined && nC > 1 ? h / logN : NaN;
    starred[r] = n;
  }
  return { krugman, shannon, evenness, starred };
}

export type TopBy = 'strength' | 'employment' | 'lq';

/**
 * The region's leading categories (indices), among those with employment: by `strength` (stars,
 * then LQ, then employment), by employment, or by LQ; ties keep category order.
 */
export function topCategories(result: IndicatorResult, employment: Float64Array, region: number, n: number, by: TopBy = 'strength'): number[] {
  const nC = result.nCategories;
  const base = region * nC;
  const candidates: number[] = [];
  for (let c = 0; c < nC; c++) if (employment[base + c] > 0) candidates.push(c);
  const lq = (c: number) => {
    const q = lqAt(result, base + c);
    return q === q ? q : -Infinity;
  };
  const emp = (c: number) => employment[base + c];
  const keys: ((c: number) => number)[] =
    by === 'employment' ? [emp] : by === 'lq' ? [lq] : [(c) => starCountAt(result, base + c), lq, emp];
  candidates.sort((a, b) => {
    for (const key of keys) {
      const d = key(b) - key(a);
      if (d !== 0) return d;
    }
    return a - b;
  });
  return candidates.slice(0, n);
}
