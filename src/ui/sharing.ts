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
import { formatHash } from '../state/hash';
import { SavedViews, savedViewsKey } from '../state/savedViews';
import type { AtlasStore, View } from '../state/store';
import type { ExtraColumn } from '../export/viewTable';
import { t } from '../i18n/i18n';

export interface SharingOptions {
  store: AtlasStore;
  mapContainer: HTMLElement;
  legend: HTMLElement;
  toolbar: HTMLElement;
  /** Identifies the dataset for the saved views (its manifest URL). */
  datasetKey: string;
  mapCanvas(): HTMLCanvasElement | undefined;
  /** The map's camera now (a view may not carry one until the user moves the map). */
  camera(): View['viewport'] | undefined;
  /** Replaces the URL hash (the page's hashchange handling applies it). */
  showHash(hash: string): void;
  extraColumns?(): ExtraColumn[];
}

export interface Sharing {
  card: TitleCard;
  presentation: Presentation;
}

/** Called before the dataset loads, so an embedded page never flashes the full interface. */
export function applyPageMode(): boolean {
  const embedded = isEmbedded(location.href);
  if (embedded) document.body.classList.add('chromeless', 'embedded');
  return embedded;
}

export function setupSharing(options: SharingOptions): Sharing {
  const { store, toolbar } = options;
  const dataset = store.getState().dataset;
  const status = el('p', { class: 'share-tools-status', role: 'status', 'aria-live': 'polite' });
  let clearStatus: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    status.textContent = text;
    clearTimeout(clearStatus);
    clearStatus = setTimeout(() => (status.textContent = ''), 6000);
  };

  const card = new TitleCard(options.mapContainer, options.legend);
  card.setDataset(dataset?.manifest.title ?? '', dataset?.manifest.synthetic === true);
  if (isEmbedded(location.href)) enterEmbedMode(card);

  new SharePanel(toolbar, announce, () => [card.currentTitle(), dataset?.manifest.title].filter(Boolean).join(' — ') || t('app.title'));
  new ExportPanel({
    toolbar,
    store,
    mapContainer: options.mapContainer,
    legend: options.legend,
    mapCanvas: options.mapCanvas,
    title: () => card.currentTitle(),
    extraColumns: options.extraColumns,
  });
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  })();
  const presentation = new Presentation({
    toolbar,
    card,
    views: new SavedViews(storage, savedViewsKey(options.datasetKey)),
    captureHash: () => {
      const view = store.getState().view;
      return view ? formatHash({ ...view, lang: undefined, viewport: options.camera() ?? view.viewport }) : undefined;
    },
    show: options.showHash,
    announce,
  });
  toolbar.append(status);
  return { card, presentation };
}
