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
 * Thresholds come from thresholds.ts; `cellStars` is the per-cell rule that applies them.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../model/dataset';

// In locals: an imported binding can be a getter call per use (CommonJS interop under Node).
const SIZE = STAR_SIZE;
const SPEC = STAR_SPECIALISATION;
const FOCUS = STAR_FOCUS;

/**
 * One cell's star bits. `rowFocus` / `rowLq` are 1 where the region's focus share / LQ is defined,
 * 0 where it is not (then that star cannot be earned); a category whose LQ is undefined passes
 * `lqT` = NaN, which no LQ reaches. Flags rather than NaN-masked values: choosing NaN per cell
 * cost the hot loop half its speed. Written without data-dependent branches (`+(a >= b)` compiles
 * to a flag, not a jump): whether a cell is zero is unpredictable in real tables, and
 * mispredictions bound a branchy loop. Applied where cellPass.ts settles a cell, and lane by lane
 * in the per-cell pass of kernels/passes.wat; the count of stars is derived from the bits
 * (cellValues.ts).
 */
export function cellStars(e: number, focus: number, lq: number, sizeT: number, lqT: number, focusT: number, rowFocus: number, rowLq: number): number {
  const size = +(e >= sizeT);
  const spec = +(lq >= lqT) & rowLq;
  const foc = +(focus >= focusT) & rowFocus;
  return ((size * SIZE) | (spec * SPEC) | (foc * FOCUS)) & -(+(e > 0));
}
