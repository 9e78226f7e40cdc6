import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../model/dataset';
import type { ComputedView } from '../engine/types';
import { focusAt, lqAt, sizeAt, starCountAt, strong10At, strongAt } from '../indicators/cellValues';

/** Everything the tooltip says about one region × category in the computed year. */
export interface CellDetails {
  employment: number;
  establishments?: number;
  lq: number;
  /** E(r,c)/E(r): the category's share of the region's employment. */
  focus: number;
  /** E(r,c)/E(c): the region's share of the category's employment. */
  size: number;
  starCount: number;
  sizeStar: boolean;
  specialisationStar: boolean;
  focusStar: boolean;
  strong?: boolean;
  strong10?: boolean;
}

export function cellDetails(view: ComputedView, regionIndex: number, categoryIndex: number): CellDetails {
  const { result } = view;
  const i = regionIndex * result.nCategories + categoryIndex;
  const stars = result.stars[i];
  const details: CellDetails = {
    employment: view.employment[i],
    lq: lqAt(result, i),
    focus: focusAt(result, i),
    size: sizeAt(result, i),
    starCount: starCountAt(result, i),
    sizeStar: (stars & STAR_SIZE) !== 0,
    specialisationStar: (stars & STAR_SPECIALISATION) !== 0,
    focusStar: (stars & STAR_FOCUS) !== 0,
  };
  if (view.establishments) details.establishments = view.establishments[i];
  if (result.cmp) {
    details.strong = strongAt(result, i) === 1;
    details.strong10 = strong10At(result, i) === 1;
  }
  return details;
}
