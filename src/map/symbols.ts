/**
 * Proportional symbols: a circle per region at its label point, its area proportional to the
 * region's employment in the category and year shown, over the choropleth (the classic bivariate
 * map: colour for the LQ, size for the jobs). One GeoJSON point source, one circle layer whose
 * radius is `k · √value` evaluated by MapLibre, with `k` set so the largest value gets the view's
 * maximum radius; the size legend is drawn from the same scale, so the two cannot disagree.
 */
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { RegionPlaces } from '../engine/regionPlaces';

export const SYMBOL_SOURCE = 'employment-symbols';
export const SYMBOL_LAYER = 'employment-circles';

/** Radius ∝ √value: the circle's area is proportional to the value, the largest value gets `maxRadius` px. */
export interface RadiusScale {
  maxValue: number;
  maxRadius: number;
  /** px per √unit: radius = k · √value. */
  k: number;
  radius(value: number): number;
}

export function radiusScale(maxValue: number, maxRadius: number): RadiusScale {
  const k = maxValue > 0 && Number.isFinite(maxValue) ? maxRadius / Math.sqrt(maxValue) : 0;
  return { maxValue, maxRadius, k, radius: (value) => (value > 0 && Number.isFinite(value) ? k * Math.sqrt(value) : 0) };
}

/** Share of the map the circles may cover together (before overlaps), so the colours under them still read. */
export const COVER = 0.15;

/**
 * The largest circle for a map of this size: a sixteenth of its shorter side, between 10 and 36 px,
 * and no larger than lets all circles together cover COVER of the map — `sumOverMax` is the sum of
 * the values over the largest (areas add up as the values do: Σ π r² = π R² · Σv / max). Never
 * under 4 px, so the largest circle always reads.
 */
export function maxRadiusFor(width: number, height: number, sumOverMax = 1): number {
  const bySide = Math.max(10, Math.min(36, Math.round(Math.min(width, height) / 16)));
  const byCover = Math.sqrt((COVER * width * height) / (Math.PI * Math.max(1, sumOverMax)));
  return Math.max(4, Math.min(bySide, Math.round(byCover)));
}

/** Round reference values for the size legend (1, 2 or 5 × 10ⁿ, none above the maximum): up to three, descending. */
export function referenceValues(maxValue: number): number[] {
  if (!(maxValue > 0) || !Number.isFinite(maxValue)) return [];
  const nice = (x: number) => {
    const power = 10 ** Math.floor(Math.log10(x));
    const m = x / power;
    // A hair of tolerance: 500 / 10^2 may come out as 4.999….
    return (m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1) * power;
  };
  const out: number[] = [];
  for (const x of [maxValue, maxValue / 4, maxValue / 16]) {
    const v = nice(x);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The points to draw: regions with a positive value, with their id, name and value as properties. */
export function symbolPoints(places: RegionPlaces, value: (regionId: string) => number, name: (regionId: string) => string): FeatureCollection<Point> {
  const features: FeatureCollection<Point>['features'] = [];
  places.ids.forEach((id, i) => {
    const v = value(id);
    if (!(v > 0)) return;
    features.push({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [places.labels[2 * i], places.labels[2 * i + 1]] }, properties: { id, name: name(id), value: v } });
  });
  return { type: 'FeatureCollection', features };
}

/** What the symbol overlay shows; undefined hides it. */
export interface SymbolData {
  places: RegionPlaces;
  value: (regionId: string) => number;
  name: (regionId: string) => string;
  /**
   * Sizes held across years: the value that gets the largest circle (the largest of any year) and
   * the values' sum over it in a mean year, for the cover rule — both the same in every year, so the
   * scale is too. Without it, the year's own largest value and sum.
   */
  held?: { maxValue: number; sumOverMax: number };
}

export class SymbolOverlay {
  private data: SymbolData | undefined;
  private scale: RadiusScale | undefined;

  constructor(private readonly map: maplibregl.Map) {
    // The largest radius follows the map's size.
    map.on('resize', () => this.data && this.show(this.data));
  }

  /** The scale of the circles shown (for the size legend), undefined when hidden. */
  get current(): RadiusScale | undefined {
    return this.data ? this.scale : undefined;
  }

  show(data: SymbolData | undefined): RadiusScale | undefined {
    this.data = data;
    const map = this.map;
    if (!data) {
      if (map.getLayer(SYMBOL_LAYER)) map.setLayoutProperty(SYMBOL_LAYER, 'visibility', 'none');
      return undefined;
    }
    const points = symbolPoints(data.places, data.value, data.name);
    let max = 0;
    let sum = 0;
    for (const f of points.features) {
      const v = f.properties!.value as number;
      max = Math.max(max, v);
      sum += v;
    }
    const { maxValue, sumOverMax } = data.held ?? { maxValue: max, sumOverMax: max > 0 ? sum / max : 1 };
    const canvas = map.getCanvas();
    this.scale = radiusScale(maxValue, maxRadiusFor(canvas.clientWidth, canvas.clientHeight, sumOverMax));
    const source = map.getSource(SYMBOL_SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (source) source.setData(points);
    else map.addSource(SYMBOL_SOURCE, { type: 'geojson', data: points });
    if (!map.getLayer(SYMBOL_LAYER)) {
      map.addLayer({
        id: SYMBOL_LAYER,
        type: 'circle',
        source: SYMBOL_SOURCE,
        // Small circles drawn over large ones, so none hides another.
        layout: { 'circle-sort-key': ['-', 0, ['get', 'value']] },
        paint: { 'circle-color': '#3b3b3b', 'circle-opacity': 0.25, 'circle-stroke-color': '#111111', 'circle-stroke-width': 0.75, 'circle-stroke-opacity': 0.8 },
      });
    }
    const radius: maplibregl.ExpressionSpecification = ['*', this.scale.k, ['sqrt', ['get', 'value']]];
    map.setPaintProperty(SYMBOL_LAYER, 'circle-radius', radius);
    // A hairline on the smallest circles: a full stroke would turn a 1 px circle into a dark speck.
    map.setPaintProperty(SYMBOL_LAYER, 'circle-stroke-width', ['min', 0.75, ['*', 0.25, radius]]);
    map.setLayoutProperty(SYMBOL_LAYER, 'visibility', 'visible');
    return this.scale;
  }
}
