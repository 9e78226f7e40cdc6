/**
 * Linked views (after GeoDa): a Moran scatterplot of the mapped values against their spatial lag
 * (quadrant lines, the regression line whose slope is global Moran's I) and a histogram of the
 * values in the legend's classes (same breaks, colours and labels). Dragging a rectangle on the
 * scatterplot, or clicking bars, outlines those regions on the map; the region pinned on the map
 * is ringed on the scatterplot and its bar outlined. A non-modal panel, so the map stays usable.
 * Keyboard: the plot takes the arrow keys to pick a quadrant and Enter to highlight it; bars are
 * buttons. Values for categorical maps (LISA, Gi*, stars) are the indicator the map tests.
 */
import './linked.css';
import { scaleLinear } from 'd3-scale';
import { el } from '../dom';
import { textButton, textLine } from '../dialog';
import { t } from '../../i18n/i18n';
import type { Formats } from '../format';
import type { ComputedView, LoadedDataset } from '../../engine/types';
import type { View } from '../../state/store';
import type { Layer } from '../../map/modes';
import type { MoranScatter } from '../../engine/moranScatter';
import { indicatorValues } from '../../engine/analysisEngine';
import { svgEl } from '../charts/svg';
import { classCounts, pointsInQuadrant, pointsInRect, quadrantOf, regionsInClasses, type Quadrant } from './brush';

export interface LinkedOptions {
  toolbar: HTMLElement;
  scatter(values: Float64Array): Promise<MoranScatter>;
  /** Outlines these regions on the map (ids). */
  highlight(ids: string[]): void;
  formats(): Formats;
}

interface Current {
  dataset: LoadedDataset;
  view: View;
  computed: ComputedView;
  layer: Layer;
}

const QUADRANTS: Quadrant[] = ['HH', 'LH', 'LL', 'HL'];
const W = 360;
const H = 300;
const M = { top: 12, right: 12, bottom: 40, left: 46 };

export class LinkedViews {
  private readonly panel: HTMLDialogElement;
  private readonly scatterBox = el('div', { class: 'linked-scatter' });
  private readonly histogramBox = el('div', { class: 'linked-histogram' });
  private readonly status = el('p', { class: 'linked-status', id: 'linked-status', role: 'status', 'aria-live': 'polite' });
  private readonly picked = el('p', { class: 'linked-picked', id: 'linked-picked' });
  private current?: Current;
  private scatter?: MoranScatter;
  private values?: Float64Array;
  private chosenClasses = new Set<number>();
  private generation = 0;

  constructor(private readonly options: LinkedOptions) {
    const open = textButton('atlas.linked.open', { id: 'linked-open', 'aria-expanded': 'false', 'aria-controls': 'linked-panel' });
    options.toolbar.append(open);
    const close = el('button', { type: 'button', class: 'dialog-close', 'aria-label': t('share.close'), 'data-i18n-attr': 'aria-label:share.close' }, '×');
    const clear = textButton('atlas.linked.clear', { id: 'linked-clear' });
    this.panel = el(
      'dialog',
      { id: 'linked-panel', class: 'linked-panel', 'aria-labelledby': 'linked-heading' },
      el('div', { class: 'dialog-head' }, el('h2', { id: 'linked-heading', 'data-i18n': 'atlas.linked.heading' }, t('atlas.linked.heading')), close),
      textLine('atlas.linked.help', { class: 'help' }),
      el('div', { class: 'linked-charts' }, this.scatterBox, this.histogramBox),
      this.picked,
      el('div', { class: 'dialog-actions' }, clear),
      this.status,
    );
    document.body.append(this.panel);
    open.addEventListener('click', () => {
      if (this.panel.open) return this.close(open);
      this.panel.show();
      open.setAttribute('aria-expanded', 'true');
      void this.refresh();
    });
    close.addEventListener('click', () => this.close(open));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close(open);
      }
    });
    clear.addEventListener('click', () => this.setBrushed([]));
  }

  private close(open: HTMLElement): void {
    this.panel.close();
    open.setAttribute('aria-expanded', 'false');
    this.setBrushed([]);
    open.focus();
  }

  /** Called after every map draw with what is on the map. */
  update(current: Current): void {
    const changed = !this.current || this.current.layer !== current.layer;
    this.current = current;
    if (!this.panel.open) return;
    if (changed) void this.refresh();
    else this.markPicked();
  }

  /** The values the views show: the map's own when continuous, else the indicator it tests. */
  private valuesOf({ dataset, view, computed, layer }: Current): Float64Array {
    if (layer.classified) return Float64Array.from(layer.values);
    const c = dataset.categories.findIndex((cat) => cat.id === view.cat);
    return indicatorValues(computed.result, view.ind, c);
  }

  private async refresh(): Promise<void> {
    const current = this.current;
    if (!current) return;
    const generation = ++this.generation;
    this.chosenClasses.clear();
    this.options.highlight([]);
    const values = this.valuesOf(current);
    this.values = values;
    this.renderHistogram();
    if (!current.dataset.weights) {
      this.scatter = undefined;
      this.scatterBox.replaceChildren(el('p', { class: 'note' }, t('atlas.linked.noWeights', { reason: current.dataset.weightsError ?? '' })));
      this.markPicked();
      return;
    }
    try {
      const scatter = await this.options.scatter(values.slice());
      if (generation !== this.generation) return;
      this.scatter = scatter;
      this.renderScatter();
    } catch (error) {
      if (generation === this.generation) this.scatterBox.replaceChildren(el('p', { class: 'note' }, (error as Error).message));
    }
    this.markPicked();
    this.status.textContent = '';
  }

  private renderScatter(): void {
    const s = this.scatter!;
    const { dataset, view } = this.current!;
    const f = this.options.formats();
    if (s.constant || !s.moran) {
      this.scatterBox.replaceChildren(el('p', { class: 'note' }, t('atlas.linked.constant')));
      return;
    }
    const zs: number[] = [];
    const ls: number[] = [];
    for (let r = 0; r < s.z.length; r++) if (Number.isFinite(s.z[r])) (zs.push(s.z[r]), ls.push(s.lag[r]));
    const extent = (a: number[]) => {
      const lo = Math.min(-1, ...a);
      const hi = Math.max(1, ...a);
      const pad = (hi - lo) * 0.05;
      return [lo - pad, hi + pad];
    };
    const x = scaleLinear().domain(extent(zs)).range([M.left, W - M.right]).nice();
    const y = scaleLinear().domain(extent(ls)).range([H - M.bottom, M.top]).nice();
    const title = el('h3', { id: 'scatter-heading' }, t('atlas.linked.scatter'));
    const indicator = t(`indicator.${view.ind}`);
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'scatter-chart', id: 'moran-scatter', role: 'img', tabindex: 0, 'aria-labelledby': 'scatter-heading scatter-slope', 'aria-describedby': 'scatter-keys' });
    const axes = svgEl('g', { class: 'chart-axes', 'aria-hidden': 'true' });
    axes.append(svgEl('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom, class: 'plot-frame' }));
    for (const tick of x.ticks(5)) axes.append(svgEl('text', { x: x(tick), y: H - M.bottom + 14, 'text-anchor': 'middle' }, f.count(tick)));
    for (const tick of y.ticks(5)) axes.append(svgEl('text', { x: M.left - 5, y: y(tick) + 4, 'text-anchor': 'end' }, f.count(tick)));
    axes.append(svgEl('line', { x1: x(0), x2: x(0), y1: M.top, y2: H - M.bottom, class: 'quadrant-line' }));
    axes.append(svgEl('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: 'quadrant-line' }));
    axes.append(svgEl('text', { x: (M.left + W - M.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-title' }, t('atlas.linked.x', { value: indicator })));
    axes.append(svgEl('text', { x: 10, y: (M.top + H - M.bottom) / 2, 'text-anchor': 'middle', class: 'axis-title', transform: `rotate(-90 10 ${(M.top + H - M.bottom) / 2})` }, t('atlas.linked.y')));
    const [d0, d1] = x.domain();
    axes.append(svgEl('line', { x1: x(d0), x2: x(d1), y1: y(s.intercept + s.slope * d0), y2: y(s.intercept + s.slope * d1), class: 'regression-line', 'clip-path': 'url(#scatter-clip)' }));
    const clip = svgEl('clipPath', { id: 'scatter-clip' }, undefined);
    clip.append(svgEl('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom }));
    svg.append(clip, axes);
    const dots = svgEl('g', { class: 'scatter-dots', 'aria-hidden': 'true' });
    const colours = this.current!.layer.classes;
    for (let r = 0; r < s.z.length; r++) {
      if (!Number.isFinite(s.z[r])) continue;
      // The map's own colour (its class, or its LISA quadrant), so a dot and its region match.
      const v = this.current!.layer.values[r];
      const fill = Number.isNaN(v) ? '#57606a' : colours.colours[colours.classOf(v)];
      dots.append(svgEl('circle', { cx: x(s.z[r]), cy: y(s.lag[r]), r: 2.2, fill, 'data-region': dataset.regions[r].id, class: 'dot' }));
    }
    svg.append(dots);
    const brushRect = svgEl('rect', { class: 'brush-rect', visibility: 'hidden' });
    svg.append(brushRect, svgEl('g', { class: 'picked-mark', 'aria-hidden': 'true' }));
    this.attachBrush(svg, brushRect, x, y);
    this.attachQuadrantKeys(svg);
    const slope = el('p', { id: 'scatter-slope', class: 'note' }, t('atlas.linked.slope', { I: f.statistic(s.slope), n: f.count(s.moran.n) }));
    this.scatterBox.replaceChildren(title, svg, slope, el('p', { id: 'scatter-keys', class: 'note' }, `${t('atlas.linked.quadrants')} ${t('atlas.linked.brushHelp')}`));
  }

  private attachBrush(svg: SVGSVGElement, rect: SVGRectElement, x: ReturnType<typeof scaleLinear<number, number>>, y: ReturnType<typeof scaleLinear<number, number>>): void {
    let start: DOMPoint | undefined;
    const toSvg = (event: PointerEvent) => {
      const m = svg.getScreenCTM();
      return m ? new DOMPoint(event.clientX, event.clientY).matrixTransform(m.inverse()) : new DOMPoint(0, 0);
    };
    svg.addEventListener('pointerdown', (event) => {
      start = toSvg(event);
      svg.setPointerCapture(event.pointerId);
      rect.setAttribute('visibility', 'visible');
      Object.entries({ x: start.x, y: start.y, width: 0, height: 0 }).forEach(([k, v]) => rect.setAttribute(k, String(v)));
    });
    svg.addEventListener('pointermove', (event) => {
      if (!start) return;
      const p = toSvg(event);
      Object.entries({ x: Math.min(p.x, start.x), y: Math.min(p.y, start.y), width: Math.abs(p.x - start.x), height: Math.abs(p.y - start.y) }).forEach(([k, v]) => rect.setAttribute(k, String(v)));
    });
    svg.addEventListener('pointerup', (event) => {
      if (!start) return;
      const p = toSvg(event);
      const s = this.scatter!;
      const tiny = Math.abs(p.x - start.x) < 3 && Math.abs(p.y - start.y) < 3;
      const chosen = tiny ? [] : pointsInRect(s.z, s.lag, { x0: x.invert(start.x), x1: x.invert(p.x), y0: y.invert(start.y), y1: y.invert(p.y) });
      start = undefined;
      if (tiny) rect.setAttribute('visibility', 'hidden');
      this.chosenClasses.clear();
      this.setBrushed(chosen);
    });
  }

  private attachQuadrantKeys(svg: SVGSVGElement): void {
    let q = -1;
    svg.addEventListener('keydown', (event) => {
      const s = this.scatter;
      if (!s) return;
      const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (event.key in moves) {
        event.preventDefault();
        q = (q + moves[event.key] + QUADRANTS.length) % QUADRANTS.length;
        const quadrant = QUADRANTS[q];
        this.status.textContent = `${t(`atlas.linked.quadrant.${quadrant}`)}: ${this.options.formats().count(pointsInQuadrant(s.z, s.lag, quadrant).length)}`;
      } else if (event.key === 'Enter' && q >= 0) {
        event.preventDefault();
        this.chosenClasses.clear();
        this.setBrushed(pointsInQuadrant(s.z, s.lag, QUADRANTS[q]));
      }
    });
  }

  private renderHistogram(): void {
    const { layer } = this.current!;
    const f = this.options.formats();
    const classes = layer.classes;
    const counts = classCounts(this.values!, (v) => (layer.classified ? classes.classOf(v) : -1), classes.colours.length);
    // Categorical maps: the bars are the map's own classes (quadrants, stars) of its values.
    const mapCounts = layer.classified ? counts : classCounts(layer.values, (v) => classes.classOf(v), classes.colours.length);
    const max = Math.max(1, ...mapCounts);
    const rows = mapCounts.map((n, k) => {
      const bar = el('button', { type: 'button', class: 'hist-bar', 'aria-pressed': 'false', 'data-class': String(k) });
      const fill = el('span', { class: 'hist-fill', style: `width:${(100 * n) / max}%;background:${classes.colours[k]}` });
      bar.append(el('span', { class: 'hist-label' }, classes.labels[k] ?? ''), el('span', { class: 'hist-track' }, fill), el('span', { class: 'hist-count' }, f.count(n)));
      bar.addEventListener('click', () => {
        if (this.chosenClasses.has(k)) this.chosenClasses.delete(k);
        else this.chosenClasses.add(k);
        const source = layer.classified ? this.values! : layer.values;
        this.setBrushed(regionsInClasses(source, (v) => classes.classOf(v), this.chosenClasses));
      });
      return el('li', {}, bar);
    });
    this.histogramBox.replaceChildren(el('h3', {}, t('atlas.linked.histogram')), el('ul', { class: 'histogram', id: 'linked-histogram' }, ...rows));
  }

  private setBrushed(regions: number[]): void {
    const dataset = this.current?.dataset;
    if (!dataset) return;
    this.options.highlight(regions.map((r) => dataset.regions[r].id));
    const chosen = new Set(regions.map((r) => dataset.regions[r].id));
    this.scatterBox.querySelectorAll<SVGCircleElement>('circle.dot').forEach((dot) => dot.classList.toggle('brushed', chosen.has(dot.dataset.region!)));
    this.scatterBox.querySelector('svg')?.classList.toggle('has-brush', regions.length > 0);
    if (regions.length === 0) this.scatterBox.querySelector('.brush-rect')?.setAttribute('visibility', 'hidden');
    this.histogramBox.querySelectorAll<HTMLButtonElement>('.hist-bar').forEach((bar) => bar.setAttribute('aria-pressed', String(this.chosenClasses.has(Number(bar.dataset.class)))));
    this.status.textContent = regions.length > 0 ? t('atlas.linked.brushed', { n: regions.length }) : '';
  }

  /** The region pinned on the map: ringed on the scatterplot, its bar outlined, its values said. */
  private markPicked(): void {
    const current = this.current;
    if (!current) return;
    const { dataset, view, layer } = current;
    const r = view.region === undefined ? -1 : dataset.regions.findIndex((reg) => reg.id === view.region);
    const mark = this.scatterBox.querySelector('.picked-mark');
    mark?.replaceChildren();
    this.histogramBox.querySelectorAll('.hist-bar').forEach((bar) => bar.classList.remove('picked'));
    if (r < 0) {
      this.picked.textContent = '';
      return;
    }
    const f = this.options.formats();
    const name = dataset.regions[r].name;
    const source = layer.classified ? this.values! : layer.values;
    if (!Number.isNaN(source[r])) this.histogramBox.querySelector(`.hist-bar[data-class="${layer.classes.classOf(source[r])}"]`)?.classList.add('picked');
    const s = this.scatter;
    const dot = this.scatterBox.querySelector<SVGCircleElement>(`circle.dot[data-region="${CSS.escape(dataset.regions[r].id)}"]`);
    if (s && dot && Number.isFinite(s.z[r])) {
      mark?.append(svgEl('circle', { cx: dot.getAttribute('cx')!, cy: dot.getAttribute('cy')!, r: 7, class: 'picked-ring' }));
      const quadrant = quadrantOf(s.z[r], s.lag[r]);
      this.picked.textContent = t('atlas.linked.picked', { region: name, value: f.count(s.z[r]), lag: f.count(s.lag[r]), quadrant: quadrant ? t(`atlas.linked.quadrant.${quadrant}`) : '—' });
    } else this.picked.textContent = t('atlas.linked.pickedNone', { region: name });
  }
}

