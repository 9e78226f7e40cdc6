/**
 * European Cluster Observatory stars, and the source article's all-ranking reading of them.
 *
 * For each category c only regions with E(r,c) > 0 compete (n of them). A ranking star goes to
 * the top ⌈cutShare · n⌉: the threshold is the ⌈cutShare · n⌉-th largest value and every region
 * at or above it earns the star, so ties at the threshold all get it.
 *  - size: E(r,c) ranked;                         (eco and paper)
 *  - focus: E(r,c) / E(r) ranked;                 (eco and paper)
 *  - specialisation: LQ ≥ lqThreshold (eco and cmp), or LQ ranked like the others (paper; regions
 *    whose LQ is undefined do not compete).
 * A cell with E(r,c) = 0 or not reported earns no star under any rule.
 * Thresholds come from thresholds.ts; this is the per-cell pass that applies them.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../model/dataset';
import type { StarThresholds } from './types';

export function assignStars(
  nRegions: number,
  nCategories: number,
  employment: Float64Array,
  focus: Float64Array,
  lq: Float64Array,
  t: StarThresholds,
  out?: { stars: Uint8Array; starCount: Uint8Array },
): { stars: Uint8Array; starCount: Uint8Array } {
  const n = nRegions * nCategories;
  const stars = out?.stars ?? new Uint8Array(n);
  const starCount = out?.starCount ?? new Uint8Array(n);
  const { size: sizeT, specialisation: lqT, focus: focusT } = t;
  // Written without data-dependent branches (`+(a >= b)` compiles to a flag, not a jump): whether
  // a cell is zero is unpredictable in real tables, and mispredictions bound a branchy loop.
  for (let r = 0, i = 0; r < nRegions; r++) {
    for (let c = 0; c < nCategories; c++, i++) {
      const e = employment[i];
      const size = +(e >= sizeT[c]);
      const spec = +(lq[i] >= lqT[c]);
      const foc = +(focus[i] >= focusT[c]);
      const positive = -(+(e > 0));
      stars[i] = ((size * STAR_SIZE) | (spec * STAR_SPECIALISATION) | (foc * STAR_FOCUS)) & positive;
      starCount[i] = (size + spec + foc) & positive;
    }
  }
  return { stars, starCount };
}
