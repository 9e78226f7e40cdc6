/**
 * Line layers that outline only marked regions (hovered, pinned, brushed, keyboard-focused) through
 * feature-state widths are drawn over every region's geometry in every frame, though almost every
 * width is 0: in software WebGL that is a third of a frame's cost. MapLibre skips a line layer whose
 * opacity is the constant 0 — a constant-to-constant change needs no new tiles — so these layers stay
 * at opacity 0 while nothing is marked and the map draws only what it shows.
 */
import type * as maplibregl from 'maplibre-gl';

export function showMarkLayers(map: maplibregl.Map, layerIds: readonly string[], anyMarked: boolean): void {
  const opacity = anyMarked ? 1 : 0;
  for (const id of layerIds) {
    if (map.getLayer(id) && map.getPaintProperty(id, 'line-opacity') !== opacity) map.setPaintProperty(id, 'line-opacity', opacity);
  }
}
