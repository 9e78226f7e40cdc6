/**
 * The map drawn again at a chosen size and pixel ratio, off screen: a second MapLibre map in a
 * hidden container of that size, with the same style, sources, colours and outlines, fitted to
 * what the screen shows. The screen's map is left alone (no resize flash, no lost camera).
 */
import * as maplibregl from 'maplibre-gl';
import { MARKS } from './regionMarks';
import type { AtlasMap } from './mapView';
import { SOURCE, looseConstrain } from './mapView';
import { frameSizes } from './insets';

/** Margins for an image's opening view (CSS px): the title block above, insets and attribution below. */
export function imagePadding(size: { width: number; height: number }, insetHeight: number): { top: number; bottom: number; left: number; right: number } {
  const side = Math.round(Math.max(16, size.width * 0.03));
  const top = Math.round(Math.min(size.height * 0.22, 70 + size.height * 0.04));
  const bottom = Math.round(Math.min(size.height * 0.3, 28 + insetHeight));
  return { top, bottom, left: side, right: side };
}

export interface OffscreenSize {
  /** CSS pixels (the image is `width × pixelRatio` device pixels wide). */
  width: number;
  height: number;
  pixelRatio: number;
}

export const PNG_PRESETS = {
  screen: undefined,
  hd: { width: 1920, height: 1080 },
  // A4 landscape, 297 × 210 mm at 150 dots per inch.
  a4: { width: Math.round((297 / 25.4) * 150), height: Math.round((210 / 25.4) * 150) },
} as const;
export type PngPreset = keyof typeof PNG_PRESETS;

export async function renderOffscreen(atlas: AtlasMap, size: OffscreenSize, timeoutMs = 60_000): Promise<{ canvas: HTMLCanvasElement; map: maplibregl.Map; dispose(): void }> {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, { position: 'fixed', left: '0', top: '0', width: `${size.width}px`, height: `${size.height}px`, visibility: 'hidden', pointerEvents: 'none', zIndex: '-1' });
  document.body.append(container);
  const screen = atlas.map;
  const b = screen.getBounds();
  // At the opening view the image is fitted to the dataset for its own shape (a wide 1920×1080, an
  // A4), with room for the title above and the insets and attribution below; otherwise it shows
  // what the screen shows.
  const home = atlas.home.isHome() ? atlas.home.box : undefined;
  const insetHeight = atlas.insets.current.length > 0 ? (frameSizes(atlas.insets.current, size.width * 0.5, size.height)[0]?.height ?? 0) + 12 : 0;
  const map = new maplibregl.Map({
    container,
    style: screen.getStyle(),
    bounds: home ?? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    ...(home ? { fitBoundsOptions: { padding: imagePadding(size, insetHeight) } } : {}),
    transformConstrain: looseConstrain,
    pixelRatio: size.pixelRatio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    // As on screen: regions unwrapped past 180° (Chukotka) are drawn from the next world copy.
    renderWorldCopies: true,
  });
  const dispose = () => {
    map.remove();
    container.remove();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the map did not draw in time')), timeoutMs);
      map.once('load', () => {
        for (const [id, state] of atlas.featureStates()) map.setFeatureState({ source: SOURCE, id }, state);
        // The screen's marks came with its style: the image outlines the pinned region only, not the pointer's or the keyboard's.
        (map.getSource(MARKS) as maplibregl.GeoJSONSource | undefined)?.setData(atlas.marks.collection(true));
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      });
      map.once('error', (event) => {
        clearTimeout(timer);
        reject(event.error ?? new Error('the map could not be drawn'));
      });
    });
  } catch (error) {
    dispose();
    throw error;
  }
  return { canvas: map.getCanvas(), map, dispose };
}
