/**
 * What the map draws over the choropleth, fed from the same view and results as the colours:
 * circles sized by the category's employment (symbols.ts) with their key under the legend, and
 * the names of the larger places (placeLabels.ts) — in Latin script in the English interface where
 * the dataset has Latin names, as the dataset names them otherwise.
 * Layers are added here, on top of the regions' layers, so the choropleth's code stays as it is.
 */
import type * as maplibregl from 'maplibre-gl';
import type { ComputedView, LoadedDataset } from '../engine/types';
import type { View } from '../state/store';
import { categoryColumn } from '../indicators/categoryColumn';
import { t } from '../i18n/i18n';
import { SymbolOverlay } from './symbols';
import { renderSizeLegend } from './sizeLegend';
import { PlaceLabels, type PlacedLabel } from './placeLabels';
import type { Lang } from '../i18n/i18n';
import type { RegionPlaces } from '../engine/regionPlaces';
import type { Region } from '../model/dataset';
import type { SymbolsHeld } from './layerSource';

export interface OverlayInput {
  dataset: LoadedDataset;
  view: View;
  computed: ComputedView;
  /** The legend box the size key goes under. */
  legend: HTMLElement;
  /** Employment's unit in the interface's language, if known. */
  unit: string | undefined;
  formatCount: (v: number) => string;
  lang: Lang;
  /** Circle sizes held across years (layerSource.symbolsHeld), else each year its own scale. */
  symbolsHeld?: SymbolsHeld;
}

/** Each place's name in the interface's language: the Latin name in English where there is one, else the data's name ("" for a map feature without data). */
export function placeNames(places: RegionPlaces, regions: readonly Region[], lang: Lang): string[] {
  const names = new Map(regions.map((r) => [r.id, r.name]));
  return places.ids.map((id, i) => (lang !== 'ru' && places.latinNames?.[i]) || names.get(id) || '');
}

export class MapOverlays {
  private readonly symbols: SymbolOverlay;
  private readonly labels: PlaceLabels;
  private named: { places: RegionPlaces; lang: Lang; names: string[] } | undefined;

  constructor(map: maplibregl.Map) {
    this.symbols = new SymbolOverlay(map);
    this.labels = new PlaceLabels(map);
  }

  /** The place names as they would stand on another map (an image drawn off screen), none when turned off. */
  labelsOn(map: maplibregl.Map): PlacedLabel[] {
    return this.labels.placedOn(map);
  }

  draw({ dataset, view, computed, legend, unit, formatCount, lang, symbolsHeld }: OverlayInput): void {
    const c = dataset.categories.findIndex((cat) => cat.id === view.cat);
    const places = dataset.places;
    if (places && view.labels !== false) {
      if (this.named?.places !== places || this.named.lang !== lang) this.named = { places, lang, names: placeNames(places, dataset.regions, lang) };
      this.labels.show({ places, names: this.named.names });
    } else this.labels.show(undefined);
    if (!view.symbols || !places || c < 0) {
      this.symbols.show(undefined);
      renderSizeLegend(legend, undefined, '', formatCount);
      return;
    }
    const index = new Map(dataset.regions.map((r, i) => [r.id, i]));
    const employment = categoryColumn(computed.employment, dataset.regions.length, dataset.categories.length, c);
    const scale = this.symbols.show({
      places,
      value: (id) => {
        const r = index.get(id);
        return r === undefined ? NaN : employment[r];
      },
      name: (id) => dataset.regions[index.get(id) ?? -1]?.name ?? id,
      ...(symbolsHeld ? { held: { maxValue: symbolsHeld.maxValue, sumOverMax: symbolsHeld.sumOverMax } } : {}),
    });
    // The category and year are in the legend's title above.
    const sized = unit ? t('atlas.carto.sizeLegendUnit', { unit }) : t('atlas.carto.sizeLegend');
    const title = symbolsHeld ? `${sized}. ${t('atlas.carto.sizesHeld', { from: symbolsHeld.fromYear, to: symbolsHeld.toYear })}` : sized;
    renderSizeLegend(legend, scale, title, formatCount);
  }
}

/**
 * Under automation (navigator.webdriver: a browser driven by a test) the MapLibre map is reachable
 * as `window.atlasMap`, so end-to-end tests can query the rendered features; never otherwise.
 */
export function exposeForAutomation(map: maplibregl.Map): void {
  if (typeof navigator !== 'undefined' && navigator.webdriver) (window as unknown as { atlasMap?: maplibregl.Map }).atlasMap = map;
}
