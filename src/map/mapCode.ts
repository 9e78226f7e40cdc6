/**
 * The map's code in one piece, fetched by the page while the worker reads the first dataset
 * (MapLibre is most of the page's JavaScript). Its workers start at once, before any data is in.
 */
import { prewarm } from 'maplibre-gl';
import { AtlasMap } from './mapView';
import { MapKeyboard } from './keyboard';

export { AtlasMap, MapKeyboard };

export function startMapWorkers(): void {
  prewarm();
}
