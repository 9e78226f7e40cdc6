/**
 * Old links keep working: a link's parameters are brought up to the current hash version one
 * step at a time (v1 → v2 → …), so each step only knows the difference between two neighbours.
 * A step keeps exactly what the old version understood and spells out what that version implied
 * without saying it, so a migrated link shows what it showed when it was shared.
 */
import { DEFAULT_RULE } from '../model/dataset';

/** The version `formatHash` writes. */
export const HASH_VERSION = 2;

type Step = (old: URLSearchParams) => URLSearchParams;

/**
 * v1 (before the `v` key existed): `cat`, `ind`, `year`, optional `region` and `lang`; the map
 * was always the indicator choropleth under the ECO rule with its published parameters.
 * Keys v1 ignored are dropped rather than read with v2 meanings they never had.
 */
function v1ToV2(old: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const key of ['cat', 'ind', 'year', 'region', 'lang']) {
    const value = old.get(key);
    if (value !== null) next.set(key, value);
  }
  next.set('mode', 'choropleth');
  next.set('rule', 'eco');
  next.set('cut', String(DEFAULT_RULE.cutShare));
  next.set('lqmin', String(DEFAULT_RULE.lqThreshold));
  return next;
}

/** `STEPS[v]` turns a version-v link into a version v+1 link. */
const STEPS: Record<number, Step> = { 1: v1ToV2 };

export interface VersionedParams {
  /** The link's parameters in the current version's terms (without `v`). */
  params: URLSearchParams;
  /** The version the link was written in. */
  version: number;
  /** Written by a newer app: read as the current version, unknown keys ignored. */
  newer: boolean;
  /** `v` was present but not a version number; read as the current version. */
  badVersion: boolean;
}

export function migrateParams(raw: URLSearchParams): VersionedParams {
  const params = new URLSearchParams(raw);
  const v = params.get('v');
  params.delete('v');
  if (v === null) return { params: upgrade(params, 1), version: 1, newer: false, badVersion: false };
  if (!/^[1-9]\d{0,5}$/.test(v)) return { params, version: HASH_VERSION, newer: false, badVersion: true };
  const version = Number(v);
  if (version > HASH_VERSION) return { params, version, newer: true, badVersion: false };
  return { params: upgrade(params, version), version, newer: false, badVersion: false };
}

function upgrade(params: URLSearchParams, from: number): URLSearchParams {
  let current = params;
  for (let v = from; v < HASH_VERSION; v++) current = STEPS[v](current);
  return current;
}
