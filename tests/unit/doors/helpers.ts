import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { yearInput } from '../../../src/indicators/cubeInput';
import { indicatorRows } from '../../../src/indicators/indicatorRows';
import { DEFAULT_RULE, type EmploymentCube, type StarRule } from '../../../src/model/dataset';
import type { JoinReport } from '../../../src/io/regionJoin';
import { loadHostedDataset } from '../../../src/engine/datasetSource';

export const DOORS = resolve(import.meta.dirname, '../../fixtures/doors');

/** The indicator table of every year, as the CLI writes it (numbers rounded to survive a CSV round trip). */
export function indicatorTable(cube: EmploymentCube, rule: StarRule = DEFAULT_RULE, withYears = true): string[] {
  const out: string[] = [];
  cube.years.forEach((year, y) => {
    const result = computeIndicators(yearInput(cube, y, rule.kind), rule);
    for (const row of indicatorRows(cube.regions.map((r) => r.id), cube.categories.map((c) => c.id), withYears ? year : '', cube.employment[y], result)) {
      out.push(row.map((v) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(Number(v.toPrecision(12)))) : v)).join(','));
    }
  });
  return out;
}

/** What a join report says, without the order of equal things mattering. */
export function joinFacts(join: JoinReport) {
  return {
    matched: join.matched.map((m) => `${m.dataId}→${m.regionId} (${m.basis})`).sort(),
    notOnMap: join.notOnMap.map((m) => `${m.dataId}: ${m.reason}, ${m.detail}`).sort(),
    noData: join.noData.map((r) => r.id).sort(),
  };
}

/** A hosted folder on disk, loaded through the app's loader with `fetch` reading the files. */
export async function loadHostedFolder(folder: string) {
  const fetch = vi.fn(async (url: string) => {
    try {
      return new Response(readFileSync(fileURLToPath(url)));
    } catch {
      return new Response('', { status: 404, statusText: 'Not Found' });
    }
  });
  vi.stubGlobal('fetch', fetch);
  try {
    return await loadHostedDataset(pathToFileURL(resolve(folder, 'manifest.json')).href, () => {});
  } finally {
    vi.unstubAllGlobals();
  }
}
