import type * as maplibregl from 'maplibre-gl';

/** A map camera as the view (and the URL hash) keeps it. */
export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

export function cameraOf(map: maplibregl.Map): Camera {
  const { lng, lat } = map.getCenter();
  return { lng, lat, zoom: map.getZoom() };
}

export function jumpToCamera(map: maplibregl.Map, camera: Camera): void {
  map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
}

/**
 * Calls back after every move the user or the app makes, but not after a mere resize (the page
 * hiding its panel for a presentation, a window resize): those keep the centre and zoom, and
 * recording them would pin a camera into links that had none.
 */
export function trackCamera(map: maplibregl.Map, onChange: (camera: Camera) => void): void {
  let resizing = false;
  // MapLibre fires resize and then (unless the camera is moving) moveend synchronously from resize().
  map.on('resize', () => {
    resizing = true;
    queueMicrotask(() => (resizing = false));
  });
  map.on('moveend', () => {
    if (resizing) {
      resizing = false;
      return;
    }
    onChange(cameraOf(map));
  });
}

/** What is in sight, as west, south, east, north: the screen's bounds cut to the data's (when known). */
export function visibleBounds(map: maplibregl.Map, data?: [number, number, number, number]): [number, number, number, number] {
  const b = map.getBounds();
  const screen: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  if (!data) return screen;
  const cut: [number, number, number, number] = [Math.max(screen[0], data[0]), Math.max(screen[1], data[1]), Math.min(screen[2], data[2]), Math.min(screen[3], data[3])];
  return cut[0] < cut[2] && cut[1] < cut[3] ? cut : screen;
}
