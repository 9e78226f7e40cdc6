import { ruleText } from '../model/dataset';
import type { IndicatorChange } from '../indicators/change';
import type { View } from '../state/store';
import { regionProfileModel } from '../state/profileRows';
import type { ComputedView, LoadedDataset } from '../engine/types';
import { t } from '../i18n/i18n';
import { unitLabel } from './units';
import { el } from './dom';
import type { Formats } from './format';
import { CategoryView, type CategoryIndices } from './categoryView';
import { DataTableView, type MapLayerValues } from './dataTable';
import { RegionProfileView } from './regionProfile';
import { RegionSearch } from './regionSearch';

export type ExplorePage = 'none' | 'profile' | 'category' | 'table';

export interface ExploreHandlers {
  /** Pins a region (View.region); `fly` moves the map to it. Undefined unpins. */
  selectRegion(regionId: string | undefined, options?: { fly?: boolean }): void;
  /** Shows a category on the map (View.cat). */
  selectCategory(categoryId: string): void;
  /** Change between two years of the dataset under the current rule, for life-cycle stages. */
  loadChange(fromYearIndex: number, toYearIndex: number): Promise<IndicatorChange>;
}

export interface ExploreState {
  dataset: LoadedDataset;
  view: View;
  computed: ComputedView;
  /** What the map shows now, for the data table. */
  layer?: MapLayerValues;
}

/**
 * The panel beside the map for understanding regions and categories: region search, the region
 * profile, the category ranking and the data table. One page shows at a time; pages opened from
 * another can go back to it. The pinned region (View.region) opens its profile, wherever it was
 * chosen — map click, keyboard, search or a ranking — and closing the profile unpins it.
 */
export class ExplorePanel {
  private readonly body: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly toolbar: HTMLElement;
  private readonly backButton = el('button', { type: 'button', class: 'explore-back', 'data-action': 'back' });
  private readonly closeButton = el('button', { type: 'button', class: 'explore-close', 'data-action': 'close' });
  private readonly rankingButton = el('button', { type: 'button', 'data-action': 'ranking', 'aria-controls': 'explore-body' });
  private readonly tableButton = el('button', { type: 'button', 'data-action': 'table', 'aria-controls': 'explore-body' });
  /** Widens the panel (where the screen has room) and shows every column of its tables. */
  private readonly widenButton = el('button', { type: 'button', 'data-action': 'widen', 'aria-pressed': 'false', 'aria-controls': 'explore-body' });
  private readonly search: RegionSearch;
  private readonly profile = new RegionProfileView();
  private readonly category = new CategoryView();
  private readonly table = new DataTableView();
  private page: ExplorePage = 'none';
  private history: ExplorePage[] = [];
  private state: ExploreState | undefined;
  private shownRegion: string | undefined;
  private regionIndex = new Map<string, number>();
  private change: { key: string; value?: IndicatorChange; pending?: Promise<void> } | undefined;
  /** Where focus goes back to when a page closes (e.g. the map canvas after Enter). */
  private returnFocus: HTMLElement | undefined;
  private focusOnRender = false;

  constructor(
    root: HTMLElement,
    private readonly handlers: ExploreHandlers,
    private readonly formats: () => Formats,
  ) {
    this.search = new RegionSearch((r) => {
      const region = this.state?.dataset.regions[r];
      if (!region) return;
      this.returnFocus = document.activeElement as HTMLElement | undefined;
      this.focusOnRender = true;
      this.pin(region.id, true);
    });
    this.toolbar = el('div', { class: 'explore-tools' }, this.rankingButton, this.tableButton, this.widenButton);
    this.widenButton.addEventListener('click', () => {
      const wide = root.classList.toggle('widened');
      this.widenButton.setAttribute('aria-pressed', String(wide));
      // The map's canvas follows its container's new width.
      window.dispatchEvent(new Event('resize'));
    });
    this.hint = el('p', { class: 'note explore-hint' });
    const nav = el('div', { class: 'explore-nav' }, this.backButton, this.closeButton);
    this.body = el('div', { id: 'explore-body', class: 'explore-body' });
    root.replaceChildren(this.search.element, this.toolbar, this.hint, nav, this.body);

    this.rankingButton.addEventListener('click', () => this.open('category', { push: true, focus: true }));
    this.tableButton.addEventListener('click', () => this.open('table', { push: true, focus: true }));
    this.backButton.addEventListener('click', () => this.back());
    this.closeButton.addEventListener('click', () => this.close());
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.page !== 'none' && !event.defaultPrevented) {
        event.preventDefault();
        this.close();
      }
    });
    this.relabel();
  }

  get currentPage(): ExplorePage {
    return this.page;
  }

  setDataset(dataset: LoadedDataset): void {
    this.regionIndex = new Map(dataset.regions.map((r, i) => [r.id, i]));
    this.search.setRegions(dataset.regions);
    this.change = undefined;
    this.history = [];
    this.page = 'none';
    this.shownRegion = undefined;
  }

  /** After every draw: follows the pinned region and re-renders the open page with the new results. */
  update(state: ExploreState): void {
    this.state = state;
    const region = state.view.region;
    if (region !== this.shownRegion) {
      this.shownRegion = region;
      if (region !== undefined) {
        if (this.page !== 'profile' && this.page !== 'none') this.history.push(this.page);
        this.page = 'profile';
      } else if (this.page === 'profile') {
        this.page = this.history.pop() ?? 'none';
      }
    }
    this.render();
  }

  /** Opens the profile of a region picked by keyboard on the map; focus moves into it and comes back on Escape. */
  openFromMap(regionId: string, returnTo: HTMLElement): void {
    this.returnFocus = returnTo;
    this.focusOnRender = true;
    this.pin(regionId, false);
  }

  /** Pins a region and shows its profile, also when it was already pinned behind another page. */
  private pin(regionId: string, fly: boolean): void {
    if (regionId === this.shownRegion && this.page !== 'profile') {
      if (this.page !== 'none') this.history.push(this.page);
      this.page = 'profile';
    }
    this.handlers.selectRegion(regionId, { fly });
  }

  /** Closes the open page; closing the profile unpins its region. */
  close(): void {
    const wasProfile = this.page === 'profile';
    this.page = 'none';
    this.history = [];
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (wasProfile && this.shownRegion !== undefined) this.handlers.selectRegion(undefined);
    else this.render();
    target?.focus();
  }

  relabel(): void {
    this.search.relabel();
    this.rankingButton.textContent = t('explore.ranking');
    this.tableButton.textContent = t('explore.table');
    this.widenButton.textContent = t('layout.panel.widen');
    this.backButton.textContent = t('explore.back');
    this.closeButton.textContent = t('explore.close');
    this.hint.textContent = t('explore.hint');
    if (this.state) this.render();
  }

  private open(page: ExplorePage, options: { push?: boolean; focus?: boolean } = {}): void {
    if (page === this.page) {
      if (options.focus) this.focusPage();
      return;
    }
    if (options.push && this.page !== 'none') this.history.push(this.page);
    this.page = page;
    this.focusOnRender = options.focus ?? false;
    this.render();
  }

  private back(): void {
    const previous = this.history.pop();
    if (previous === undefined) return this.close();
    // Leaving the profile by "back" keeps its region pinned: it is still the map's selection.
    this.page = previous;
    this.focusOnRender = true;
    this.render();
  }

  private render(): void {
    // Re-rendering replaces elements: keep the keyboard focus on the same control.
    const focused = focusSelector(this.body);
    this.renderPage();
    if (this.focusOnRender) {
      this.focusOnRender = false;
      this.focusPage();
    } else if (focused) this.body.querySelector<HTMLElement>(focused)?.focus();
  }

  private renderPage(): void {
    const state = this.state;
    const open = this.page !== 'none';
    this.hint.hidden = open;
    this.backButton.hidden = !open || this.history.length === 0;
    this.closeButton.hidden = !open;
    this.rankingButton.setAttribute('aria-pressed', String(this.page === 'category'));
    this.tableButton.setAttribute('aria-pressed', String(this.page === 'table'));
    if (!state || !open) {
      this.body.replaceChildren();
      return;
    }
    const { dataset, view, computed } = state;
    const categoryIndex = dataset.categories.findIndex((c) => c.id === view.cat);
    const selected = view.region === undefined ? undefined : this.regionIndex.get(view.region);
    if (this.page === 'profile' && selected !== undefined) {
      this.renderProfile(state, selected);
    } else if (this.page === 'profile') {
      // A region on the map without data: nothing to profile but its name.
      this.body.replaceChildren(el('section', { class: 'region-profile', id: 'region-profile' }, el('h2', { id: 'region-profile-title', tabindex: '-1' }, view.region ?? ''), el('p', {}, t('profile.noData'))));
    } else if (this.page === 'category') {
      this.category.show({
        category: categoryIndex,
        categories: dataset.categories,
        regions: dataset.regions,
        year: view.year,
        computed,
        indices: (computed as { categoryStats?: CategoryIndices }).categoryStats,
        selectedRegion: selected,
        formats: this.formats,
        unit: unitLabel(dataset.manifest),
        selectRegion: (r) => this.pin(dataset.regions[r].id, true),
      });
      this.body.replaceChildren(this.category.element);
    } else if (this.page === 'table' && state.layer) {
      this.table.show({
        layer: state.layer,
        regions: dataset.regions,
        computed,
        category: categoryIndex,
        selectedRegion: selected,
        formats: this.formats,
        selectRegion: (r) => this.pin(dataset.regions[r].id, true),
      });
      this.body.replaceChildren(this.table.element);
    }
  }

  private renderProfile(state: ExploreState, region: number): void {
    const { dataset, view, computed } = state;
    const yearIndex = dataset.years.indexOf(view.year);
    const change = yearIndex > 0 ? this.changeTo(yearIndex, view) : undefined;
    const model = regionProfileModel({ year: view.year, view: computed }, region, change);
    this.profile.show(model, {
      stagesPending: yearIndex > 0 && change === undefined,
      regionName: dataset.regions[region].name,
      categories: dataset.categories,
      formats: this.formats,
      unit: unitLabel(dataset.manifest),
      openCategory: (c) => {
        this.history.push('profile');
        this.page = 'category';
        this.focusOnRender = true;
        this.handlers.selectCategory(dataset.categories[c].id);
      },
    });
    this.body.replaceChildren(this.profile.element);
  }

  /** The change from the previous available year, cached per (years, rule); loads it once, then re-renders. */
  private changeTo(yearIndex: number, view: View): IndicatorChange | undefined {
    const key = `${yearIndex - 1}>${yearIndex}|${ruleText(view.rule)}`;
    if (this.change?.key === key) return this.change.value;
    const entry: { key: string; value?: IndicatorChange; pending?: Promise<void> } = { key };
    entry.pending = this.handlers.loadChange(yearIndex - 1, yearIndex).then(
      (value) => {
        entry.value = value;
        if (this.change === entry && this.page === 'profile') this.render();
      },
      () => undefined,
    );
    this.change = entry;
    return undefined;
  }

  private focusPage(): void {
    if (this.page === 'profile') this.profile.focus();
    else if (this.page === 'category') this.category.focus();
    else if (this.page === 'table') this.table.focus();
  }
}

/** A selector that finds the focused control again after its container is rebuilt (by id or data attributes). */
function focusSelector(container: HTMLElement): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !container.contains(active)) return undefined;
  if (active.id) return `#${CSS.escape(active.id)}`;
  const data = [...active.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `[${a.name}="${CSS.escape(a.value)}"]`);
  return data.length > 0 ? active.tagName.toLowerCase() + data.join('') : undefined;
}
