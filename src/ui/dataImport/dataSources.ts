import { el } from '../dom';
import { t } from '../../i18n/i18n';
import type { Formats } from '../format';
import { datasetManifestUrl, demoManifestUrl } from '../datasetLocation';
import type { AtlasWorkerClient } from '../../worker/client';
import type { LoadedDataset } from '../../engine/types';
import type { MapFiles, RegionsFile } from '../../engine/datasetSource';
import type { ImportResult } from '../../engine/import/importTypes';
import type { ImportDialog } from './importDialog';
import { allowedCrossOrigin, DATASET_INDEX, hostedDatasets, searchForDataset, type HostedDataset } from './hostedDatasets';
import { watchFileDrops } from './dropZone';
import { admitRequest, folderOf, RequestRefused, type RefusalReason, type RequestScope } from '../../io/requestGate';
import { fetchAdmitted } from '../../io/fetchAdmitted';
import type { FirstLoad } from '../../worker/firstLoad';

/** The first dataset on the map, and what the user must be told about how it was chosen. */
export interface FirstDataset {
  dataset: LoadedDataset;
  manifestUrl: string;
  notices: string[];
}

export interface DataSourcesDeps {
  client: AtlasWorkerClient;
  formats: () => Formats;
  /** Puts a loaded dataset on the map in place of the current one. */
  show(dataset: LoadedDataset): Promise<void>;
  status(text: string, isError?: boolean): void;
}

const USER = 'user';

/** The manifest `?dataset=` names, admitted by the gate (a refusal is thrown), or the demo when it names none. */
function wantedManifest(pageUrl: string, baseUri: string, scope: RequestScope): string {
  const wanted = new URL(pageUrl).searchParams.get('dataset');
  if (wanted === null || wanted.trim() === '') return demoManifestUrl(baseUri);
  return admitRequest(wanted, baseUri, scope).href;
}

/**
 * The load `openFirst` asks the worker for, as known before the page has done anything, so that
 * the worker can start it at once (worker/firstLoad.ts): the link's dataset when the gate admits
 * it on this site, else the demo, in the scope of a page where nobody has agreed to anything yet.
 * A guess: a load asked for otherwise is read as it always was.
 */
export function firstLoad(pageUrl: string, baseUri: string): FirstLoad {
  const scope: RequestScope = { site: folderOf(baseUri), consented: [] };
  try {
    return { manifestUrl: wantedManifest(pageUrl, baseUri, scope), scope };
  } catch {
    return { manifestUrl: demoManifestUrl(baseUri), scope };
  }
}

/**
 * Where the map's data comes from: the hosted datasets (the demo always), a dataset from another
 * site when a link asks for it and the user agrees, or the user's own files (the import dialog,
 * also reached by dropping files on the page). Whatever fails, the dataset on the map stays.
 */
export class DataSources {
  private readonly picker: HTMLSelectElement;
  private readonly consent = el('div', { class: 'dataset-consent' });
  private readonly openButton: HTMLButtonElement;
  /** The import dialog: its code is fetched when the user first opens it or drops files. */
  private dialog: Promise<ImportDialog | undefined> | undefined;
  private dialogBuilt: ImportDialog | undefined;
  private datasets: HostedDataset[] = [];
  /** Manifest URL of the hosted dataset on the map, or USER for the user's files. */
  private current: string | undefined;
  private userTitle = '';
  private userRegionsUrl: string | undefined;
  private pendingCrossOrigin: string | undefined;
  /** Origins the user agreed to load from (asked once per page). */
  private readonly consented = new Set<string>();

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
    this.openButton.addEventListener('click', () => void this.importDialog().then((dialog) => dialog?.open()));
    watchFileDrops(document.body, () => this.dialogBuilt?.element, (files) => void this.importDialog().then((dialog) => dialog?.addFiles(files)));
    this.render();
    void this.loadIndex();
  }

  /**
   * The manifest to open first: `?dataset=` when the gate admits it on this site, else the demo
   * with a notice saying why. A dataset on another site is not fetched: the user is asked first.
   */
  initialManifest(pageUrl: string, baseUri: string): { manifestUrl: string; notice?: string } {
    const demo = demoManifestUrl(baseUri);
    const wanted = new URL(pageUrl).searchParams.get('dataset');
    try {
      return { manifestUrl: wantedManifest(pageUrl, baseUri, this.scope(baseUri)) };
    } catch (error) {
      if (!(error instanceof RequestRefused)) throw error;
      if (error.reason === 'origin') {
        this.pendingCrossOrigin = datasetManifestUrl(pageUrl, baseUri);
        this.render();
        return { manifestUrl: demo };
      }
      this.dropDatasetFromAddress();
      return { manifestUrl: demo, notice: t('security.linkRefused', { url: wanted ?? '', reason: t(`security.reason.${error.reason satisfies RefusalReason}`) }) };
    }
  }

  /**
   * Loads the first dataset: the one the link asks for, or the demo. When the link's dataset cannot
   * be loaded the demo is shown instead, with a notice naming the dataset that failed.
   */
  async openFirst(
    pageUrl: string,
    baseUri: string,
    progress: (stage: string, fraction: number) => void,
    mapFiles?: (files: MapFiles) => void,
    /** Told before each load whether it is the built-in demo, so that the page can say so before its manifest is in. */
    opening?: (isDemo: boolean) => void,
    regionsFile?: (file: RegionsFile) => void,
  ): Promise<FirstDataset> {
    const first = this.initialManifest(pageUrl, baseUri);
    const notices = first.notice ? [first.notice] : [];
    const demo = demoManifestUrl(baseUri);
    opening?.(first.manifestUrl === demo);
    try {
      return { dataset: await this.deps.client.load(first.manifestUrl, this.scope(baseUri), progress, mapFiles, regionsFile), manifestUrl: first.manifestUrl, notices };
    } catch (error) {
      if (first.manifestUrl === demo) throw error;
      this.dropDatasetFromAddress();
      notices.push(t('security.firstFailed', { url: new URL(pageUrl).searchParams.get('dataset') ?? first.manifestUrl, message: (error as Error).message }));
      opening?.(true);
      return { dataset: await this.deps.client.load(demo, this.scope(baseUri), progress, mapFiles, regionsFile), manifestUrl: demo, notices };
    }
  }

  /** What the gate lets this page request: its own site's folder, and the origins the user agreed to. */
  private scope(baseUri = document.baseURI): RequestScope {
    return { site: folderOf(baseUri), consented: [...this.consented] };
  }

  /** The address no longer names a dataset that is not on the map. */
  private dropDatasetFromAddress(): void {
    history.replaceState(null, '', `${location.pathname}${searchForDataset(location.search, undefined, document.baseURI)}${location.hash}`);
  }

  /** The dataset on the map is now this hosted one. */
  shownHosted(manifestUrl: string): void {
    this.current = manifestUrl;
    this.render();
  }

  relabel(): void {
    this.openButton.textContent = t('import.open');
    this.dialogBuilt?.relabel();
    this.render();
  }

  /** Undefined when its code could not be fetched (the status says why; the next click tries again). */
  private importDialog(): Promise<ImportDialog | undefined> {
    this.dialog ??= (async () => {
      const [{ ImportDialog }, { ImportClient }, { ManualFixes }] = await Promise.all([
        import('./importDialog'),
        import('../../worker/import/importClient'),
        import('./manualFixes'),
      ]);
      this.dialogBuilt = new ImportDialog({ client: new ImportClient(), fixes: new ManualFixes(), formats: this.deps.formats, show: (result) => this.showImport(result) });
      return this.dialogBuilt;
    })().catch((error: Error) => {
      this.dialog = undefined;
      this.deps.status(t('status.loadFailed', { message: error.message }), true);
      return undefined;
    });
    return this.dialog;
  }

  private async loadIndex(): Promise<void> {
    let text: string | undefined;
    try {
      text = await (await fetchAdmitted(admitRequest(DATASET_INDEX, document.baseURI, this.scope()), { cache: 'no-cache' })).text();
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
      datasetSummary(this.datasets.find((d) => d.manifest === this.picker.value)),
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
      this.consented.add(origin);
      void this.loadHosted(url);
    });
    const no = el('button', { type: 'button', 'data-action': 'consent-decline' }, t('import.consent.decline'));
    no.addEventListener('click', () => {
      this.pendingCrossOrigin = undefined;
      this.dropDatasetFromAddress();
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
      dataset = await this.deps.client.load(manifestUrl, this.scope(), (stage, fraction) => this.deps.status(t('status.loadingStage', { stage, percent: Math.round(fraction * 100) })));
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

/** What the picked dataset holds, before it is opened: unit, period, source, licence and attribution. */
function datasetSummary(dataset: HostedDataset | undefined): HTMLElement {
  const box = el('div', { id: 'dataset-summary', class: 'note' });
  if (!dataset || !(dataset.unit || dataset.source)) return box;
  const what = [dataset.unit, dataset.period, dataset.source].filter((x): x is string => x !== undefined).join(' · ');
  box.append(el('p', {}, what));
  if (dataset.licence) box.append(el('p', {}, t('data.picker.licence', { licence: dataset.licence })));
  if (dataset.attribution) box.append(el('p', { class: 'attribution' }, dataset.attribution));
  return box;
}
