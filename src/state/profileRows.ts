/**
 * What the region profile shows: every category of one region in the computed year, strongest
 * first (stars, then LQ, then employment — the engine's `topCategories` order; categories without
 * employment follow in category order), with the life-cycle stage against the previous year.
 *
 * The stage comes from the engine's own `indicatorChange`, run on the region's row of the two
 * years (a one-region slice that keeps the benchmark totals E(c)), so the profile applies exactly
 * the rule documented in src/indicators/lifeCycle.ts without a second copy of it.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../model/dataset';
import { indicatorChange, type YearSnapshot } from '../indicators/change';
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
  previous?: { year: number; view: ComputedView },
): RegionProfileModel {
  const { result, employment } = current.view;
  const nC = result.nCategories;
  const base = region * nC;
  const strongest = topCategories(result, employment, region, nC, 'strength');
  const listed = new Set(strongest);
  const order = [...strongest];
  for (let c = 0; c < nC; c++) if (!listed.has(c)) order.push(c);

  const stages = previous ? rowStages(previous, current, region) : undefined;
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
    if (stages) row.stage = stages[c];
    return row;
  });
  const indices = indicesOf(current.view);
  return {
    region,
    year: current.year,
    previousYear: previous?.year,
    rows,
    regionEmployment: result.regionTotal[region],
    krugman: indices.krugman[region],
    shannon: indices.shannon[region],
    evenness: indices.evenness[region],
    starred: indices.starred[region],
  };
}

function rowStages(from: { year: number; view: ComputedView }, to: { year: number; view: ComputedView }, region: number): Uint8Array {
  return indicatorChange(regionRow(from, region), regionRow(to, region)).stage;
}

/** One region's row of a computed year, with the year's category totals (the growth benchmark). */
function regionRow({ year, view }: { year: number; view: ComputedView }, region: number): YearSnapshot {
  const { result } = view;
  const nC = result.nCategories;
  const cells = <T extends Float64Array | Uint8Array>(a: T) => a.subarray(region * nC, (region + 1) * nC) as T;
  return {
    year,
    employment: cells(view.employment),
    result: { ...result, nRegions: 1, lq: cells(result.lq), focus: cells(result.focus), size: cells(result.size), stars: cells(result.stars), starCount: cells(result.starCount) },
  };
}
