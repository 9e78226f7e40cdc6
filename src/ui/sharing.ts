/**
 * Sharing, presenting and export, wired to the page in one place: the header toolbar
 * (#share-tools) gets "Copy link", "Share…", "Download…" and "Present…"; `?embed=1` turns the
 * page into the chromeless embed layout.
 */
import { el } from './dom';
import { SharePanel } from './share';
import { ExportPanel } from './export';
import { Presentation, TitleCard, enterEmbedMode } from './presentation';
import { isEmbedded } from './shareLinks';
import { takeDeckFromLink } from './pageMode';
import { formatHash } from '../state/hash';
import type { Bounds } from '../state/deck';
import { SavedViews, savedViewsKey } from '../state/savedViews';
import type { AtlasStore, View } from '../state/store';
import type { LoadedDataset } from '../engine/types';
import type { ExtraColumn } from '../export/viewTable';
import type { AtlasMap } from '../map/mapView';
import type { PlacedLabel } from '../map/placeLabels';
import type * as maplibregl from 'maplibre-gl';
import { t } from '../i18n/i18n';

export interface SharingOptions {
  store: AtlasStore;
  mapContainer: HTMLElement;
  legend: HTMLElement;
  toolbar: HTMLElement;
  mapCanvas(): HTMLCanvasElement | undefined;
  /** The map's camera now (a view may not carry one until the user moves the map). */
  camera(): View['viewport'] | undefined;
  /** Applies a link's hash to the page at once (the URL's hash then holds it). */
  showHash(hash: string): void;
  extraColumns?(): ExtraColumn[];
  /** A region's bounds (for a slide about one region). */
  regionBounds?(regionId: string): Bounds | undefined;
  /** What the map shows now, as bounds. */
  visibleBounds?(): Bounds | undefined;
  /** The map, for exports drawn off screen at another size. */
  atlasMap?(): AtlasMap | undefined;
  /** The place names as they would stand on a given map (an image drawn off screen). */
  placeLabels?(map: maplibregl.Map): PlacedLabel[];
  /** Fits the map to bounds with padding in CSS pixels. */
  fit?(bounds: Bounds, padding: { top: number; right: number; bottom: number; left: number }): void;
}

export interface Sharing {
  card: TitleCard;
  presentation: Presentation;
}

/** Data opened from the user's own files: a link cannot carry it. */
export function isLocalDataset(dataset: LoadedDataset | undefined): boolean {
  return dataset !== undefined && dataset.regionsUrl.startsWith('blob:');
}

/**
 * Saved views belong to a dataset: a hosted one by its boundaries' URL, the user's own files by
 * the dataset id they were given (their blob: URLs change every session).
 */
function datasetKey(dataset: LoadedDataset): string {
  return isLocalDataset(dataset) ? `local:${dataset.manifest.id}` : `${dataset.manifest.id}|${dataset.regionsUrl}`;
}

export function setupSharing(options: SharingOptions): Sharing {
  const { store, toolbar } = options;
  const status = el('p', { class: 'share-tools-status', role: 'status', 'aria-live': 'polite' });
  let clearStatus: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    status.textContent = text;
    clearTimeout(clearStatus);
    clearStatus = setTimeout(() => (status.textContent = ''), 6000);
  };

  const card = new TitleCard(options.mapContainer, options.legend);
  if (isEmbedded(location.href)) enterEmbedMode(card);

  const datasetTitle = () => store.getState().dataset?.manifest.title;
  new SharePanel(
    toolbar,
    announce,
    () => [card.currentTitle(), datasetTitle()].filter(Boolean).join(' — ') || t('app.title'),
    () => isLocalDataset(store.getState().dataset),
  );
  new ExportPanel({
    toolbar,
    store,
    mapContainer: options.mapContainer,
    legend: options.legend,
    mapCanvas: options.mapCanvas,
    title: () => card.currentTitle(),
    extraColumns: options.extraColumns,
    atlasMap: options.atlasMap,
    placeLabels: options.placeLabels,
  });
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  })();
  const viewsOf = (dataset: LoadedDataset | undefined) => new SavedViews(storage, savedViewsKey(dataset ? datasetKey(dataset) : ''));
  const presentation = new Presentation({
    toolbar,
    card,
    views: viewsOf(store.getState().dataset),
    captureHash: () => {
      const view = store.getState().view;
      return view ? formatHash({ ...view, lang: undefined, viewport: options.camera() ?? view.viewport }) : undefined;
    },
    captureBounds: () => {
      const region = store.getState().view?.region;
      return (region !== undefined ? options.regionBounds?.(region) : undefined) ?? options.visibleBounds?.();
    },
    show: options.showHash,
    fit: (bounds, padding) => options.fit?.(bounds, padding),
    fileStem: () => store.getState().dataset?.manifest.id ?? 'cluster-atlas',
    announce,
  });
  const deckFromLink = takeDeckFromLink();
  if (typeof deckFromLink === 'string') {
    const message = t('atlas.deck.badLink', { message: deckFromLink });
    announce(message);
    document.getElementById('notices')?.append(el('p', {}, message));
  } else if (deckFromLink) presentation.openDeck(deckFromLink, t('atlas.deck.fromLink'));
  toolbar.append(status);

  // Another dataset (picked or imported): its own title, warning and saved views.
  const showDataset = (dataset: LoadedDataset | undefined) => card.setDataset(dataset?.manifest.title ?? '', dataset?.manifest.synthetic === true);
  showDataset(store.getState().dataset);
  store.subscribe((state, previous) => {
    if (state.dataset === previous.dataset) return;
    showDataset(state.dataset);
    presentation.setViews(viewsOf(state.dataset));
  });
  return { card, presentation };
}
