import { FEATURE_ID, ID_CANDIDATES } from './boundaries';
import { codeAliases, normaliseRegionName } from './regionNames';

/** Anything feature-like: only `id` and `properties` are read (geometry may be absent). */
export type FeatureLike = { id?: string | number; properties?: Record<string, unknown> | null };

export interface IdPropertyScore {
  /** A property name, or FEATURE_ID for the features' own ids. */
  property: string;
  /** Data codes equal to the property's value, directly or under a code alias (EL↔GR). */
  matched: number;
  /** Data codes equal to it only after name normalisation ("г. Москва" ~ "Москва"). */
  matchedByName: number;
}

/**
 * Which feature property holds the data's region codes: the one whose values match most of them
 * (exactly or by code alias; normalised-name matches break ties and help name-keyed data; then
 * a well-known id name such as NUTS_ID wins). Returns every candidate, best first; properties matching nothing are left out.
 */
export function rankIdProperties(features: readonly FeatureLike[], dataCodes: Iterable<string>): IdPropertyScore[] {
  const codes = new Set([...dataCodes].map((c) => c.trim()).filter((c) => c !== ''));
  const withAliases = new Set<string>();
  for (const c of codes) for (const a of [c, ...codeAliases(c)]) withAliases.add(a);
  const names = new Set([...codes].map(normaliseRegionName));
  const properties = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) properties.add(key);
  // Last, so that on a tie a named property wins over ids that readBoundaries may have copied from it.
  properties.add(FEATURE_ID);

  const scores: IdPropertyScore[] = [];
  for (const property of properties) {
    const values = new Set<string>();
    for (const f of features) {
      const v = property === FEATURE_ID ? f.id : f.properties?.[property];
      if (typeof v === 'string' || typeof v === 'number') values.add(String(v).trim());
    }
    let matched = 0;
    let matchedByName = 0;
    for (const v of values) {
      if (withAliases.has(v)) matched++;
      else if (names.has(normaliseRegionName(v))) matchedByName++;
    }
    if (matched + matchedByName > 0) scores.push({ property, matched, matchedByName });
  }
  // On a tie (GISCO's FID repeats NUTS_ID) a well-known id name wins.
  const known = (p: string) => {
    const i = ID_CANDIDATES.indexOf(p);
    return i < 0 ? ID_CANDIDATES.length : i;
  };
  return scores.sort((a, b) => b.matched - a.matched || b.matchedByName - a.matchedByName || known(a.property) - known(b.property));
}

/** The best id property for these data codes, or undefined when no property matches any. */
export function bestIdProperty(features: readonly FeatureLike[], dataCodes: Iterable<string>): IdPropertyScore | undefined {
  return rankIdProperties(features, dataCodes)[0];
}
