import type { Region } from '../model/dataset';
import { mapNutsVersion, nutsAdvice, otherVersionsOf, type NutsAdvice } from './nutsVersions';
import { codeAliases, nameAliases, normaliseRegionName, REGION_NAME_ALIASES } from './regionNames';
import { addToGroup } from '../model/groups';

/** Why a data region was taken to be a map region, strongest first. */
export type MatchBasis = 'manual' | 'id' | 'alias' | 'name' | 'name-alias';
export const MATCH_BASES: readonly MatchBasis[] = ['manual', 'id', 'alias', 'name', 'name-alias'];

/**
 * Why a data region is not on the map:
 * - `aggregate`: its code is the start of map region codes (a country or NUTS-1 total of NUTS-2 regions);
 * - `finer`: a map region's code is the start of its code (NUTS-3 data on a NUTS-2 map);
 * - `not-on-map`: nothing on the map has its id or name;
 * - `ambiguous`: its name fits several map regions equally;
 * - `taken`: the map region it fits was already matched, more strongly, to another data region;
 * - `manual-unknown`: a manual fix names a region the map does not have.
 */
export type MissReason = 'aggregate' | 'finer' | 'other-version' | 'not-on-map' | 'ambiguous' | 'taken' | 'manual-unknown';

export interface JoinMatch {
  dataId: string;
  dataName: string;
  regionId: string;
  regionName: string;
  basis: MatchBasis;
}

/** Which sentence explains a miss, with its values, so the interface can say it in its own language. */
export type MissDetail =
  | { key: 'manualUnknown'; unknown: string }
  | { key: 'ambiguous'; list: string }
  | { key: 'taken'; region: string; basis: MatchBasis; owner: string; ownerBasis: MatchBasis }
  | { key: 'noRegion' }
  | { key: 'aggregate'; count: number; examples: string }
  | { key: 'finer'; parent: string }
  | { key: 'otherRevision'; id: string; prefix: string; examples: string }
  | { key: 'otherVersion'; id: string; versions: string; mapVersion: string };

export interface JoinMiss {
  dataId: string;
  dataName: string;
  reason: MissReason;
  /** The explanation in English (CLI, CSV report). */
  detail: string;
  /** The same explanation as a key and values. */
  explanation: MissDetail;
}

export interface JoinReport {
  matched: JoinMatch[];
  /** Map regions that no data region matched, in map order. */
  noData: Region[];
  /** Data regions not matched to any map region, in data order. */
  notOnMap: JoinMiss[];
  counts: {
    dataRegions: number;
    mapRegions: number;
    matched: number;
    noData: number;
    notOnMap: number;
    byBasis: Record<MatchBasis, number>;
    byReason: Record<MissReason, number>;
  };
  /** When the map is NUTS: its version, and advice when most data codes fit another version (nutsVersions.ts). */
  nuts?: { mapVersion: string; advice?: NutsAdvice };
}

export interface JoinOptions {
  /** `id`: codes only; `name`: names only; `auto` (default): codes, then names. Manual fixes apply always. */
  by?: 'id' | 'name' | 'auto';
  /** Manual fixes: data region id or name → map region id (what the app exports as a mapping file). */
  manual?: ReadonlyMap<string, string>;
  /** Groups of names of the same region; the built-in Russian/English table by default. */
  nameAliases?: readonly (readonly string[])[];
  /** Match EL↔GR and UK↔GB country prefixes (default true). */
  codeAliases?: boolean;
}

type Candidate = { region: Region } | { ambiguous: Region[]; key: string } | { unknown: string } | undefined;

const CODE_LIKE = /^[A-Za-z0-9_.-]+$/;

/**
 * Matches the regions of a data table to the regions of a map and accounts for every one of both:
 * each match says on what basis, and each data region left over says why. Bases are tried from
 * the strongest (manual, exact id) to the weakest (name alias); a map region, once matched, is not
 * given to a second data region, which is reported as `taken` instead of silently overwriting.
 */
export function joinRegions(data: readonly Region[], map: readonly Region[], options: JoinOptions = {}): JoinReport {
  const by = options.by ?? 'auto';
  const groups = options.nameAliases ?? REGION_NAME_ALIASES;
  const mapById = new Map(map.map((r) => [r.id, r]));
  const mapByName = new Map<string, Region[]>();
  for (const r of map) {
    const key = normaliseRegionName(r.name);
    addToGroup(mapByName, key, r);
  }
  const byName = (key: string): Candidate => {
    const found = mapByName.get(key);
    if (!found) return undefined;
    return found.length === 1 ? { region: found[0] } : { ambiguous: found, key };
  };
  const dataKeys = (d: Region) => [...new Set([d.name, d.id].map(normaliseRegionName))].filter((k) => k !== '');

  const mapByExactName = new Map<string, Region[]>();
  for (const r of map) addToGroup(mapByExactName, r.name.trim(), r);
  const finders: Record<MatchBasis | 'exact-name', (d: Region) => Candidate> = {
    manual: (d) => {
      const target = options.manual?.get(d.id) ?? options.manual?.get(d.name);
      if (target === undefined) return undefined;
      const region = mapById.get(target);
      return region ? { region } : { unknown: target };
    },
    id: (d) => {
      const region = mapById.get(d.id);
      return region ? { region } : undefined;
    },
    alias: (d) => {
      if (options.codeAliases === false) return undefined;
      const region = codeAliases(d.id).map((a) => mapById.get(a)).find((r) => r !== undefined);
      return region ? { region } : undefined;
    },
    name: (d) => firstCandidate(dataKeys(d).map(byName)),
    // Runs before `name` and reports as `name`: "Москва" = "Москва" should beat "г. Москва" ~ "Москва".
    'exact-name': (d) => {
      const found = mapByExactName.get(d.name.trim());
      return found?.length === 1 ? { region: found[0] } : undefined;
    },
    'name-alias': (d) => firstCandidate(dataKeys(d).flatMap((k) => nameAliases(k, groups)).map(byName)),
  };
  const passes: (MatchBasis | 'exact-name')[] = ['manual'];
  if (by !== 'name') passes.push('id', 'alias');
  if (by !== 'id') passes.push('exact-name', 'name', 'name-alias');

  const uniqueData = [...new Map(data.map((d) => [d.id, d])).values()];
  const matchOf = new Map<string, JoinMatch>();
  const claimed = new Map<string, JoinMatch>();
  const misses = new Map<string, JoinMiss>();
  for (const pass of passes) {
    const basis: MatchBasis = pass === 'exact-name' ? 'name' : pass;
    for (const d of uniqueData) {
      if (matchOf.has(d.id) || misses.get(d.id)?.reason === 'manual-unknown') continue;
      const candidate = finders[pass](d);
      if (candidate === undefined) continue;
      if ('unknown' in candidate) {
        misses.set(d.id, miss(d, 'manual-unknown', `the manual fix names "${candidate.unknown}", which is not a region on the map`, { key: 'manualUnknown', unknown: candidate.unknown }));
      } else if ('ambiguous' in candidate) {
        if (!misses.has(d.id)) {
          const list = candidate.ambiguous.map((r) => `${r.id} (${r.name})`).join(', ');
          misses.set(d.id, miss(d, 'ambiguous', `the name fits several map regions: ${list}; choose one with a manual fix`, { key: 'ambiguous', list }));
        }
      } else {
        const owner = claimed.get(candidate.region.id);
        if (owner) {
          if (!misses.has(d.id)) {
            const region = `${candidate.region.id} (${candidate.region.name})`;
            misses.set(
              d.id,
              miss(d, 'taken', `fits map region ${region} by ${basis}, which is already matched to "${owner.dataId}" by ${owner.basis}`, {
                key: 'taken',
                region,
                basis,
                owner: owner.dataId,
                ownerBasis: owner.basis,
              }),
            );
          }
          continue;
        }
        const match: JoinMatch = { dataId: d.id, dataName: d.name, regionId: candidate.region.id, regionName: candidate.region.name, basis };
        matchOf.set(d.id, match);
        claimed.set(candidate.region.id, match);
        misses.delete(d.id);
      }
    }
  }

  const mapVersion = mapNutsVersion(map.map((r) => r.id));
  const notOnMap = uniqueData.filter((d) => !matchOf.has(d.id)).map((d) => misses.get(d.id) ?? explainMissingCode(d, map, options.codeAliases !== false, mapVersion));
  const matched = uniqueData.filter((d) => matchOf.has(d.id)).map((d) => matchOf.get(d.id)!);
  const noData = map.filter((r) => !claimed.has(r.id));
  const byBasis = Object.fromEntries(MATCH_BASES.map((b) => [b, 0])) as Record<MatchBasis, number>;
  for (const m of matched) byBasis[m.basis]++;
  const byReason: Record<MissReason, number> = { aggregate: 0, finer: 0, 'other-version': 0, 'not-on-map': 0, ambiguous: 0, taken: 0, 'manual-unknown': 0 };
  for (const m of notOnMap) byReason[m.reason]++;
  const advice = nutsAdvice(uniqueData.map((d) => d.id), mapVersion);
  return {
    ...(mapVersion ? { nuts: { mapVersion, ...(advice ? { advice } : {}) } } : {}),
    matched,
    noData,
    notOnMap,
    counts: { dataRegions: uniqueData.length, mapRegions: map.length, matched: matched.length, noData: noData.length, notOnMap: notOnMap.length, byBasis, byReason },
  };
}

function firstCandidate(candidates: Candidate[]): Candidate {
  return candidates.find((c) => c !== undefined && 'region' in c) ?? candidates.find((c) => c !== undefined);
}

function miss(d: Region, reason: MissReason, detail: string, explanation: MissDetail): JoinMiss {
  return { dataId: d.id, dataName: d.name, reason, detail, explanation };
}

/** For codes: is it a total of map regions, finer than them, or a sibling of them (another code revision)? */
function explainMissingCode(d: Region, map: readonly Region[], useAliases: boolean, mapVersion: string | undefined): JoinMiss {
  const noRegion = () => miss(d, 'not-on-map', 'no region with this id or name on the map', { key: 'noRegion' });
  if (!CODE_LIKE.test(d.id)) return noRegion();
  const versions = mapVersion ? otherVersionsOf(d.id, mapVersion) : [];
  if (versions.length > 0) {
    const list = versions.map((v) => `NUTS ${v}`).join(', ');
    return miss(d, 'other-version', `a code of ${list}, not of NUTS ${mapVersion} (the map's version): the region was recoded or redrawn`, {
      key: 'otherVersion',
      id: d.id,
      versions: list,
      mapVersion: `NUTS ${mapVersion}`,
    });
  }
  const spellings = [d.id, ...(useAliases ? codeAliases(d.id) : [])];
  const codes = map.map((r) => r.id).filter((id) => CODE_LIKE.test(id));
  const children = codes.filter((id) => spellings.some((s) => id.length > s.length && id.startsWith(s)));
  if (children.length > 0) {
    return miss(d, 'aggregate', `a total of ${children.length} map region${children.length > 1 ? 's' : ''} (${examples(children)}), not a region of the map's level`, {
      key: 'aggregate',
      count: children.length,
      examples: examples(children),
    });
  }
  const parent = codes.find((id) => spellings.some((s) => s.length > id.length && s.startsWith(id)));
  if (parent !== undefined) return miss(d, 'finer', `finer than the map: it lies within map region ${parent}`, { key: 'finer', parent });
  const siblings = d.id.length >= 3 ? codes.filter((id) => id.length === d.id.length && spellings.some((s) => id.startsWith(s.slice(0, -1)))) : [];
  if (siblings.length > 0) {
    const prefix = d.id.slice(0, -1);
    return miss(d, 'not-on-map', `no region ${d.id} on the map, which has other regions under ${prefix} (${examples(siblings)}): boundaries from another version of the code list?`, {
      key: 'otherRevision',
      id: d.id,
      prefix,
      examples: examples(siblings),
    });
  }
  return noRegion();
}

function examples(ids: string[]): string {
  return ids.length > 4 ? `${ids.slice(0, 4).join(', ')}, …` : ids.join(', ');
}
