import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/**
 * Real public data lives in ../shared/data beside the checkout and is read in place, never copied.
 * Under CI its absence is a failure; on a developer machine the tests that need it are skipped
 * with a message saying why.
 */
const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DATA = process.env.CLUSTER_ATLAS_SHARED_DATA ?? resolve(here, '../../shared/data');

export function sharedDataPath(relative: string): string {
  return resolve(SHARED_DATA, relative);
}

/** True when every listed file exists; throws under CI when one is missing; warns otherwise. */
export function haveSharedData(...relatives: string[]): boolean {
  const missing = relatives.filter((r) => !existsSync(sharedDataPath(r)));
  if (missing.length === 0) return true;
  const message = `real data missing in ${SHARED_DATA}: ${missing.join(', ')}`;
  if (process.env.CI) throw new Error(`${message} (required when CI is set)`);
  console.warn(`skipping tests that need ${message}`);
  return false;
}
