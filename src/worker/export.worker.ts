/// <reference lib="webworker" />
/**
 * Builds the GeoJSON export off the main thread: fetching, parsing and writing the boundaries
 * with values can take seconds for large maps, and the page must stay responsive meanwhile.
 */
import type { FeatureCollection } from 'geojson';
import { attachTable, type ViewTable } from '../export/viewTable';
import { admitPageUrl, type RequestScope } from '../io/requestGate';
import { fetchAdmitted } from '../io/fetchAdmitted';
import { workerScope } from './workerScope';

export interface GeoJsonExportRequest {
  /** The boundaries on the map: a blob of the page (the user's files) or the hosted file the gate admitted at load. */
  regionsUrl: string;
  scope: RequestScope;
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
    const response = await fetchAdmitted(admitPageUrl(request.regionsUrl, workerScope(request.scope, scope.location.origin)));
    const boundaries = (await response.json()) as FeatureCollection;
    const joined = attachTable(boundaries, request, request.table, request.meta);
    const blob = new Blob([JSON.stringify(joined.collection)], { type: 'application/geo+json' });
    scope.postMessage({ ok: true, blob, features: joined.collection.features.length, matched: joined.matched, withoutRow: joined.withoutRow } satisfies GeoJsonExportResponse);
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies GeoJsonExportResponse);
  }
};
