/**
 * Downloads of the current view: the map as a PNG (title, legend, units, the mode's notes and
 * attribution drawn in) at a chosen size and pixel ratio, drawn again off screen at that size,
 * and the values for every region as CSV or as GeoJSON with the dataset's boundaries.
 */
import './export.css';
import { el } from './dom';
import { modalDialog, textButton, textLine } from './dialog';
import { safeFileName } from './shareLinks';
import { unitLabel } from './units';
import { t } from '../i18n/i18n';
import { composeMapPng, type PngLegendItem } from '../map/exportPng';
import { PNG_PRESETS, renderOffscreen, type PngPreset } from '../map/offscreen';
import type { AtlasMap } from '../map/mapView';
import type { View } from '../state/store';
import { viewTable, viewTableCsv, type ExtraColumn } from '../export/viewTable';
import type { GeoJsonExportRequest, GeoJsonExportResponse } from '../worker/export.worker';
import type { AtlasStore } from '../state/store';
import { folderOf } from '../io/requestGate';
import type * as maplibregl from 'maplibre-gl';
import type { PlacedLabel } from '../map/placeLabels';

export interface ExportOptions {
  toolbar: HTMLElement;
  store: AtlasStore;
  mapContainer: HTMLElement;
  legend: HTMLElement;
  mapCanvas(): HTMLCanvasElement | undefined;
  title(): string;
  /** Values the current map mode adds (e.g. LISA quadrants), exported as extra columns. */
  extraColumns?(): ExtraColumn[];
  /** The map, to draw it again off screen at the chosen size. */
  atlasMap?(): AtlasMap | undefined;
  /** The place names as they would stand on a given map (the one drawn for the image). */
  placeLabels?(map: maplibregl.Map): PlacedLabel[];
}

/** What the map's numbers are measured in, as a line for the image. */
export function unitsLine(view: Pick<View, 'mode' | 'ind' | 'change'>): string {
  if (view.mode === 'change') return t(`atlas.units.change.${view.change}`);
  const units = t(`atlas.units.${view.ind}`);
  return view.mode === 'choropleth' ? units : t('atlas.units.tested', { units });
}

export class ExportPanel {
  private readonly status = el('p', { class: 'share-status', role: 'status', 'aria-live': 'polite' });
  private readonly dialog: HTMLDialogElement;
  private busy = false;
  private readonly size: HTMLSelectElement;
  private readonly ratio: HTMLSelectElement;

  constructor(private readonly options: ExportOptions) {
    const open = textButton('export.open', { id: 'export-open', 'aria-haspopup': 'dialog' });
    options.toolbar.append(open);
    const png = textButton('export.png', { id: 'export-png' });
    const csv = textButton('export.csv', { id: 'export-csv' });
    const geojson = textButton('export.geojson', { id: 'export-geojson' });
    const option = (value: string, key: Parameters<typeof t>[0], params?: Record<string, string | number>) => el('option', { value, ...(params ? {} : { 'data-i18n': key }) }, t(key, params));
    this.size = el('select', { id: 'export-size' }, option('screen', 'atlas.export.screen'), option('hd', 'atlas.export.hd'), option('a4', 'atlas.export.a4'));
    this.ratio = el('select', { id: 'export-ratio' }, ...[1, 2, 3].map((r) => el('option', { value: String(r) }, `${r}×`)));
    this.ratio.value = String(Math.min(3, Math.max(1, Math.round(globalThis.devicePixelRatio || 1))));
    const sizeField = el('div', { class: 'export-field' }, el('label', { for: 'export-size', 'data-i18n': 'atlas.export.size' }, t('atlas.export.size')), this.size);
    const ratioField = el('div', { class: 'export-field' }, el('label', { for: 'export-ratio', 'data-i18n': 'atlas.export.ratio' }, t('atlas.export.ratio')), this.ratio);
    this.dialog = modalDialog(
      'export-dialog',
      'export.heading',
      textLine('export.help', { class: 'help' }),
      el('fieldset', { class: 'export-png-options' }, el('legend', { 'data-i18n': 'atlas.export.pngOptions' }, t('atlas.export.pngOptions')), sizeField, ratioField),
      el('div', { class: 'dialog-actions' }, png, csv, geojson),
      this.status,
    );
    open.addEventListener('click', () => {
      this.status.textContent = '';
      this.dialog.showModal();
    });
    png.addEventListener('click', () => this.run(() => this.png()));
    csv.addEventListener('click', () => this.run(async () => this.csv()));
    geojson.addEventListener('click', () => this.run(() => this.geojson()));
  }

  private async run(task: () => Promise<string>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.status.textContent = t('export.working');
    try {
      this.status.textContent = t('export.done', { file: await task() });
    } catch (error) {
      this.status.textContent = t('export.failed', { message: (error as Error).message });
    } finally {
      this.busy = false;
    }
  }

  private current() {
    const { dataset, view, computed } = this.options.store.getState();
    if (!dataset || !view || !computed) throw new Error(t('export.notReady'));
    return { dataset, view, computed };
  }

  private fileName(extension: string): string {
    const { dataset, view } = this.current();
    return safeFileName([dataset.manifest.id, view.cat, view.ind, view.year, view.rule.kind], extension);
  }

  private table() {
    const { dataset, view, computed } = this.current();
    return viewTable({ regions: dataset.regions, categories: dataset.categories, computed, cat: view.cat, year: view.year, extra: this.options.extraColumns?.(), employmentUnit: dataset.manifest.unit });
  }

  private async csv(): Promise<string> {
    const name = this.fileName('csv');
    // The byte-order mark makes Excel read UTF-8 (names in Cyrillic, accents) correctly.
    download(new Blob(['\ufeff', viewTableCsv(this.table())], { type: 'text/csv;charset=utf-8' }), name);
    return name;
  }

  private async geojson(): Promise<string> {
    const { dataset, view } = this.current();
    const name = this.fileName('geojson');
    const request: GeoJsonExportRequest = {
      regionsUrl: dataset.regionsUrl,
      // The boundaries' site was admitted (and, if another site, agreed to) when the dataset was loaded.
      scope: { site: folderOf(document.baseURI), consented: [new URL(dataset.regionsUrl).origin] },
      idProperty: dataset.manifest.regions.id,
      nameProperty: dataset.manifest.regions.name,
      table: this.table(),
      meta: {
        cluster_atlas: {
          dataset: dataset.manifest.title,
          attribution: dataset.manifest.attribution,
          ...(dataset.manifest.unit ? { unit: dataset.manifest.unit } : {}),
          ...(dataset.manifest.source ? { source: dataset.manifest.source } : {}),
          synthetic: dataset.manifest.synthetic === true,
          category: view.cat,
          year: view.year,
          rule: view.rule,
          link: location.href,
        },
      },
    };
    const worker = new Worker(new URL('../worker/export.worker.ts', import.meta.url), { type: 'module' });
    try {
      const response = await new Promise<GeoJsonExportResponse>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<GeoJsonExportResponse>) => resolve(event.data);
        worker.onerror = (event) => reject(new Error(event.message || 'export worker failed'));
        worker.postMessage(request);
      });
      if (!response.ok) throw new Error(response.message);
      download(response.blob, name);
    } finally {
      worker.terminate();
    }
    return name;
  }

  private async png(): Promise<string> {
    await whenReady(this.options.mapContainer);
    const atlas = this.options.atlasMap?.();
    const screenCanvas = this.options.mapCanvas();
    if (!screenCanvas) throw new Error(t('export.notReady'));
    const { dataset, view } = this.current();
    const preset = PNG_PRESETS[this.size.value as PngPreset];
    const pixelRatio = Number(this.ratio.value) || 1;
    const screen = { width: screenCanvas.clientWidth || screenCanvas.width, height: screenCanvas.clientHeight || screenCanvas.height };
    const spec = {
      title: this.options.title(),
      subtitle: unitLabel(dataset.manifest) ? `${dataset.manifest.title} — ${t('data.unit.values', { unit: unitLabel(dataset.manifest)! })}` : dataset.manifest.title,
      units: unitsLine(view),
      notes: notesFromDom(this.options.legend),
      notice: dataset.manifest.synthetic ? t('app.synthetic') : undefined,
      legend: legendFromDom(this.options.legend),
      attribution: `${dataset.manifest.attribution} · Cluster Atlas`,
      insets: atlas ? { frames: atlas.insets.current, colourOf: (id: string) => atlas.insets.colourOf(id) } : undefined,
    };
    let blob: Blob;
    if (atlas) {
      const drawn = await renderOffscreen(atlas, { ...(preset ?? screen), pixelRatio });
      try {
        blob = await composeMapPng(drawn.canvas, { ...spec, labels: this.options.placeLabels?.(drawn.map) });
      } finally {
        drawn.dispose();
      }
    } else blob = await composeMapPng(screenCanvas, spec);
    const name = this.fileName('png');
    download(blob, name);
    return name;
  }
}

/** The notes under the legend (the LISA note with its significance level, permutations, seed and Moran's I). */
export function notesFromDom(legend: HTMLElement): string[] {
  return [...legend.querySelectorAll('.legend-notes li')].map((li) => li.textContent ?? '').filter(Boolean);
}

/** The legend as the page shows it (swatch colour, label, count), so the image cannot disagree with it. */
export function legendFromDom(legend: HTMLElement): PngLegendItem[] {
  return [...legend.querySelectorAll('li')].flatMap((item) => {
    const swatch = item.querySelector<HTMLElement>('.swatch');
    if (!swatch) return [];
    return [
      {
        colour: getComputedStyle(swatch).backgroundColor,
        label: item.querySelector('.legend-label')?.textContent ?? '',
        count: item.querySelector('.legend-count')?.textContent ?? undefined,
      },
    ];
  });
}

/** Resolves when the map shows the latest results (the `data-ready` contract), or after a timeout. */
function whenReady(map: HTMLElement, timeoutMs = 30_000): Promise<void> {
  if (map.dataset.ready === 'true') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (map.dataset.ready === 'true') finish();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(t('export.notReady')));
    }, timeoutMs);
    function finish() {
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    }
    observer.observe(map, { attributes: true, attributeFilter: ['data-ready'] });
  });
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
