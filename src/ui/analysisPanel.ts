import { CHANGE_MEASURES, MAP_MODES, type ChangeMeasure, type MapMode, type View } from '../state/store';
import { countryChoices } from '../indicators/benchmarkChoice';
import type { LoadedDataset } from '../engine/types';
import type { Layer } from '../map/modes';
import { changeBaseYear } from '../map/layerSource';
import { el } from './dom';
import { t, type MessageKey } from '../i18n/i18n';
import { Timeline } from './timeline';
import { RulePanel } from './rulePanel';
import { ClassificationPanel } from './classificationPanel';
import { Methodology } from './methodology';

/**
 * The analysis controls under the category and indicator pickers: map mode (with the change
 * measure and earlier year), the year slider with play, classification, the star rule and the
 * methodology. Each control reports a partial View; the page owns the view and redraws.
 */
export class AnalysisPanel {
  readonly timeline: Timeline;
  readonly methodology = new Methodology();
  private readonly rules: RulePanel;
  private readonly classification: ClassificationPanel;
  private readonly modeLabel = el('label', { for: 'map-mode' });
  private readonly mode = el('select', { id: 'map-mode' });
  private readonly changeFields: HTMLElement;
  private readonly measureLabel = el('label', { for: 'change-measure' });
  private readonly measure = el('select', { id: 'change-measure' });
  private readonly baseLabel = el('label', { for: 'base-year' });
  private readonly baseYear = el('select', { id: 'base-year' });
  private years: number[] = [];
  private view: View | undefined;
  private readonly container: HTMLElement;

  constructor(container: HTMLElement, mapContainer: HTMLElement, onChange: (change: Partial<View>) => void) {
    this.container = container;
    // Stopping redraws the year in its own classes (unless held by choice).
    this.timeline = new Timeline(mapContainer, (year) => onChange({ year }), (playing) => !playing && onChange({}));
    this.rules = new RulePanel((rule) => onChange({ rule }));
    this.classification = new ClassificationPanel((classification) => onChange({ classification }));
    this.changeFields = el(
      'div',
      { class: 'change-fields', hidden: '' },
      el('div', { class: 'field' }, this.measureLabel, this.measure),
      el('div', { class: 'field' }, this.baseLabel, this.baseYear),
    );
    container.replaceChildren(
      el('div', { class: 'field' }, this.modeLabel, this.mode),
      this.changeFields,
      this.classification.element,
      this.rules.element,
      el('p', { class: 'methodology-link' }, this.methodology.button),
    );
    this.mode.addEventListener('change', () => onChange({ mode: this.mode.value as MapMode }));
    this.measure.addEventListener('change', () => onChange({ change: this.measure.value as ChangeMeasure }));
    this.baseYear.addEventListener('change', () => onChange({ baseYear: Number(this.baseYear.value) }));
    this.relabel();
  }

  setDataset(dataset: LoadedDataset): void {
    this.years = dataset.years;
    this.timeline.setYears(dataset.years);
    this.methodology.setDataset(dataset);
    this.rules.setBenchmarkChoices(countryChoices(dataset.regions.map((r) => r.id)), dataset.manifest.benchmark !== undefined);
    this.renderModes();
  }

  /** Brings every control in line with the view (and the layer drawn for it, when there is one). */
  show(view: View, layer?: Layer): void {
    this.view = view;
    // The worker's time for the map's analysis, for benchmarks (`#analysis[data-worker-ms]`).
    if (layer) this.container.dataset.workerMs = layer.workerMs === undefined ? '' : layer.workerMs.toFixed(1);
    this.mode.value = view.mode;
    this.timeline.show(view.year);
    this.rules.show(view.rule);
    const changing = view.mode === 'change';
    this.changeFields.hidden = !changing;
    if (changing) {
      this.measure.value = view.change;
      const earlier = this.years.filter((y) => y < view.year);
      this.baseYear.replaceChildren(...earlier.map((y) => el('option', { value: String(y) }, String(y))));
      this.baseYear.disabled = earlier.length === 0;
      const base = changeBaseYear(view, this.years);
      if (base !== undefined) this.baseYear.value = String(base);
    }
    const centred = (view.mode === 'choropleth' && view.ind === 'lq') || (changing && ['abs', 'cagr', 'lq'].includes(view.change));
    const applies = layer ? layer.classified : isContinuous(view);
    this.classification.show(view.classification, { centred, applies, breaks: layer?.classes.breaks ?? [], years: this.years.length });
  }

  relabel(): void {
    this.modeLabel.textContent = t('analysis.mode');
    this.measureLabel.textContent = t('analysis.change.measure');
    this.baseLabel.textContent = t('analysis.change.baseYear');
    this.measure.replaceChildren(...CHANGE_MEASURES.map((m) => el('option', { value: m }, t(`analysis.change.${m}` as MessageKey))));
    this.renderModes();
    this.timeline.relabel();
    this.rules.relabel();
    this.classification.relabel();
    this.methodology.relabel();
    if (this.view) this.show(this.view);
  }

  private renderModes(): void {
    // Change needs two years; a one-year dataset does not offer it.
    const modes = MAP_MODES.filter((m) => m !== 'change' || this.years.length > 1);
    this.mode.replaceChildren(...modes.map((m) => el('option', { value: m }, t(`analysis.mode.${m}` as MessageKey))));
    if (this.view) this.mode.value = this.view.mode;
  }
}

function isContinuous(view: View): boolean {
  if (view.mode === 'choropleth') return view.ind !== 'stars';
  return view.mode === 'change' && ['abs', 'cagr', 'lq'].includes(view.change);
}
