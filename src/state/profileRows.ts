/**
 * What the region profile shows: every category of one region in the computed year, strongest
 * first (stars, then LQ, then employment — the engine's `topCategories` order; categories without
 * employment follow in category order), with the life-cycle stage against the previous year.
 *
 * The stage is read from the engine's `indicatorChange` between the previous available year and
 * this one (computed in the worker), so the profile applies exactly the rule documented in
 * src/indicators/lifeCycle.ts.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../model/dataset';
import type { IndicatorChange } from '../indicators/change';
import { regionProfile, topCategories, type RegionProfile } from '../indicators/regionProfile';
import type { ComputedView } from '../worker/protocol';

export interface ProfileRow {
  category: number;
  employment: number;
  lq: number;
  focus: number;
  size: number;
  starCount: number;
  sizeStar: boolean;
  specialisationStar: boolean;
  focusStar: boolean;
  strong?: boolean;
  strong10?: boolean;
  /** Index into LIFE_CYCLE_STAGES; absent without a previous year. */
  stage?: number;
}

export interface RegionProfileModel {
  region: number;
  year: number;
  /** The year the life-cycle stage compares with. */
  previousYear?: number;
  rows: ProfileRow[];
  regionEmployment: number;
  krugman: number;
  shannon: number;
  evenness: number;
  starred: number;
}

const profiles = new WeakMap<ComputedView, RegionProfile>();

/** Specialisation and diversity of every region, computed once per computed year. */
function indicesOf(view: ComputedView): RegionProfile {
  let p = profiles.get(view);
  if (!p) {
    p = regionProfile(view.result);
    profiles.set(view, p);
  }
  return p;
}

export function regionProfileModel(
  current: { year: number; view: ComputedView },
  region: number,
  /** Change from the previous available year to this one, for the life-cycle stage. */
  change?: IndicatorChange,
): RegionProfileModel {
  const { result, employment } = current.view;
  const nC = result.nCategories;
  const base = region * nC;
  const strongest = topCategories(result, employment, region, nC, 'strength');
  const listed = new Set(strongest);
  const order = [...strongest];
  for (let c = 0; c < nC; c++) if (!listed.has(c)) order.push(c);

  const stages = change && change.toYear === current.year && change.stage.length === employment.length ? change.stage : undefined;
  const rows = order.map((c): ProfileRow => {
    const i = base + c;
    const stars = result.stars[i];
    const row: ProfileRow = {
      category: c,
      employment: employment[i],
      lq: result.lq[i],
      focus: result.focus[i],
      size: result.size[i],
      starCount: result.starCount[i],
      sizeStar: (stars & STAR_SIZE) !== 0,
      specialisationStar: (stars & STAR_SPECIALISATION) !== 0,
      focusStar: (stars & STAR_FOCUS) !== 0,
    };
    if (result.cmp) {
      row.strong = result.cmp.strong[i] === 1;
      row.strong10 = result.cmp.strong10[i] === 1;
    }
    if (stages) row.stage = stages[i];
    return row;
  });
  const indices = indicesOf(current.view);
  return {
    region,
    year: current.year,
    previousYear: stages ? change!.fromYear : undefined,
    rows,
    regionEmployment: result.regionTotal[region],
    krugman: indices.krugman[region],
    shannon: indices.shannon[region],
    evenness: indices.evenness[region],
    starred: indices.starred[region],
  };
}
