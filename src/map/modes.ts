/**
 * What the map shows in each mode, as values per region plus the classes that colour them (and
 * that the legend lists, with counts): one pure function of the view and the worker's results.
 *
 *   choropleth  the indicator of `view.ind`: continuous ones by the view's classification (LQ on a
 *               diverging scale centred at 1); stars as 0–3 categories, or under the `cmp` rule the
 *               U.S. Cluster Mapping strong-cluster classes
 *   lisa        local Moran quadrants of the category's values at p < 0.05: HH, LL, LH, HL, not
 *               significant, in GeoDa's conventional colours
 *   gistar      Gi* z-scores in bands at ±1.645, ±1.96, ±2.576 (90, 95, 99 % two-sided)
 *   change      between `baseYear` and `year`: absolute, CAGR, LQ change (classified, centred at 0),
 *               net stars gained or lost (−3…+3), or the life-cycle stage
 */
import { LIFE_CYCLE_STAGES } from '../indicators/lifeCycle';
import type { IndicatorChange } from '../indicators/change';
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, type IndicatorId } from '../model/dataset';
import { t, type Lang, type MessageKey } from '../i18n/i18n';
import type { ChangeMeasure, Classification, MapMode } from '../state/store';
import type { ComputedView } from '../engine/types';
import type { SpatialView } from '../engine/analysisTypes';
import { categoricalClasses, classifyValues, lqFixedClasses, schemeColours, starClasses, type Classes } from './classify';
import { indicatorColumn, strong10At, strongAt } from '../indicators/cellValues';
import { categoryColumn } from '../indicators/categoryColumn';

/** The view's classification of continuous values: `auto` is the LQ's fixed classes, else quantiles. */
function classifyByView(values: Float64Array, classification: Classification, format: (v: number) => string, centre: number | undefined, lq: boolean, pooled?: Float64Array): Classes {
  if (classification.method === 'auto' && lq) return lqFixedClasses(values, classification.palette, format);
  const method = classification.method === 'auto' ? 'quantile' : classification.method;
  return classifyValues(values, { ...classification, method, format, centre, pooled });
}

/**
 * Whether the choropleth's breaks are held across years: always when the user asks (`all`), never
 * when they ask for each year's own (`year`), and by default while the timeline plays, so that
 * colours compare from one year to the next.
 */
export function breaksHeld(hold: Classification['hold'], playing: boolean): boolean {
  return hold === 'all' || (hold === undefined && playing);
}

/** Whether a held classification needs the pooled values (fixed and manual breaks are the same in every year already). */
export function needsPooled(classification: Classification, ind: IndicatorId): boolean {
  return ind !== 'stars' && classification.method !== 'manual' && !(classification.method === 'auto' && ind === 'lq');
}

/** The LISA settings of every map: conventional, and fixed so that a shared link shows the same map. */
export const LISA_PERMUTATIONS = 999;
export const LISA_SEED = 1;
export const LISA_ALPHA = 0.05;

/** The view fields a layer depends on. */
export interface LayerView {
  mode: MapMode;
  ind: IndicatorId;
  year: number;
  change: ChangeMeasure;
  classification: Classification;
  rule: { kind: string };
}

export interface LayerInput {
  view: LayerView;
  categoryIndex: number;
  categoryName: string;
  computed: ComputedView;
  /** Needed in the lisa and gistar modes. */
  spatial?: SpatialView;
  /** Needed in the change mode, with its earlier year (absent: no earlier year to compare with). */
  change?: { fromYear: number; change: IndicatorChange };
  /** Breaks held across these years (choropleth); `pooled`: every year's values, sorted (see needsPooled). */
  held?: { fromYear: number; toYear: number; pooled?: Float64Array };
  lang: Lang;
}

export interface Layer {
  /** Per region (dataset order); NaN is "no data". */
  values: Float64Array;
  classes: Classes;
  title: string;
  /** Plain-text notes under the legend (statistics, caveats). */
  notes: string[];
  /** Whether the view's classification applies (continuous values). */
  classified: boolean;
  /** A region's value as text: the number for continuous maps, the class name for categorical ones. */
  format(value: number): string;
  /** How long the worker took for this map's spatial or change analysis (absent: none was needed). */
  workerMs?: number;
  /** What the map shows, named for the tooltip, when it is not one of the indicators the tooltip lists. */
  valueLabel?: string;
  /** The breaks are the same for these years (held across years). */
  held?: { fromYear: number; toYear: number };
}

/** A region's value on the map, as the tooltip states it (so that colour is never the only cue). */
export function layerValue(layer: Layer | undefined, region: number): { label: string; value: string } | undefined {
  if (!layer?.valueLabel || !(region >= 0 && region < layer.values.length)) return undefined;
  return { label: layer.valueLabel, value: layer.format(layer.values[region]) };
}

/** LISA legend order (HH, LL, LH, HL, not significant) by QUADRANTS index (ns, HH, LL, HL, LH). */
const LISA_ORDER = [4, 0, 1, 3, 2];
/** GeoDa's LISA cluster map colours, in legend order. */
export const LISA_COLOURS = ['#ff0000', '#0000ff', '#a7adf9', '#f4ada8', '#eeeeee'];
const LISA_KEYS = ['HH', 'LL', 'LH', 'HL', 'ns'] as const;

/** Gi* bands: |z| ≥ 2.576, 1.96, 1.645 (99, 95, 90 % two-sided) on each side of "not significant". */
export const GI_BOUNDS = [-2.576, -1.96, -1.645, 1.645, 1.96, 2.576];
const GI_KEYS = ['cold99', 'cold95', 'cold90', 'ns', 'hot90', 'hot95', 'hot99'] as const;

export function giBand(z: number): number {
  if (z <= GI_BOUNDS[0]) return 0;
  if (z <= GI_BOUNDS[1]) return 1;
  if (z <= GI_BOUNDS[2]) return 2;
  if (z < GI_BOUNDS[3]) return 3;
  if (z < GI_BOUNDS[4]) return 4;
  if (z < GI_BOUNDS[5]) return 5;
  return 6;
}

/** Stage colours: blues that deepen along the growth stages, orange for transformation (colour-blind safe). */
const STAGE_COLOURS = ['#f0f0f0', '#c6dbef', '#6baed6', '#2171b5', '#08306b', '#e6550d'];

export function buildLayer(input: LayerInput): Layer {
  switch (input.view.mode) {
    case 'lisa':
      return lisaLayer(input);
    case 'gistar':
      return giLayer(input);
    case 'change':
      return changeLayer(input);
    case 'choropleth':
    default:
      return indicatorLayer(input);
  }
}

function indicatorLabel(ind: IndicatorId): string {
  return t(`indicator.${ind}` as MessageKey);
}

function indicatorLayer({ view, computed, categoryIndex: c, categoryName, lang, held }: LayerInput): Layer {
  const { result, employment } = computed;
  const { nRegions, nCategories } = result;
  const title = `${indicatorLabel(view.ind)} — ${categoryAndYear(categoryName, view.year)}`;
  const notes: string[] = [];
  if (view.ind === 'stars') {
    if (result.cmp && view.rule.kind === 'cmp') {
      // Strong clusters: 0 not strong, 1 strong, 2 strong with the stricter 90th-percentile LQ.
      const values = new Float64Array(nRegions);
      for (let r = 0, i = c; r < nRegions; r++, i += nCategories) {
        values[r] = Number.isNaN(employment[i]) ? NaN : strong10At(result, i) ? 2 : strongAt(result, i);
      }
      const classes = categoricalClasses(values, [
        { label: t('cmp.notStrong'), colour: '#f7f7f7' },
        { label: t('cmp.strong'), colour: '#fd8d3c' },
        { label: t('cmp.strong10'), colour: '#a63603' },
      ]);
      return { values, classes, title: `${t('analysis.strongTitle')} — ${categoryAndYear(categoryName, view.year)}`, notes, classified: false, format: labelOf(classes) };
    }
    const values = indicatorColumn(result, 'stars', c);
    const classes = starClasses(values, t('legend.noStar'));
    return { values, classes, title, notes, classified: false, format: labelOf(classes) };
  }
  const values = indicatorColumn(result, view.ind, c);
  const format = indicatorFormat(view.ind, lang);
  const classes = classifyByView(values, view.classification, format, view.ind === 'lq' ? 1 : undefined, view.ind === 'lq', held?.pooled);
  if (held) notes.push(t('atlas.carto.held', { from: held.fromYear, to: held.toYear }));
  return { values, classes, title, notes, classified: true, format, held: held && { fromYear: held.fromYear, toYear: held.toYear } };
}

function spatialNotes(spatial: SpatialView, lang: Lang, lisa: boolean): string[] {
  const notes: string[] = [];
  if (spatial.constant) notes.push(t('analysis.note.constant'));
  else if (spatial.moran) {
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 3, minimumFractionDigits: 3 });
    const p = spatial.moran.p < 0.001 ? '< 0.001' : `= ${number.format(spatial.moran.p)}`;
    notes.push(`${t('analysis.note.moran')}: I = ${number.format(spatial.moran.I)}, z = ${number.format(spatial.moran.z)}, p ${p}`);
  }
  notes.push(lisa ? t('analysis.note.lisa', { n: LISA_PERMUTATIONS }) : t('analysis.note.gi'));
  if (spatial.islands > 0) notes.push(t('analysis.note.islands', { n: spatial.islands }));
  return notes;
}

function lisaLayer({ view, spatial, categoryName, lang }: LayerInput): Layer {
  if (!spatial) throw new Error('the LISA map needs the spatial analysis');
  const values = new Float64Array(spatial.quadrant.length);
  spatial.quadrant.forEach((q, r) => (values[r] = q < LISA_ORDER.length ? LISA_ORDER[q] : NaN));
  const classes = categoricalClasses(
    values,
    LISA_KEYS.map((key, i) => ({ label: t(`analysis.lisa.${key}` as MessageKey), colour: LISA_COLOURS[i] })),
    (v) => v,
  );
  const title = `${t('analysis.mode.lisa')}: ${indicatorLabel(view.ind)} — ${categoryAndYear(categoryName, view.year)}`;
  const valueLabel = `${t('analysis.mode.lisa')} (${indicatorLabel(view.ind)})`;
  return { values, classes, title, notes: spatialNotes(spatial, lang, true), classified: false, format: labelOf(classes), valueLabel };
}

function giLayer({ view, spatial, categoryName, lang }: LayerInput): Layer {
  if (!spatial) throw new Error('the Gi* map needs the spatial analysis');
  const values = spatial.giStarZ.slice();
  const colours = schemeColours('RdBu', 7);
  const classes = categoricalClasses(
    values,
    GI_KEYS.map((key, i) => ({ label: t(`analysis.gi.${key}` as MessageKey), colour: colours[i] })),
    giBand,
  );
  const title = `${t('analysis.mode.gistar')}: ${indicatorLabel(view.ind)} — ${categoryAndYear(categoryName, view.year)}`;
  // The band's name and the z-score itself.
  const band = labelOf(classes);
  const z = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const format = (v: number) => (Number.isNaN(v) ? '—' : `${band(v)}, z = ${z.format(v)}`);
  const valueLabel = `Gi* (${indicatorLabel(view.ind)})`;
  return { values, classes, title, notes: spatialNotes(spatial, lang, false), classified: false, format, valueLabel };
}

function changeLayer({ view, computed, change, categoryIndex: c, categoryName, lang }: LayerInput): Layer {
  const { nRegions, nCategories } = computed.result;
  const measure = t(`analysis.change.${view.change}` as MessageKey);
  if (!change) {
    const values = new Float64Array(nRegions).fill(NaN);
    return {
      values,
      classes: categoricalClasses(values, []),
      title: `${measure} — ${categoryAndYear(categoryName, view.year)}`,
      notes: [t('analysis.note.noBaseYear')],
      classified: false,
      format: () => '—',
    };
  }
  const ch = change.change;
  const title = `${measure}, ${change.fromYear}–${view.year} — ${categoryName}`;
  const valueLabel = `${measure}, ${change.fromYear}–${view.year}`;
  const notes: string[] = [];
  switch (view.change) {
    case 'stars': {
      const values = new Float64Array(nRegions);
      for (let r = 0, i = c; r < nRegions; r++, i += nCategories) {
        values[r] = Number.isNaN(ch.absolute[i]) ? NaN : bits(ch.starsGained[i]) - bits(ch.starsLost[i]);
      }
      const colours = schemeColours('RdBu', 7);
      const labels = [-3, -2, -1, 0, 1, 2, 3].map((d) => (d === 0 ? t('analysis.change.noStarChange') : `${d > 0 ? '+' : '−'}${'★'.repeat(Math.abs(d))}`));
      const classes = categoricalClasses(values, labels.map((label, i) => ({ label, colour: colours[i] })), (v) => v + 3);
      return { values, classes, title, notes, classified: false, format: labelOf(classes), valueLabel };
    }
    case 'stage': {
      const values = new Float64Array(nRegions);
      for (let r = 0, i = c; r < nRegions; r++, i += nCategories) values[r] = ch.stage[i];
      const classes = categoricalClasses(
        values,
        LIFE_CYCLE_STAGES.map((stage, i) => ({ label: capitalise(t(`profile.stage.${stage}` as MessageKey)), colour: STAGE_COLOURS[i] })),
      );
      return { values, classes, title, notes, classified: false, format: labelOf(classes), valueLabel };
    }
    default: {
      const source = view.change === 'cagr' ? ch.cagr : view.change === 'lq' ? ch.lqChange : ch.absolute;
      const values = categoryColumn(source, nRegions, nCategories, c);
      if (view.change === 'cagr') notes.push(t('analysis.note.cagr'));
      const format = changeFormat(view.change, lang);
      const classes = classifyByView(values, view.classification, format, 0, false);
      return { values, classes, title, notes, classified: true, format, valueLabel };
    }
  }
}

/** The class name of a value (categorical maps), or a dash for no data. */
function labelOf(classes: Classes): (v: number) => string {
  return (v) => (Number.isNaN(v) ? '—' : (classes.labels[classes.classOf(v)] ?? '—'));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function bits(mask: number): number {
  return ((mask & STAR_SIZE) !== 0 ? 1 : 0) + ((mask & STAR_SPECIALISATION) !== 0 ? 1 : 0) + ((mask & STAR_FOCUS) !== 0 ? 1 : 0);
}

/** Legend numbers of an indicator, in the interface's language. */
export function indicatorFormat(ind: IndicatorId, lang: Lang): (v: number) => string {
  const f =
    ind === 'lq'
      ? new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : ind === 'focus' || ind === 'size'
        ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 2 })
        : new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return (v) => (Number.isFinite(v) ? f.format(v) : '—');
}

/** Signed change numbers: employment, percent a year, LQ points. */
export function changeFormat(measure: ChangeMeasure, lang: Lang): (v: number) => string {
  const f =
    measure === 'cagr'
      ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })
      : measure === 'lq'
        ? new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: 'exceptZero' })
        : new Intl.NumberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  return (v) => (Number.isFinite(v) ? f.format(v) : '—');
}

/** "Automotive, 2022"; a table without a year column has year 0, which is not shown. */
function categoryAndYear(categoryName: string, year: number): string {
  return year ? `${categoryName}, ${year}` : categoryName;
}
