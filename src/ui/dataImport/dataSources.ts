import { el } from '../dom';
import { t } from '../../i18n/i18n';
import type { Formats } from '../format';
import { datasetManifestUrl, DEMO_MANIFEST } from '../datasetLocation';
import type { AtlasWorkerClient } from '../../worker/client';
import type { LoadedDataset } from '../../engine/types';
import { ImportClient } from '../../worker/import/importClient';
import type { ImportResult } from '../../engine/import/importTypes';
import { ImportDialog } from './importDialog';
import { ManualFixes } from './manualFixes';
import { allowedCrossOrigin, DATASET_INDEX, hostedDatasets, isCrossOrigin, searchForDataset, type HostedDataset } from './hostedDatasets';
import { watchFileDrops } from './dropZone';

export interface DataSourcesDeps {
  client: AtlasWorkerClient;
  formats: () => Formats;
  /** Puts a loaded dataset on the map in place of the current one. */
  show(dataset: LoadedDataset): Promise<void>;
  status(text: string, isError?: boolean): void;
}

const USER = 'user';

/**
 * Where the map's data comes from: the hosted datasets (the demo always), a dataset from another
 * site when a link asks for it and the user agrees, or the user's own files (the import dialog,
 * also reached by dropping files on the page). Whatever fails, the dataset on the map stays.
 */
export class DataSources {
  private readonly picker: HTMLSelectElement;
  private readonly consent = el('div', { class: 'dataset-consent' });
  private readonly openButton: HTMLButtonElement;
  private readonly dialog: ImportDialog;
  private datasets: HostedDataset[] = [];
  /** Manifest URL of the hosted dataset on the map, or USER for the user's files. */
  private current: string | undefined;
  private userTitle = '';
  private userRegionsUrl: string | undefined;
  private pendingCrossOrigin: string | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly deps: DataSourcesDeps,
  ) {
    this.picker = el('select', { id: 'dataset-picker' });
    this.picker.addEventListener('change', () => {
      const wanted = this.picker.value;
      if (wanted !== USER && wanted !== this.current) void this.loadHosted(wanted);
    });
    this.openButton = el('button', { type: 'button', id: 'import-open', class: 'primary' }, t('import.open'));
    this.openButton.addEventListener('click', () => this.dialog.open());
    this.dialog = new ImportDialog({ client: new ImportClient(), fixes: new ManualFixes(), formats: deps.formats, show: (result) => this.showImport(result) });
    watchFileDrops(document.body, this.dialog.element, (files) => void this.dialog.addFiles(files));
    this.render();
    void this.loadIndex();
  }

  /**
   * The manifest to open first: `?dataset=` when it is on this site, else the demo. A dataset on
   * another site is not fetched: the user is asked first.
   */
  initialManifest(pageUrl: string, baseUri: string): string {
    const demo = new URL(DEMO_MANIFEST, baseUri).href;
    let wanted: string;
    try {
      wanted = datasetManifestUrl(pageUrl, baseUri);
    } catch (error) {
      this.deps.status(t('import.datasets.badUrl', { message: (error as Error).message }), true);
      return demo;
    }
    if (!isCrossOrigin(wanted, pageUrl)) return wanted;
    this.pendingCrossOrigin = wanted;
    this.render();
    return demo;
  }

  /** The dataset on the map is now this hosted one. */
  shownHosted(manifestUrl: string): void {
    this.current = manifestUrl;
    this.render();
  }

  relabel(): void {
    this.openButton.textContent = t('import.open');
    this.dialog.relabel();
    this.render();
  }

  private async loadIndex(): Promise<void> {
    let text: string | undefined;
    try {
      const response = await fetch(new URL(DATASET_INDEX, document.baseURI), { cache: 'no-cache' });
      if (response.ok) text = await response.text();
    } catch {
      // No index: the demo alone is offered.
    }
    const { datasets, problem } = hostedDatasets(text, document.baseURI, t('import.datasets.demo'));
    this.datasets = datasets;
    if (problem) this.deps.status(t('import.datasets.badIndex', { message: problem }), true);
    this.render();
  }

  private render(): void {
    const options = this.datasets.map((d) => el('option', { value: d.manifest }, d.title));
    if (this.current && this.current !== USER && !this.datasets.some((d) => d.manifest === this.current)) {
      options.push(el('option', { value: this.current }, this.current));
    }
    if (this.current === USER) options.push(el('option', { value: USER }, t('import.datasets.yours', { title: this.userTitle })));
    this.picker.replaceChildren(...options);
    if (this.current) this.picker.value = this.current;
    this.renderConsent();
    this.container.replaceChildren(
      el('h2', { class: 'data-source-title' }, t('import.datasets.heading')),
      el('div', { class: 'field' }, el('label', { for: 'dataset-picker' }, t('import.datasets.label')), this.picker),
      this.openButton,
      this.consent,
    );
  }

  /** A link asked for another site's dataset: say which site, and load nothing until the user agrees. */
  private renderConsent(): void {
    const url = this.pendingCrossOrigin;
    if (!url) {
      this.consent.replaceChildren();
      this.consent.hidden = true;
      return;
    }
    const origin = new URL(url).origin;
    const https = allowedCrossOrigin(url);
    const yes = el('button', { type: 'button', 'data-action': 'consent-load' }, t('import.consent.load'));
    yes.disabled = !https;
    yes.addEventListener('click', () => {
      this.pendingCrossOrigin = undefined;
      void this.loadHosted(url);
    });
    const no = el('button', { type: 'button', 'data-action': 'consent-decline' }, t('import.consent.decline'));
    no.addEventListener('click', () => {
      this.pendingCrossOrigin = undefined;
      history.replaceState(null, '', `${location.pathname}${searchForDataset(location.search, undefined, document.baseURI)}${location.hash}`);
      this.render();
    });
    this.consent.hidden = false;
    this.consent.replaceChildren(
      el('p', { id: 'consent-text' }, t('import.consent.text', { origin })),
      el('p', { class: 'consent-url' }, url),
      ...(https ? [] : [el('p', { class: 'error' }, t('import.consent.httpsOnly'))]),
      el('div', { class: 'import-actions' }, yes, no),
    );
    this.consent.setAttribute('role', 'group');
    this.consent.setAttribute('aria-labelledby', 'consent-text');
  }

  private async loadHosted(manifestUrl: string): Promise<void> {
    this.deps.status(t('status.loadingDataset'));
    let dataset: LoadedDataset;
    try {
      dataset = await this.deps.client.load(manifestUrl, (stage, fraction) => this.deps.status(t('status.loadingStage', { stage, percent: Math.round(fraction * 100) })));
    } catch (error) {
      this.deps.status(t('import.datasets.failed', { message: (error as Error).message }), true);
      this.render();
      return;
    }
    history.replaceState(null, '', `${location.pathname}${searchForDataset(location.search, manifestUrl, document.baseURI)}${location.hash}`);
    await this.deps.show(dataset);
    this.current = manifestUrl;
    this.forgetUserRegions();
    this.render();
  }

  /** The import's result goes to the compute worker (the cube moves there) and onto the map. */
  private async showImport(result: ImportResult): Promise<void> {
    const regionsUrl = URL.createObjectURL(result.regions);
    let dataset: LoadedDataset;
    try {
      dataset = await this.deps.client.adopt({ ...result.dataset, regionsUrl }, result.cube, result.regions);
    } catch (error) {
      URL.revokeObjectURL(regionsUrl);
      throw error;
    }
    history.replaceState(null, '', `${location.pathname}${searchForDataset(location.search, undefined, document.baseURI)}${location.hash}`);
    await this.deps.show(dataset);
    this.forgetUserRegions();
    this.userRegionsUrl = regionsUrl;
    this.userTitle = result.dataset.manifest.title;
    this.current = USER;
    this.render();
  }

  /** The previous import's boundaries are no longer drawn: let the browser free them. */
  private forgetUserRegions(): void {
    if (this.userRegionsUrl) URL.revokeObjectURL(this.userRegionsUrl);
    this.userRegionsUrl = undefined;
  }
}
