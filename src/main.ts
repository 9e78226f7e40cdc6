import './ui/style.css';
import { createAtlasStore, initialView, type View } from './state/store';
import { formatHash, linkNotices, parseHash } from './state/hash';
import { keptAcrossDatasets, needsCompute, viewFromLink, withChange, withViewport } from './state/viewUpdates';
import { cellDetails } from './engine/cellDetails';
import { AtlasWorkerClient } from './worker/client';
import type { ComputedView, LoadedDataset } from './engine/types';
import type { MapFiles, RegionsFile } from './engine/datasetSource';
import type { AtlasMap, MapOptions, RegionPointerEvent } from './map/mapView';
import { layerValue, type Layer } from './map/modes';
import { LayerSource, type SymbolsHeld } from './map/layerSource';
import { greyRegionCount, renderLegend } from './map/legend';
import { Controls } from './ui/controls';
import { Tooltip } from './ui/tooltip';
import { makeFormats, ruleLqThresholds, type Formats } from './ui/format';
import { detectLang, getLang, onLangChange, setLang, t, translateDom, type Lang } from './i18n/i18n';
import { byId, el } from './ui/dom';
import { renderDatasetInfo } from './ui/datasetInfo';
import { AnalysisPanel } from './ui/analysisPanel';
import { showLegendNotes } from './ui/legendNotes';
import { DataSources, firstLoad, type FirstDataset } from './ui/dataImport/dataSources';
import { sourceFlags } from './ui/sourceFlags';
import { applyPageMode } from './ui/pageMode';
import { layerColumns } from './export/viewTable';
import { cameraOf, jumpToCamera, trackCamera, visibleBounds } from './map/viewport';
import { ExplorePanel } from './ui/explorePanel';
import type { MapKeyboard } from './map/keyboard';
import { unitLabel, withUnit } from './ui/units';
import { Sheets } from './ui/sheets';
import type { LinkedViews } from './ui/linked/linkedViews';
import { lazyPanel } from './ui/lazyPanel';
import { mapAttribution } from './ui/noteText';
import { MapOverlays, exposeForAutomation } from './map/overlays';
import { OverlayControls } from './ui/overlayControls';

// Wiring only: state lives in the store, compute in the worker, drawing in AtlasMap.
performance.mark('atlas:main');
// MapLibre (most of the page's code) arrives while the worker reads the dataset; its own workers start before the data is in.
const mapCode = import('./map/mapCode').then((code) => {
  code.startMapWorkers();
  return code;
});
const store = createAtlasStore();
// The worker starts on the first dataset before the page's request for it could reach it.
const client = new AtlasWorkerClient(firstLoad(location.href, document.baseURI));
let formats: Formats = makeFormats('en');
let formatsKey = '';
/** Formats for the language and the rule's thresholds (an LQ near one gets the digits that tell its side). */
function useFormats(lang: Lang, rule: View['rule'] | undefined): void {
  const thresholds = ruleLqThresholds(rule);
  const key = `${lang} ${thresholds.join(' ')}`;
  if (key !== formatsKey) {
    formatsKey = key;
    formats = makeFormats(lang, thresholds);
  }
}
const mapContainer = byId('map');
const statusBox = byId('status');
const tooltip = new Tooltip(mapContainer);
let atlasMap: AtlasMap | undefined;
let regionIndex = new Map<string, number>();
let renderGeneration = 0;
let lastPointer: RegionPointerEvent | undefined;
/** The layer on the map now (exports add its values). */
let drawnLayer: Layer | undefined;

const controls = new Controls({
  category: (cat) => updateView({ cat }),
  indicator: (ind) => updateView({ ind }),
  year: (year) => updateView({ year }),
});
// Map modes, classification, rule, timeline: the worker answers, stale answers are dropped.
const layers = new LayerSource(client);
const analysis = new AnalysisPanel(byId('analysis'), mapContainer, (change) => updateView(change));
const overlayControls = new OverlayControls((change) => updateView(change));
byId('analysis').append(overlayControls.element);
let overlays: MapOverlays | undefined;
// Play and the slider sit right under the Year picker: two ways to choose the same thing, side by side.
byId('year-field').after(analysis.timeline.element);

const explore = new ExplorePanel(
  byId('explore'),
  {
    selectRegion: (regionId, options) => selectRegion(regionId, options?.fly ?? false),
    selectCategory: (cat) => updateView({ cat }),
    loadChange: async (fromYearIndex, toYearIndex) =>
      (await client.change({ fromYearIndex, toYearIndex, rule: store.getState().view!.rule })).change,
  },
  () => formats,
);
let keyboard: MapKeyboard | undefined;
// Small screens: the panels slide over the map (phone: both, tablet: the regions panel).
const sheets = new Sheets([document.querySelector<HTMLElement>('.app-header')!, mapContainer]);
sheets.add(byId('controls'), 'layout.sheet.controls', ['phone']);
sheets.add(byId('explore'), 'layout.sheet.explore', ['phone', 'tablet']);
byId('explore').after(sheets.bar);
/** A region's profile asked for from the map (Enter, the card's button, a second tap): its panel comes on screen. */
function openProfile(regionId: string, returnTo: HTMLElement): void {
  explore.openFromMap(regionId, returnTo);
  sheets.open(byId('explore'));
}
tooltip.onOpenProfile = (regionId) => openProfile(regionId, mapContainer.querySelector('canvas') ?? mapContainer);
// Panels the first map does not need: their code is fetched when their button is first clicked.
const panelFailed = (error: Error) => setStatus(t('status.loadFailed', { message: error.message }), true);
let linkedShown: Parameters<LinkedViews['update']>[0] | undefined;
const linked = lazyPanel(
  byId('share-tools'),
  { key: 'atlas.linked.open', attributes: { id: 'linked-open', 'aria-expanded': 'false', 'aria-controls': 'linked-panel' } },
  async (toolbar) => {
    const { LinkedViews } = await import('./ui/linked/linkedViews');
    const views = new LinkedViews({ toolbar, scatter: (values) => client.scatter(values), highlight: (ids) => atlasMap?.setHighlighted(ids), formats: () => formats });
    if (linkedShown) views.update(linkedShown);
    return views;
  },
  panelFailed,
);
lazyPanel(
  byId('share-tools'),
  { key: 'atlas.dash.open', attributes: { id: 'dashboard-open', 'aria-haspopup': 'dialog' } },
  async (toolbar) => {
    const { RegionDashboard } = await import('./ui/dashboard/dashboard');
    return new RegionDashboard({ toolbar, store, series: (request) => client.series(request), formats: () => formats, selectCategory: (cat) => updateView({ cat }) });
  },
  panelFailed,
);

/** Pins a region chosen off the map (search, rankings, keyboard) and, if asked, moves the map to it. */
function selectRegion(regionId: string | undefined, fly: boolean): void {
  tooltip.hide(true);
  lastPointer = undefined;
  if (regionId !== undefined) {
    keyboard?.setCurrent(regionId);
    const bounds = keyboard?.bounds(regionId);
    // Instant, so the pinned tooltip is placed from the final camera.
    if (fly && bounds && atlasMap) atlasMap.map.fitBounds(bounds, { padding: 60, maxZoom: 6, animate: false });
  }
  updateView({ region: regionId });
}

function setStatus(text: string, isError = false): void {
  statusBox.replaceChildren(text ? el('p', { class: isError ? 'error' : '' }, text) : '');
}

// Hosted datasets, another site's dataset when a link asks and the user agrees, and the user's own files.
const dataSources = new DataSources(byId('data-source'), { client, formats: () => formats, show: (dataset) => switchDataset(dataset), status: setStatus });

function showNotices(notices: string[]): void {
  byId('notices').replaceChildren(...notices.map((n) => el('p', {}, n)));
}

function updateView(change: Partial<View>): void {
  const { view } = store.getState();
  if (!view) return;
  store.setState({ view: withChange(view, change) });
  void refresh();
}

/** The hash always holds the current view (replaced, not pushed: moving around is not history). */
function writeHash(view: View): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${formatHash(view)}`);
}

/** Brings the map in line with the view: recompute if the year or rule changed, recolour, then mark it ready. */
async function refresh(): Promise<void> {
  const generation = ++renderGeneration;
  mapContainer.dataset.ready = 'false';
  const { dataset, view } = store.getState();
  if (!dataset || !view || !atlasMap) return;
  writeHash(view);
  useFormats(getLang(), view.rule);
  controls.show(view);
  analysis.show(view);
  const yearIndex = dataset.years.indexOf(view.year);
  let { computed } = store.getState();
  try {
    if (!computed || needsCompute(computed, dataset, view)) {
      setStatus(t('status.computing'));
      computed = await layers.compute({ yearIndex, rule: view.rule, categoryStats: false });
      performance.mark('atlas:computed');
      if (generation !== renderGeneration) return;
      store.setState({ computed });
    }
    if (view.mode !== 'choropleth') setStatus(t('status.computing'));
    const layer = await layers.layer(dataset, view, computed, getLang(), analysis.timeline.isPlaying);
    if (generation !== renderGeneration) return;
    const symbolsHeld = await layers.symbolsHeld(dataset, view, analysis.timeline.isPlaying);
    if (generation !== renderGeneration) return;
    draw(dataset, view, computed, layer, symbolsHeld);
    performance.mark('atlas:drawn');
    setStatus(t('status.drawing'));
    // The per-category statistics (the category view, the methodology) come from the worker while
    // the map draws: the map needs neither, so they are not on the way to the first colours.
    const stats = computed.categoryStats ? undefined : client.categoryStats(yearIndex, view.rule);
    await atlasMap.whenIdle();
    if (generation !== renderGeneration) return;
    if (stats) {
      const categoryStats = await stats;
      if (generation !== renderGeneration) return;
      computed = { ...computed, categoryStats };
      store.setState({ computed });
      showComputedDetails(dataset, view, computed, layer);
    }
    mapContainer.dataset.ready = 'true';
    performance.mark('atlas:data-ready');
    mapContainer.dataset.computeMs = computed.computeMs.toFixed(1);
    setStatus('');
  } catch (error) {
    if (generation === renderGeneration) setStatus(t('status.computeFailed', { message: (error as Error).message }), true);
  }
}

function draw(dataset: LoadedDataset, view: View, computed: ComputedView, layer: Layer, symbolsHeld?: SymbolsHeld): void {
  const { values, classes } = layer;
  drawnLayer = layer;
  const colours = new Map<string, string>();
  const regionIds = dataset.regions.map((region) => region.id);
  dataset.regions.forEach((region, r) => {
    if (!Number.isNaN(values[r])) colours.set(region.id, classes.colours[classes.classOf(values[r])]);
  });
  atlasMap!.setColours(colours);
  atlasMap!.setSelected(view.region);
  const grey = greyRegionCount(values, regionIds, new Set(dataset.join.dataRegionsNotOnMap), dataset.join.regionsWithoutData.length);
  renderLegend(byId('legend'), view.mode === 'choropleth' && view.ind === 'employment' ? withUnit(layer.title, unitLabel(dataset.manifest)) : layer.title, classes, formats.count, grey);
  showLegendNotes(byId('legend'), layer.notes);
  overlayControls.show(view);
  overlays?.draw({ dataset, view, computed, legend: byId('legend'), unit: unitLabel(dataset.manifest), formatCount: formats.count, lang: getLang(), symbolsHeld });
  analysis.show(view, layer);
  const shown = showComputedDetails(dataset, view, computed, layer);
  linked.built?.update(shown);
  if (tooltip.pinned !== undefined && lastPointer) showTooltip(lastPointer, true);
  else if (view.region !== undefined) showPinnedFromHash(view.region);
}

/** The panels that read the computed view beside the map: the methodology's category facts and the explore panel. */
function showComputedDetails(dataset: LoadedDataset, view: View, computed: ComputedView, layer: Layer): NonNullable<typeof linkedShown> {
  const c = dataset.categories.findIndex((cat) => cat.id === view.cat);
  analysis.methodology.showCategory(dataset.categories[c].name, view.year, c, computed.categoryStats);
  explore.update({ dataset, view, computed, layer });
  linkedShown = { dataset, view, computed, layer };
  return linkedShown;
}

function showTooltip(event: RegionPointerEvent, pin: boolean): void {
  const { dataset, view, computed } = store.getState();
  if (!dataset || !view || !computed) return;
  const r = regionIndex.get(event.regionId);
  const c = dataset.categories.findIndex((cat) => cat.id === view.cat);
  const region = r === undefined ? undefined : dataset.regions[r];
  tooltip.show(
    {
      regionId: event.regionId,
      regionName: region?.name ?? event.regionId,
      categoryName: dataset.categories[c].name,
      year: dataset.years.length > 1 ? view.year : undefined,
      details: r === undefined ? undefined : cellDetails(computed, r, c),
      flags: r === undefined ? undefined : sourceFlags(dataset, dataset.years.indexOf(view.year), r, c),
      mapValue: r === undefined ? undefined : layerValue(drawnLayer, r),
      unit: unitLabel(dataset.manifest),
    },
    event.point,
    formats,
    pin,
  );
}

function showPinnedFromHash(regionId: string): void {
  // A region pinned by a link, search or keyboard: its tooltip at its label point, else near the centre.
  const rect = mapContainer.getBoundingClientRect();
  const label = keyboard?.labelPoint(regionId);
  lastPointer = { regionId, point: label && atlasMap ? atlasMap.project(label) : { x: rect.width / 2, y: rect.height / 3 } };
  showTooltip(lastPointer, true);
}

function onPointer(map: AtlasMap): void {
  map.onPointer({
    move: (event) => {
      if (tooltip.pinned === undefined) showTooltip(event, false);
    },
    leave: () => tooltip.hide(),
    click: (event) => {
      if (!event) {
        tooltip.hide(true);
        lastPointer = undefined;
        updateView({ region: undefined });
        return;
      }
      // On a phone the first tap shows the details card, a second tap on the same region its profile.
      if (tooltip.cardScreen && tooltip.pinned === event.regionId) {
        tooltip.onOpenProfile(event.regionId);
        return;
      }
      lastPointer = event;
      showTooltip(event, true);
      updateView({ region: event.regionId });
    },
  });
  tooltip.onClose = () => {
    lastPointer = undefined;
    updateView({ region: undefined });
  };
}

/** Switches every string and number format; the choice is kept in the hash as `lang`. */
function localiseMapControls(): void {
  atlasMap?.localiseControls({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), attribution: t('map.attribution') });
}

function applyLang(lang: Lang): void {
  setLang(lang);
}

onLangChange((lang) => {
  useFormats(lang, store.getState().view?.rule);
  document.documentElement.lang = lang;
  byId<HTMLSelectElement>('lang').value = lang;
  translateDom(document);
  controls.relabel();
  analysis.relabel();
  overlayControls.relabel();
  dataSources.relabel();
  explore.relabel();
  keyboard?.relabel();
  sheets.relabel();
  localiseMapControls();
  const { dataset, view, computed } = store.getState();
  if (dataset) renderDatasetInfo(byId('dataset-info'), dataset, formats);
  if (dataset && view) {
    store.setState({ view: { ...view, lang } });
    if (computed) void refresh();
  }
});

/**
 * The demo's notice that its figures are synthetic. Where it shares the title's row (a laptop's
 * header), it keeps its room, unseen, for a dataset that is not synthetic: at 1280 px it puts the
 * toolbar on a second row, and leaving the demo would otherwise take the header to one row, resize
 * the map's canvas and redraw it (a resize of a WebGL canvas waits for everything queued on the GPU:
 * the longest main-thread task of a 100 MB import, 121–148 ms). Where it has a row of its own (a
 * phone's header), an empty row would cost the map more than the resize: it goes. A page opened on
 * another dataset never gives it room.
 */
function showSyntheticNotice(synthetic: boolean): void {
  const notice = byId('synthetic-notice');
  if (synthetic) {
    notice.hidden = false;
    notice.style.visibility = '';
    return;
  }
  if (notice.hidden) return;
  const sharesTitleRow = notice.getBoundingClientRect().top < byId('dataset-title').getBoundingClientRect().bottom;
  if (sharesTitleRow) notice.style.visibility = 'hidden';
  else notice.hidden = true;
}

/** Makes `dataset` the current one everywhere but on the map; the view starts from `wanted` where valid. */
function applyDataset(dataset: LoadedDataset, wanted: Partial<View>, notices: string[]): View {
  const view = { ...initialView(dataset, wanted, notices), lang: getLang() };
  regionIndex = new Map(dataset.regions.map((r, i) => [r.id, i]));
  store.setState({ dataset, view, notices, computed: undefined, status: 'computing' });
  showNotices(notices);

  byId('dataset-title').textContent = dataset.manifest.title;
  // The header gives the title one line; the whole of it on hover.
  byId('dataset-title').title = dataset.manifest.title;
  showSyntheticNotice(dataset.manifest.synthetic === true);
  renderDatasetInfo(byId('dataset-info'), dataset, formats);
  controls.setDataset(dataset.categories, dataset.years);
  analysis.setDataset(dataset);
  layers.reset();
  explore.setDataset(dataset);
  keyboard?.setPlaces(dataset.places);
  atlasMap?.setPlaces(dataset.places);
  return view;
}

/** Another dataset on the map (a hosted one picked, or the user's files): its regions replace the old ones. */
async function switchDataset(dataset: LoadedDataset): Promise<void> {
  // The map may be up before the first dataset is: a switch waits until that one is shown.
  if (!atlasMap || !store.getState().view) return;
  // Results still on their way belong to the old dataset: the next refresh drops them.
  renderGeneration++;
  mapContainer.dataset.ready = 'false';
  tooltip.hide(true);
  lastPointer = undefined;
  const previous = store.getState().view;
  applyDataset(dataset, keptAcrossDatasets(previous, dataset), []);
  mapRegionsUrl = dataset.regionsUrl;
  regionsShown = atlasMap.setRegions(mapOptions(mapFilesOf(dataset)));
  await regionsShown;
  await refresh();
}

/** The map's options for a dataset's boundaries (the regions' source is replaced when they change). */
function mapOptions(files: MapFiles): Omit<MapOptions, 'container'> {
  return { ...regionsFileOptions(files), regionsData: files.regionsData, bounds: files.bounds, insets: files.insets };
}

/** The map's sources for a dataset's boundaries, as prefetched and as drawn (the same, or the prefetched ones are replaced). */
function regionsFileOptions(file: RegionsFile): RegionsFile {
  return { regionsUrl: file.regionsUrl, idProperty: file.idProperty, outlinesUrl: file.outlinesUrl, attribution: mapAttribution(file.attribution) };
}

function mapFilesOf(dataset: LoadedDataset): MapFiles {
  return { regionsUrl: dataset.regionsUrl, regionsData: dataset.regionsData, idProperty: dataset.manifest.regions.id, outlinesUrl: dataset.outlinesUrl, attribution: dataset.manifest.attribution, bounds: dataset.bounds, insets: dataset.insets };
}

/**
 * The map, made once, as soon as MapLibre's code is in: its WebGL context and first frame are made
 * while the worker reads the dataset. The first dataset's boundaries go on it when they are known,
 * before its tables are read (`showRegions`).
 */
let mapMade: Promise<AtlasMap> | undefined;
let mapRegionsUrl: string | undefined;
let regionsShown: Promise<void> = Promise.resolve();
function makeMap(): Promise<AtlasMap> {
  mapMade ??= mapCode.then((code) => {
    const made = new code.AtlasMap({ container: mapContainer });
    atlasMap = made;
    exposeForAutomation(made.map);
    onPointer(made);
    localiseMapControls();
    keyboard = new code.MapKeyboard(made, {
      focus: (regionId, point) => {
        showTooltip({ regionId, point }, false);
        // innerText keeps the tooltip's line breaks between label and value pairs.
        return tooltip.element.innerText;
      },
      open: (regionId) => openProfile(regionId, made.map.getCanvas()),
      escape: () => (store.getState().view?.region !== undefined ? selectRegion(undefined, false) : tooltip.hide(true)),
      blur: () => tooltip.hide(),
      pinned: () => store.getState().view?.region,
    });
    return made;
  });
  return mapMade;
}

/** Puts a dataset's boundaries on the map unless they are there (or on their way) already. */
async function showRegions(files: MapFiles): Promise<void> {
  const map = await makeMap();
  if (mapRegionsUrl !== files.regionsUrl) {
    mapRegionsUrl = files.regionsUrl;
    regionsShown = map.setRegions(mapOptions(files));
  }
  return regionsShown;
}

/** The map the first dataset is shown on, once that dataset is in the store (saved views and a deck link belong to it). */
let resolveFirstShown: (map: AtlasMap) => void = () => undefined;
const firstShown = new Promise<AtlasMap>((resolve) => (resolveFirstShown = resolve));
/**
 * Share, export and present: fetched alongside the first map, not before it. Their buttons stand in
 * the header from the start, so that the header keeps its size when the code arrives.
 */
const sharing = lazyPanel(
  byId('share-tools'),
  [
    { key: 'share.copyLink', attributes: { id: 'share-copy-link' } },
    { key: 'share.open', attributes: { id: 'share-open', 'aria-haspopup': 'dialog' } },
    { key: 'export.open', attributes: { id: 'export-open', 'aria-haspopup': 'dialog' } },
    { key: 'present.open', attributes: { id: 'present-open', 'aria-haspopup': 'dialog' } },
  ],
  async (toolbar) => {
    const [{ setupSharing }, made] = await Promise.all([import('./ui/sharing'), firstShown]);
    return setupSharing({
      store,
      mapContainer,
      legend: byId('legend'),
      toolbar,
      mapCanvas: () => made.map.getCanvas(),
      camera: () => cameraOf(made.map),
      showHash: applyHash,
      extraColumns: () => {
        const current = store.getState().view;
        return current ? layerColumns(current.mode, current.change, drawnLayer) : [];
      },
      atlasMap: () => made,
      placeLabels: (map) => overlays?.labelsOn(map) ?? [],
      regionBounds: (regionId) => keyboard?.bounds(regionId),
      visibleBounds: () => visibleBounds(made.map, store.getState().dataset?.bounds),
      // Measured first: a slide is fitted in the frame after the page went chromeless, before MapLibre's own resize.
      fit: (bounds, padding) => made.map.resize().fitBounds(bounds, { padding, maxZoom: 9, animate: false }),
    });
  },
  panelFailed,
);

async function start(): Promise<void> {
  applyPageMode();
  const hashLang = parseHash(location.hash).view.lang;
  applyLang(hashLang ?? detectLang(navigator.languages));
  byId<HTMLSelectElement>('lang').addEventListener('change', (event) => applyLang((event.target as HTMLSelectElement).value as Lang));
  setStatus(t('status.loadingDataset'));
  void makeMap().catch(() => undefined);
  let first: FirstDataset;
  try {
    first = await dataSources.openFirst(
      location.href,
      document.baseURI,
      (stage, fraction) => (performance.mark(`atlas:load:${stage}`), setStatus(t('status.loadingStage', { stage, percent: Math.round(fraction * 100) }))),
      // MapLibre draws the boundaries while the worker is still reading the tables.
      (files) => void showRegions(files).catch(() => undefined),
      // The demo's warning takes its place in the header at once: the header keeps its size, and so does the map.
      showSyntheticNotice,
      // Before that, MapLibre's worker starts on the boundaries' file as soon as the manifest names it.
      (file) => void makeMap().then((map) => map.prefetchRegions(regionsFileOptions(file))).catch(() => undefined),
    );
  } catch (error) {
    setStatus(t('status.loadFailed', { message: (error as Error).message }), true);
    store.setState({ status: 'error', error: (error as Error).message });
    return;
  }
  performance.mark('atlas:dataset');
  const parsedHash = parseHash(location.hash);
  const wanted = parsedHash.view;
  const { dataset, manifestUrl } = first;
  const notices: string[] = [...first.notices, ...linkNotices(parsedHash)];
  const view = applyDataset(dataset, wanted, notices);
  dataSources.shownHosted(manifestUrl);

  let shown: AtlasMap;
  try {
    shown = await makeMap();
  } catch (error) {
    setStatus(t('status.loadFailed', { message: (error as Error).message }), true);
    return;
  }
  keyboard?.setPlaces(dataset.places);
  shown.setPlaces(dataset.places);
  resolveFirstShown(shown);
  sharing.load().catch(panelFailed);
  // The first dataset's boundaries are on the map already (or on their way), unless a link's dataset failed after they were known and the demo took its place.
  await showRegions(mapFilesOf(dataset));
  await shown.whenLoaded();
  performance.mark('atlas:map-loaded');
  overlays = new MapOverlays(shown.map);
  if (view.viewport) jumpToCamera(shown.map, view.viewport);
  trackCamera(shown.map, (viewport) => {
    const current = store.getState().view;
    if (!current) return;
    const view = withViewport(current, viewport);
    store.setState({ view });
    writeHash(view);
  }, shown.home);
  await refresh();

  window.addEventListener('hashchange', () => applyHash(location.hash));
}

/**
 * Brings the page to a link's view (typed into the address bar, or a saved view shown). Applied at
 * once, not through a hashchange event: a moveend arriving before that event would write the old
 * view back into the hash, and the shown view would be lost.
 */
function applyHash(hash: string): void {
  const current = store.getState();
  if (!current.dataset || !current.view) return;
  const parsed = parseHash(hash);
  const next = linkNotices(parsed);
  if (parsed.view.lang) applyLang(parsed.view.lang);
  const view = viewFromLink(current.dataset, current.view, parsed.view, getLang(), next);
  showNotices(next);
  store.setState({ view });
  writeHash(view);
  // After the new view is in the store: the camera's moveend then records into it, not the old one.
  if (parsed.view.viewport && atlasMap) jumpToCamera(atlasMap.map, parsed.view.viewport);
  void refresh();
}

void start();
