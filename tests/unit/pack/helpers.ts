import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, vi } from 'vitest';
import type { EmploymentCube } from '../../../src/model/dataset';
import type { NeighbourList } from '../../../src/indicators/spatial/weights';
import { runPack } from '../../../src/pack/run';
import { loadHostedDataset } from '../../../src/engine/datasetSource';

export const PACK_FIXTURES = fileURLToPath(new URL('../../fixtures/pack/', import.meta.url));

/** A temporary folder for this test file, removed when it ends. */
export function temporaryFolder(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-pack-'));
    made.push(dir);
    return dir;
  };
}

/** Runs `npm run dataset` in-process, capturing what it prints. */
export async function pack(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPack(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

/**
 * Loads a packed folder exactly as the app does (`loadHostedDataset`, the worker's loader), with
 * fetch reading the folder from disk; a binary pack's years all fetched (as a series would ask)
 * unless `allYears` is false. `requested` collects the files asked for, in order.
 */
export async function loadPacked(folder: string, { allYears = true, requested = [] as string[] } = {}) {
  // The folder is served as a site (the gate admits http(s) on the page's own site only).
  const site = 'https://atlas.test/site/';
  vi.stubGlobal('fetch', async (url: string | URL) => {
    const path = String(url).startsWith(site) ? decodeURIComponent(String(url).slice(site.length)) : undefined;
    requested.push(path ?? String(url));
    try {
      if (path === undefined) throw new Error('outside the site');
      return new Response(readFileSync(join(folder, path)));
    } catch {
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    }
  });
  try {
    const loaded = await loadHostedDataset(`${site}manifest.json`, { site, consented: [] }, () => undefined);
    if (allYears) await loaded.years?.ensureAll();
    return loaded;
  } finally {
    vi.unstubAllGlobals();
  }
}

/** Writes a pack result (packDataset) into a folder, as `npm run dataset` does. */
export function writePacked(result: { files: { name: string; text: string }[]; blobs: { name: string; bytes: Uint8Array }[] }, folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const b of result.blobs) writeFileSync(join(folder, b.name), b.bytes);
  for (const f of result.files) writeFileSync(join(folder, f.name), f.text);
  return folder;
}

/** Employment of one region × category × year of a cube (NaN when not reported). */
export function cell(cube: EmploymentCube, region: string, category: string, year: number): number {
  const r = cube.regions.findIndex((x) => x.id === region);
  const c = cube.categories.findIndex((x) => x.id === category);
  const y = cube.years.indexOf(year);
  if (r < 0 || c < 0 || y < 0) throw new Error(`no cell ${region} × ${category} × ${year}`);
  return cube.employment[y][r * cube.categories.length + c];
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Rows of a neighbour list as sorted region ids. */
export function neighbourIds(list: NeighbourList, ids: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  ids.forEach((id, i) => {
    out[id] = [...list.neighbours.subarray(list.offsets[i], list.offsets[i + 1])].map((j) => ids[j]).sort();
  });
  return out;
}
