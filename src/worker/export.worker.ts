/// <reference lib="webworker" />
/**
 * Builds the GeoJSON export off the main thread: fetching, parsing and writing the boundaries
 * with values can take seconds for large maps, and the page must stay responsive meanwhile.
 */
import type { FeatureCollection } from 'geojson';
import { attachTable, type ViewTable } from '../export/viewTable';

export interface GeoJsonExportRequest {
  regionsUrl: string;
  idProperty: string;
  nameProperty: string;
  table: ViewTable;
  /** Foreign members describing the view (dataset, category, year, rule, link). */
  meta: Record<string, unknown>;
}

export type GeoJsonExportResponse =
  | { ok: true; blob: Blob; features: number; matched: number; withoutRow: number }
  | { ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<GeoJsonExportRequest>) => {
  const request = event.data;
  try {
    const response = await fetch(request.regionsUrl);
    if (!response.ok) throw new Error(`${request.regionsUrl}: HTTP ${response.status}`);
    const boundaries = (await response.json()) as FeatureCollection;
    const joined = attachTable(boundaries, request, request.table, request.meta);
    const blob = new Blob([JSON.stringify(joined.collection)], { type: 'application/geo+json' });
    scope.postMessage({ ok: true, blob, features: joined.collection.features.length, matched: joined.matched, withoutRow: joined.withoutRow } satisfies GeoJsonExportResponse);
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies GeoJsonExportResponse);
  }
};
