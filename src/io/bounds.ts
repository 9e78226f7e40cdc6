import { frameRegions } from './outlyingRegions';

/**
 * A bounding box for the first view that frames the main body of the regions and leaves out
 * outlying ones (overseas regions, Alaska and Hawaii), which insets show instead of the view
 * zooming out to the whole globe for them; the rule is frameRegions' (outlyingRegions.ts).
 */
export function robustBounds(geojson: unknown): [number, number, number, number] | undefined {
  const features = (geojson as { features?: { id?: unknown; geometry?: { coordinates?: unknown } }[] }).features ?? [];
  return frameRegions(features).mainland;
}
