/**
 * NUTS versions: which version of the NUTS code list a set of codes belongs to (from the tables of
 * level-2 codes per version: 2013 and 2021 generated from GISCO files in nutsCodes.ts, 2010 from the
 * JRC converter matrix in nutsCodes2010.ts), so that a join can say "a code of NUTS 2013, the map
 * is NUTS 2021" instead of "unknown", and name the shipped boundary set that fits the data.
 */
import { NUTS2_CODES } from './nutsCodes';
import { NUTS2_CODES_2010 } from './nutsCodes2010';

const NUTS2 = /^[A-Z]{2}[0-9A-Z]{2}$/;
const VERSIONS = Object.entries({ '2010': NUTS2_CODES_2010, ...NUTS2_CODES }).map(([version, { codes }]) => ({ version, codes: new Set(codes) }));

/** Boundaries the site ships, per NUTS version, for the advice. */
export const SHIPPED_NUTS_BOUNDARIES: Record<string, string> = {
  '2013': 'geo/eu-nuts2-lfs/regions.geojson (NUTS 2013, shipped with the dataset "eu-nuts2-lfs")',
};

/** Greece is EL in Eurostat's tables, GR in some boundary files; the lists use EL. */
function canonical(code: string): string {
  return code.startsWith('GR') ? `EL${code.slice(2)}` : code;
}

/**
 * How many of the codes each version knows (NUTS-2-shaped codes only), most first; on a tie the
 * newer version, since most codes are shared by consecutive versions (a map of German regions
 * alone fits 2010 and 2013 alike) and the newer list is the one still in use.
 */
export function versionFits(codes: Iterable<string>): { version: string; fits: number; of: number }[] {
  const shaped = [...new Set([...codes].map(canonical))].filter((c) => NUTS2.test(c));
  return VERSIONS.map(({ version, codes: known }) => ({ version, fits: shaped.filter((c) => known.has(c)).length, of: shaped.length })).sort(
    (a, b) => b.fits - a.fits || b.version.localeCompare(a.version),
  );
}

/** The NUTS version of a map's ids: the one knowing most of them, if it knows most of them. */
export function mapNutsVersion(mapIds: Iterable<string>): string | undefined {
  const [best] = versionFits(mapIds);
  return best && best.of > 0 && best.fits * 2 > best.of ? best.version : undefined;
}

/** The versions other than the map's that know this code, when the map's version does not. */
export function otherVersionsOf(code: string, mapVersion: string): string[] {
  const c = canonical(code);
  if (!NUTS2.test(c) || VERSIONS.find((v) => v.version === mapVersion)?.codes.has(c)) return [];
  return VERSIONS.filter((v) => v.version !== mapVersion && v.codes.has(c)).map((v) => v.version);
}

export interface NutsAdvice {
  mapVersion: string;
  dataVersion: string;
  /** Of the data's NUTS-2 codes: how many the data's version and the map's version know. */
  dataFits: number;
  mapFits: number;
  codes: number;
  /** The shipped boundary set of the data's version, if the site ships one. */
  boundaries?: string;
  text: string;
}

/** When most of the data's codes fit another NUTS version than the map's: say so, and which boundaries fit. */
export function nutsAdvice(dataIds: Iterable<string>, mapVersion: string | undefined): NutsAdvice | undefined {
  if (mapVersion === undefined) return undefined;
  const fits = versionFits(dataIds);
  const best = fits[0];
  const map = fits.find((f) => f.version === mapVersion);
  if (!best || !map || best.version === mapVersion || best.fits <= map.fits) return undefined;
  const boundaries = SHIPPED_NUTS_BOUNDARIES[best.version];
  const text =
    `${best.fits} of the table's ${best.of} NUTS-2 codes are codes of NUTS ${best.version}, ${map.fits} of NUTS ${mapVersion} (the map's version): ` +
    (boundaries ? `the boundaries that fit are ${boundaries}` : `boundaries of NUTS ${best.version} would fit`);
  return { mapVersion, dataVersion: best.version, dataFits: best.fits, mapFits: map.fits, codes: best.of, ...(boundaries ? { boundaries } : {}), text };
}
