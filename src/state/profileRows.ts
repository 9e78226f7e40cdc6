/**
 * What the region profile shows: every category of one region in the computed year, strongest
 * first (stars, then LQ, then employment — the engine's `topCategories` order; categories without
 * employment follow in category order), with the life-cycle stage against the previous year.
 *
 * The stage is read from the engine's `indicatorChange` between the previous available year and
 * this one (computed in the worker), so the profile applies exactly the rule documented in
 * src/indicators/lifeCycle.ts.
 */
import type { IndicatorChange } from '../indicators/change';
import { regionProfile, topCategories, type RegionProfile } from '../indicators/regionProfile';
import type { ComputedView } from '../engine/types';
import { cellDetails, type CellDetails } from '../engine/cellDetails';

/** One category of the region: the tooltip's details of that cell, and its life-cycle stage. */
export interface ProfileRow extends CellDetails {
  category: number;
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
    const row: ProfileRow = { category: c, ...cellDetails(current.view, region, c) };
    if (stages) row.stage = stages[base + c];
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
