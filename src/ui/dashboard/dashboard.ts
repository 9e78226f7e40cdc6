/**
 * The region dashboard (after U.S. Cluster Mapping's region pages): the region's cluster
 * portfolio as a bubble chart (x LQ, y employment growth a year between the two chosen years,
 * area employment, colour stars, quadrant lines at LQ 1 and growth 0, the largest labelled),
 * every category's employment and LQ over all years as small lines, and up to four regions side
 * by side for the map's category. The worker supplies the series (AnalysisEngine.series).
 * Every bubble is focusable and says its values as text; data names are text nodes only.
 */
import './dashboard.css';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { el } from '../dom';
import { modalDialog, textButton, textLine } from '../dialog';
import { onLangChange, t } from '../../i18n/i18n';
import type { Formats } from '../format';
import type { AtlasStore } from '../../state/store';
import type { LoadedDataset } from '../../engine/types';
import { MAX_SERIES_REGIONS, type RegionSeries, type RegionSeriesRequest } from '../../engine/regionSeries';
import { sparkline, svgEl } from '../charts/svg';
import { categoryLine, paddedDomain, portfolio, type PortfolioPoint } from './portfolio';

export interface DashboardOptions {
  toolbar: HTMLElement;
  store: AtlasStore;
  series(request: RegionSeriesRequest): Promise<RegionSeries[]>;
  formats(): Formats;
  /** Shows a category on the map (Enter on a bubble). */
  selectCategory(cat: string): void;
}

/** Star counts 0–3: grey, then three blues (ColorBrewer Blues), dark enough for white outlines. */
export const STAR_COLOURS = ['#bdbdbd', '#9ecae1', '#4292c6', '#08519c'];
const LABELLED = 6;

export class RegionDashboard {
  private readonly dialog: HTMLDialogElement;
  private readonly inputs: HTMLInputElement[] = [];
  private readonly list = el('datalist', { id: 'dashboard-regions' });
  private readonly body = el('div', { class: 'dashboard-body', id: 'dashboard-body' });
  private readonly status = el('p', { class: 'dashboard-status', role: 'status', 'aria-live': 'polite' });
  private generation = 0;

  constructor(private readonly options: DashboardOptions) {
    const open = textButton('atlas.dash.open', { id: 'dashboard-open', 'aria-haspopup': 'dialog' });
    options.toolbar.append(open);
    const pickers = el('fieldset', { class: 'dashboard-pickers' }, el('legend', { 'data-i18n': 'atlas.dash.regions' }, t('atlas.dash.regions')));
    for (let i = 0; i < MAX_SERIES_REGIONS; i++) {
      const id = `dashboard-region-${i}`;
      const input = el('input', { id, type: 'search', list: 'dashboard-regions', autocomplete: 'off', class: 'dashboard-region' });
      input.addEventListener('change', () => void this.render());
      this.inputs.push(input);
      pickers.append(el('div', { class: 'dashboard-picker' }, el('label', { for: id, class: 'dashboard-region-label' }, t('atlas.dash.region', { n: i + 1 })), input));
    }
    this.dialog = modalDialog('dashboard-dialog', 'atlas.dash.heading', textLine('atlas.dash.help', { class: 'help' }), pickers, this.list, this.status, this.body);
    this.dialog.classList.add('dashboard-dialog');
    const relabel = () => this.dialog.querySelectorAll('.dashboard-region-label').forEach((label, i) => (label.textContent = t('atlas.dash.region', { n: i + 1 })));
    // Another language while the dashboard is open (a link's #lang=): its labels, charts and tables are drawn again in it.
    onLangChange(() => {
      relabel();
      void this.render();
    });
    open.addEventListener('click', () => {
      relabel();
      this.prefill();
      this.dialog.showModal();
      void this.render();
    });
    options.store.subscribe((state, previous) => {
      if (state.dataset !== previous.dataset) this.setDataset(state.dataset);
    });
    this.setDataset(options.store.getState().dataset);
  }

  private setDataset(dataset: LoadedDataset | undefined): void {
    this.list.replaceChildren(...(dataset?.regions ?? []).map((r) => el('option', { value: regionLabel(r) })));
    for (const input of this.inputs) input.value = '';
  }

  /** The pinned region, else the one with the most jobs in the map's category. */
  private prefill(): void {
    const { dataset, view, computed } = this.options.store.getState();
    if (!dataset || !view) return;
    if (this.inputs.some((i) => i.value.trim() !== '') && view.region === undefined) return;
    let r = view.region === undefined ? -1 : dataset.regions.findIndex((reg) => reg.id === view.region);
    if (r < 0 && computed) {
      const c = dataset.categories.findIndex((cat) => cat.id === view.cat);
      const nC = dataset.categories.length;
      let best = -Infinity;
      dataset.regions.forEach((_, i) => {
        const e = computed.employment[i * nC + c];
        if (e > best) [best, r] = [e, i];
      });
    }
    if (r >= 0) this.inputs[0].value = regionLabel(dataset.regions[r]);
  }

  /** Regions typed or picked, known ones only (unknown text is named in the status). */
  private chosen(dataset: LoadedDataset): { indices: number[]; unknown: string[] } {
    const byLabel = new Map(dataset.regions.map((r, i) => [regionLabel(r).toLowerCase(), i]));
    const byName = new Map(dataset.regions.map((r, i) => [r.name.toLowerCase(), i]));
    const byId = new Map(dataset.regions.map((r, i) => [r.id.toLowerCase(), i]));
    const indices: number[] = [];
    const unknown: string[] = [];
    for (const input of this.inputs) {
      const text = input.value.trim().toLowerCase();
      if (!text) continue;
      const r = byLabel.get(text) ?? byId.get(text) ?? byName.get(text);
      if (r === undefined) unknown.push(input.value.trim());
      else if (!indices.includes(r)) indices.push(r);
    }
    return { indices, unknown };
  }

  async render(): Promise<void> {
    const generation = ++this.generation;
    const { dataset, view } = this.options.store.getState();
    if (!dataset || !view || !this.dialog.open) return;
    const { indices, unknown } = this.chosen(dataset);
    const notes = unknown.map((text) => t('atlas.dash.unknown', { text }));
    if (indices.length === 0) {
      this.status.textContent = [...notes, t('atlas.dash.pick')].join(' ');
      this.body.replaceChildren();
      return;
    }
    const toYearIndex = dataset.years.indexOf(view.year);
    const base = view.baseYear !== undefined ? dataset.years.indexOf(view.baseYear) : -1;
    const fromYearIndex = base >= 0 && base < toYearIndex ? base : 0;
    this.status.textContent = [...notes, t('status.computing')].join(' ');
    let series: RegionSeries[];
    try {
      series = await this.options.series({ regionIndices: indices, rule: view.rule, fromYearIndex, toYearIndex });
    } catch (error) {
      if (generation === this.generation) this.status.textContent = t('status.computeFailed', { message: (error as Error).message });
      return;
    }
    if (generation !== this.generation) return;
    this.status.textContent = notes.join(' ');
    const years = { from: dataset.years[fromYearIndex], to: dataset.years[toYearIndex] };
    const c = dataset.categories.findIndex((cat) => cat.id === view.cat);
    this.body.replaceChildren(
      years.from === years.to ? el('p', { class: 'note' }, t('atlas.dash.oneYear')) : el('p', { class: 'note' }, t('atlas.dash.years', years)),
      this.portfolioSection(dataset, series[0], toYearIndex, years),
      this.linesSection(dataset, series[0], toYearIndex),
      this.compareSection(dataset, series, c, toYearIndex, years),
    );
  }

  private portfolioSection(dataset: LoadedDataset, series: RegionSeries, toYearIndex: number, years: { from: number; to: number }): HTMLElement {
    const f = this.options.formats();
    const region = dataset.regions[series.regionIndex];
    const { points, unplaced } = portfolio(series, toYearIndex);
    const headingId = 'portfolio-heading';
    const readout = el('p', { class: 'portfolio-readout', id: 'portfolio-readout', 'aria-live': 'polite' }, t('atlas.dash.readoutHelp'));
    const W = 720;
    const H = 420;
    const m = { top: 16, right: 20, bottom: 46, left: 64 };
    // An LQ is never negative: the axis starts at 0 at the lowest.
    const [lqLo, lqHi] = paddedDomain(points.map((p) => p.lq), 1);
    const x = scaleLinear().domain([Math.max(0, lqLo), lqHi]).range([m.left, W - m.right]).nice();
    const y = scaleLinear().domain(paddedDomain(points.map((p) => p.growth), 0)).range([H - m.bottom, m.top]).nice();
    const r = scaleSqrt().domain([0, Math.max(1, ...points.map((p) => p.employment))]).range([2.5, 30]);
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'portfolio-chart', id: 'portfolio-chart', role: 'group', 'aria-labelledby': headingId });
    const axes = svgEl('g', { class: 'chart-axes', 'aria-hidden': 'true' });
    for (const tick of x.ticks(6)) {
      axes.append(svgEl('line', { x1: x(tick), x2: x(tick), y1: H - m.bottom, y2: H - m.bottom + 4, class: 'tick' }));
      axes.append(svgEl('text', { x: x(tick), y: H - m.bottom + 16, 'text-anchor': 'middle' }, f.lq(tick)));
    }
    for (const tick of y.ticks(6)) {
      axes.append(svgEl('line', { x1: m.left - 4, x2: m.left, y1: y(tick), y2: y(tick), class: 'tick' }));
      axes.append(svgEl('text', { x: m.left - 7, y: y(tick) + 4, 'text-anchor': 'end' }, f.growth(tick)));
    }
    axes.append(svgEl('rect', { x: m.left, y: m.top, width: W - m.left - m.right, height: H - m.top - m.bottom, class: 'plot-frame' }));
    axes.append(svgEl('line', { x1: x(1), x2: x(1), y1: m.top, y2: H - m.bottom, class: 'quadrant-line' }));
    axes.append(svgEl('line', { x1: m.left, x2: W - m.right, y1: y(0), y2: y(0), class: 'quadrant-line' }));
    axes.append(svgEl('text', { x: (m.left + W - m.right) / 2, y: H - 8, 'text-anchor': 'middle', class: 'axis-title' }, t('atlas.dash.xAxis', { year: years.to })));
    axes.append(svgEl('text', { x: 14, y: (m.top + H - m.bottom) / 2, 'text-anchor': 'middle', class: 'axis-title', transform: `rotate(-90 14 ${(m.top + H - m.bottom) / 2})` }, t('atlas.dash.yAxis', years)));
    svg.append(axes);
    const bubbles = svgEl('g', { class: 'bubbles', role: 'list' });
    const describe = (p: PortfolioPoint) =>
      t('atlas.dash.bubble', { name: dataset.categories[p.category].name, lq: f.lq(p.lq), growth: f.growth(p.growth), employment: f.count(p.employment), stars: p.stars });
    points.forEach((p) => {
      const circle = svgEl('circle', { cx: x(p.lq), cy: y(p.growth), r: r(p.employment), fill: STAR_COLOURS[Math.min(3, p.stars)], class: 'bubble', tabindex: 0, role: 'listitem', 'aria-label': describe(p), 'data-category': dataset.categories[p.category].id });
      circle.append(svgEl('title', {}, describe(p)));
      const show = () => (readout.textContent = describe(p));
      circle.addEventListener('mouseenter', show);
      circle.addEventListener('focus', show);
      circle.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.options.selectCategory(dataset.categories[p.category].id);
      });
      circle.addEventListener('click', () => this.options.selectCategory(dataset.categories[p.category].id));
      bubbles.append(circle);
    });
    svg.append(bubbles);
    const labels = svgEl('g', { class: 'bubble-labels', 'aria-hidden': 'true' });
    // The largest, each where it does not overlap a label already placed (about 6 px a character at 11 px).
    const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
    for (const p of points.slice(0, LABELLED)) {
      const name = dataset.categories[p.category].name;
      const cx = x(p.lq);
      const baseline = y(p.growth) - r(p.employment) - 3;
      const half = (name.length * 6) / 2;
      const box = { x0: cx - half, x1: cx + half, y0: baseline - 11, y1: baseline + 2 };
      if (placed.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) continue;
      placed.push(box);
      labels.append(svgEl('text', { x: Math.min(W - m.right - half, Math.max(m.left + half, cx)), y: Math.max(m.top + 11, baseline), 'text-anchor': 'middle' }, name));
    }
    svg.append(labels);
    const key = el(
      'ul',
      { class: 'star-key', 'aria-label': t('atlas.dash.starKey') },
      ...STAR_COLOURS.map((colour, stars) => el('li', {}, el('span', { class: 'star-swatch', style: `background:${colour}` }), t('atlas.dash.stars', { n: stars }))),
    );
    return el(
      'section',
      { class: 'dashboard-section' },
      el('h3', { id: headingId }, t('atlas.dash.portfolio', { region: region.name })),
      el('p', { class: 'note' }, t('atlas.dash.portfolioHelp')),
      el('div', { class: 'chart-frame' }, svg),
      key,
      readout,
      unplaced.length > 0 ? el('p', { class: 'note' }, t('atlas.dash.unplaced', { n: unplaced.length, list: unplaced.map((c) => dataset.categories[c].name).join(', ') })) : null,
    );
  }

  private linesSection(dataset: LoadedDataset, series: RegionSeries, toYearIndex: number): HTMLElement {
    const f = this.options.formats();
    const nC = series.nCategories;
    const order = [...Array(nC).keys()].sort((a, b) => (series.employment[toYearIndex * nC + b] || 0) - (series.employment[toYearIndex * nC + a] || 0));
    const year = dataset.years[toYearIndex];
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col' }, t('controls.category')),
      el('th', { scope: 'col', class: 'num' }, t('atlas.dash.employmentIn', { year })),
      el('th', { scope: 'col' }, t('atlas.dash.trend', { from: dataset.years[0], to: dataset.years.at(-1)! })),
      el('th', { scope: 'col', class: 'num' }, t('atlas.dash.lqIn', { year })),
      el('th', { scope: 'col' }, t('atlas.dash.trend', { from: dataset.years[0], to: dataset.years.at(-1)! })),
      el('th', { scope: 'col', class: 'num' }, t('indicator.stars')),
    );
    const rows = order.map((c) => {
      const employment = categoryLine(series.employment, nC, c);
      const lq = categoryLine(series.lq, nC, c);
      const i = toYearIndex * nC + c;
      return el(
        'tr',
        {},
        el('th', { scope: 'row' }, dataset.categories[c].name),
        el('td', { class: 'num' }, f.count(series.employment[i])),
        el('td', { title: employment.map((v, y) => `${dataset.years[y]}: ${f.count(v)}`).join(', ') }, sparkline(employment)),
        el('td', { class: 'num' }, f.lq(series.lq[i])),
        el('td', { title: lq.map((v, y) => `${dataset.years[y]}: ${f.lq(v)}`).join(', ') }, sparkline(lq, 80, 22, 1)),
        el('td', { class: 'num' }, String(series.stars[i])),
      );
    });
    return el(
      'section',
      { class: 'dashboard-section' },
      el('h3', {}, t('atlas.dash.lines', { region: dataset.regions[series.regionIndex].name })),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('atlas.dash.lines', { region: dataset.regions[series.regionIndex].name }) }, el('table', { class: 'dashboard-table', id: 'dashboard-lines' }, el('thead', {}, head), el('tbody', {}, ...rows))),
    );
  }

  private compareSection(dataset: LoadedDataset, all: RegionSeries[], c: number, toYearIndex: number, years: { from: number; to: number }): HTMLElement {
    const f = this.options.formats();
    const nC = dataset.categories.length;
    const i = toYearIndex * nC + c;
    const metrics: [string, (s: RegionSeries) => string, (s: RegionSeries) => SVGSVGElement | null][] = [
      [t('atlas.dash.employmentIn', { year: years.to }), (s) => f.count(s.employment[i]), (s) => sparkline(categoryLine(s.employment, nC, c))],
      [t('atlas.dash.lqIn', { year: years.to }), (s) => f.lq(s.lq[i]), (s) => sparkline(categoryLine(s.lq, nC, c), 80, 22, 1)],
      [t('atlas.dash.growth', years), (s) => f.growth(s.growth[c]), () => null],
      [t('indicator.stars'), (s) => String(s.stars[i]), () => null],
    ];
    const head = el('tr', {}, el('th', { scope: 'col' }, dataset.categories[c].name), ...all.map((s) => el('th', { scope: 'col' }, dataset.regions[s.regionIndex].name)));
    const rows = metrics.map(([label, text, line]) => el('tr', {}, el('th', { scope: 'row' }, label), ...all.map((s) => el('td', { class: 'num' }, el('span', {}, text(s)), line(s)))));
    return el(
      'section',
      { class: 'dashboard-section' },
      el('h3', {}, t('atlas.dash.compare', { category: dataset.categories[c].name })),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('atlas.dash.compare', { category: dataset.categories[c].name }) }, el('table', { class: 'dashboard-table', id: 'dashboard-compare' }, el('thead', {}, head), el('tbody', {}, ...rows))),
    );
  }
}

function regionLabel(region: { id: string; name: string }): string {
  return region.name === region.id ? region.id : `${region.name} (${region.id})`;
}
