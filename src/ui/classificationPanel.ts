import type { BreaksHold, Classification, ClassMethod } from '../state/store';
import { BREAKS_HOLD, CLASS_METHODS, DEFAULT_CLASSIFICATION } from '../state/store';
import { DIVERGING_PALETTES, MAX_CLASSES, MIN_CLASSES, SEQUENTIAL_PALETTES, resolvePalette } from '../map/classify';
import { el } from './dom';
import { t, type MessageKey } from '../i18n/i18n';

/**
 * Manual thresholds as typed: numbers separated by `;`, spaces or ", " — a comma inside a number
 * is a decimal comma ("0,5; 1; 2" and "0.5, 1, 2" both work). Undefined when anything is not a number.
 */
export function parseThresholds(text: string): number[] | undefined {
  const tokens = text
    .trim()
    .split(/;|\s+|,\s+/)
    .filter((s) => s !== '');
  if (tokens.length === 0) return undefined;
  const numbers = tokens.map((s) => (/^[-−+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s.replace('−', '-').replace(',', '.')) : NaN));
  return numbers.every(Number.isFinite) ? [...new Set(numbers)].sort((a, b) => a - b) : undefined;
}

/** Compact, exact-enough text of class breaks for prefilling manual thresholds. */
export function thresholdsText(breaks: readonly number[]): string {
  return breaks.map((b) => String(Number(b.toPrecision(3)))).join('; ');
}

/**
 * Method, number of classes, palette and manual thresholds of the map's classification. Only
 * continuous maps use it; for categorical ones (stars, LISA, Gi*, stages) it is disabled with a
 * note. The palette list offers sequential schemes, or diverging ones when the values have a
 * centre (LQ, change). Switching to manual starts from the breaks currently shown. With more than
 * one year, the breaks are each year's own, one set for all years, or (the default) held while playing.
 */
export class ClassificationPanel {
  readonly element: HTMLFieldSetElement;
  private readonly legend = el('legend');
  private readonly methodLabel = el('label', { for: 'class-method' });
  private readonly method = el('select', { id: 'class-method' });
  private readonly countLabel = el('label', { for: 'class-count' });
  private readonly count = el('input', { id: 'class-count', type: 'number', min: String(MIN_CLASSES), max: String(MAX_CLASSES), step: '1' });
  private readonly paletteLabel = el('label', { for: 'class-palette' });
  private readonly palette = el('select', { id: 'class-palette' });
  private readonly thresholdsField: HTMLElement;
  private readonly thresholdsLabel = el('label', { for: 'class-thresholds' });
  private readonly thresholds = el('input', { id: 'class-thresholds', type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': 'class-thresholds-hint class-thresholds-error' });
  private readonly thresholdsHint = el('p', { id: 'class-thresholds-hint', class: 'hint' });
  private readonly thresholdsError = el('p', { id: 'class-thresholds-error', class: 'field-error', role: 'alert' });
  private readonly unused = el('p', { class: 'hint', id: 'class-unused' });
  private readonly holdField: HTMLElement;
  private readonly holdLabel = el('label', { for: 'class-hold' });
  private readonly hold = el('select', { id: 'class-hold' });
  private current: Classification = DEFAULT_CLASSIFICATION;
  private centred = false;
  private breaks: number[] = [];

  constructor(private readonly onChange: (classification: Classification) => void) {
    this.thresholdsField = el('div', { class: 'field', hidden: '' }, this.thresholdsLabel, this.thresholds, this.thresholdsHint, this.thresholdsError);
    this.holdField = el('div', { class: 'field', hidden: '' }, this.holdLabel, this.hold);
    this.element = el(
      'fieldset',
      { class: 'classification-panel', id: 'classification-panel' },
      this.legend,
      this.unused,
      el('div', { class: 'field' }, this.methodLabel, this.method),
      el('div', { class: 'field' }, this.countLabel, this.count),
      el('div', { class: 'field' }, this.paletteLabel, this.palette),
      this.thresholdsField,
      this.holdField,
    );
    this.method.addEventListener('change', () => {
      const method = this.method.value as ClassMethod;
      const thresholds = method === 'manual' && !this.current.thresholds?.length && this.breaks.length ? parseThresholds(thresholdsText(this.breaks)) : this.current.thresholds;
      this.emit({ method, thresholds });
    });
    this.count.addEventListener('change', () => {
      const n = Math.round(Number(this.count.value));
      if (Number.isFinite(n)) this.emit({ classes: Math.max(MIN_CLASSES, Math.min(MAX_CLASSES, n)) });
    });
    this.palette.addEventListener('change', () => this.emit({ palette: this.palette.value }));
    // "While playing" is the absence of a choice: links without `hold` mean it.
    this.hold.addEventListener('change', () => this.emit({ hold: this.hold.value === 'play' ? undefined : (this.hold.value as BreaksHold) }));
    this.thresholds.addEventListener('change', () => {
      const parsed = parseThresholds(this.thresholds.value);
      this.thresholdsError.textContent = parsed ? '' : t('analysis.class.thresholdsInvalid');
      this.thresholds.setAttribute('aria-invalid', parsed ? 'false' : 'true');
      if (parsed) this.emit({ thresholds: parsed });
    });
    this.relabel();
  }

  private emit(change: Partial<Classification>): void {
    this.current = { ...this.current, ...change };
    this.onChange(this.current);
  }

  /**
   * Shows the view's classification. `centred`: the values have a centre (diverging palettes);
   * `applies`: the map is continuous; `breaks`: the class boundaries it currently shows.
   */
  show(classification: Classification, options: { centred: boolean; applies: boolean; breaks: number[]; years?: number }): void {
    this.current = classification;
    this.breaks = options.breaks;
    if (this.centred !== options.centred || this.palette.options.length === 0) {
      this.centred = options.centred;
      this.renderPalettes();
    }
    this.method.value = classification.method;
    this.count.value = String(classification.classes);
    this.palette.value = resolvePalette(classification.palette, this.centred);
    const manual = classification.method === 'manual';
    this.thresholdsField.hidden = !manual;
    this.count.disabled = manual || !options.applies;
    if (manual && document.activeElement !== this.thresholds) this.thresholds.value = thresholdsText(classification.thresholds ?? []);
    this.holdField.hidden = (options.years ?? 1) < 2;
    this.hold.value = classification.hold ?? 'play';
    this.element.disabled = !options.applies;
    this.unused.hidden = options.applies;
  }

  private renderPalettes(): void {
    // ColorBrewer's own scheme names: planners know them from GIS software.
    const names = this.centred ? DIVERGING_PALETTES : SEQUENTIAL_PALETTES;
    this.palette.replaceChildren(...names.map((name) => el('option', { value: name }, name)));
  }

  relabel(): void {
    this.legend.textContent = t('analysis.class');
    this.methodLabel.textContent = t('analysis.class.method');
    this.method.replaceChildren(...CLASS_METHODS.map((m) => el('option', { value: m }, t(`analysis.class.${m}` as MessageKey))));
    this.method.value = this.current.method;
    this.countLabel.textContent = t('analysis.class.count');
    this.paletteLabel.textContent = t('analysis.class.palette');
    this.thresholdsLabel.textContent = t('analysis.class.thresholds');
    this.holdLabel.textContent = t('atlas.carto.hold');
    this.hold.replaceChildren(...(['play', ...BREAKS_HOLD] as const).map((h) => el('option', { value: h }, t(`atlas.carto.hold.${h}`))));
    this.hold.value = this.current.hold ?? 'play';
    this.thresholdsHint.textContent = t('analysis.class.thresholdsHint');
    this.unused.textContent = t('analysis.class.unused');
    if (this.thresholdsError.textContent) this.thresholdsError.textContent = t('analysis.class.thresholdsInvalid');
  }
}
