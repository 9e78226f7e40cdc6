import type { RuleKind, StarRule } from '../model/dataset';
import { DEFAULT_RULE } from '../model/dataset';
import { el } from './dom';
import { getLang, t, type MessageKey } from '../i18n/i18n';

const RULES: readonly RuleKind[] = ['eco', 'paper', 'cmp'];

/**
 * Which star rule, with its cut share (top share of regions that earns a ranking star) and the
 * LQ threshold of the specialisation star. Every movement of a control is a new rule at once; the
 * worker recomputes and stale answers are dropped (layerSource.ts), so dragging never freezes.
 */
export class RulePanel {
  readonly element: HTMLFieldSetElement;
  private readonly legend = el('legend');
  private readonly kindLabel = el('label', { for: 'rule-kind' });
  private readonly kind = el('select', { id: 'rule-kind', 'aria-describedby': 'rule-hint' });
  private readonly hint = el('p', { id: 'rule-hint', class: 'hint' });
  private readonly cutLabel = el('label', { for: 'rule-cut' });
  private readonly cut = el('input', { id: 'rule-cut', type: 'range', min: '1', max: '50', step: '1' });
  private readonly cutValue = el('output', { for: 'rule-cut' });
  private readonly lqLabel = el('label', { for: 'rule-lq' });
  private readonly lq = el('input', { id: 'rule-lq', type: 'range', min: '1', max: '5', step: '0.1' });
  private readonly lqValue = el('output', { for: 'rule-lq' });
  private readonly minEmploymentLabel = el('label', { for: 'rule-min-employment' });
  private readonly minEmployment = el('input', { id: 'rule-min-employment', type: 'number', min: '0', step: 'any', inputmode: 'decimal', 'aria-describedby': 'rule-min-hint' });
  private readonly minEstablishmentsLabel = el('label', { for: 'rule-min-establishments' });
  private readonly minEstablishments = el('input', { id: 'rule-min-establishments', type: 'number', min: '0', step: '1', inputmode: 'numeric', 'aria-describedby': 'rule-min-hint' });
  private readonly minHint = el('p', { id: 'rule-min-hint', class: 'hint' });
  private readonly benchmarkLabel = el('label', { for: 'rule-benchmark' });
  private readonly benchmark = el('select', { id: 'rule-benchmark' });
  private benchmarkChoices: { countries: string[]; row: boolean } = { countries: [], row: false };
  private readonly reset = el('button', { type: 'button', id: 'rule-reset', class: 'link-button' });
  /** Why a slider is disabled under the chosen rule (empty while it applies). */
  private readonly cutWhy = el('p', { id: 'rule-cut-why', class: 'hint', 'data-reason': 'cut' });
  private readonly lqWhy = el('p', { id: 'rule-lq-why', class: 'hint', 'data-reason': 'lq' });
  private rule: StarRule = DEFAULT_RULE;

  constructor(private readonly onRule: (rule: StarRule) => void) {
    this.element = el(
      'fieldset',
      { class: 'rule-panel', id: 'rule-panel' },
      this.legend,
      el('div', { class: 'field' }, this.kindLabel, this.kind, this.hint),
      el('div', { class: 'field' }, this.cutLabel, el('div', { class: 'range-row' }, this.cut, this.cutValue), this.cutWhy),
      el('div', { class: 'field' }, this.lqLabel, el('div', { class: 'range-row' }, this.lq, this.lqValue), this.lqWhy),
      el('div', { class: 'field' }, this.minEmploymentLabel, this.minEmployment),
      el('div', { class: 'field' }, this.minEstablishmentsLabel, this.minEstablishments, this.minHint),
      el('div', { class: 'field' }, this.benchmarkLabel, this.benchmark),
      this.reset,
    );
    this.kind.addEventListener('change', () => this.emit({ kind: this.kind.value as RuleKind }));
    this.cut.addEventListener('input', () => this.emit({ cutShare: Number(this.cut.value) / 100 }));
    this.lq.addEventListener('input', () => this.emit({ lqThreshold: Number(this.lq.value) }));
    const minimum = (input: HTMLInputElement) => {
      const x = Number(input.value);
      return input.value.trim() !== '' && Number.isFinite(x) && x > 0 ? x : undefined;
    };
    this.minEmployment.addEventListener('change', () => this.emit({ minEmployment: minimum(this.minEmployment) }));
    this.minEstablishments.addEventListener('change', () => this.emit({ minEstablishments: minimum(this.minEstablishments) }));
    this.benchmark.addEventListener('change', () => this.emit({ benchmark: this.benchmark.value || undefined }));
    this.reset.addEventListener('click', () => this.emit({ cutShare: DEFAULT_RULE.cutShare, lqThreshold: DEFAULT_RULE.lqThreshold }));
    this.relabel();
  }

  private emit(change: Partial<StarRule>): void {
    const rule: StarRule = { ...this.rule, ...change };
    // An absent minimum, not 0, so that links and caches keep their form without one.
    if (!rule.minEmployment) delete rule.minEmployment;
    if (!rule.minEstablishments) delete rule.minEstablishments;
    if (!rule.benchmark) delete rule.benchmark;
    this.rule = rule;
    this.showValues();
    this.onRule(this.rule);
  }

  show(rule: StarRule): void {
    this.rule = rule;
    this.kind.value = rule.kind;
    this.cut.value = String(Math.round(rule.cutShare * 100));
    this.lq.value = String(rule.lqThreshold);
    this.minEmployment.value = rule.minEmployment ? String(rule.minEmployment) : '';
    this.minEstablishments.value = rule.minEstablishments ? String(rule.minEstablishments) : '';
    this.benchmark.value = rule.benchmark ?? '';
    this.showValues();
  }

  private showValues(): void {
    const { rule } = this;
    const lang = getLang();
    this.cutValue.textContent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(rule.cutShare);
    this.lqValue.textContent = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(rule.lqThreshold);
    this.cut.setAttribute('aria-valuetext', this.cutValue.textContent);
    this.lq.setAttribute('aria-valuetext', this.lqValue.textContent);
    // Under `paper` the specialisation star is ranked like the others: no LQ threshold applies. Under
    // `cmp` a strong cluster is judged by the category's own quartiles and LQ ≥ 1: neither slider applies.
    this.lq.disabled = rule.kind === 'paper' || rule.kind === 'cmp';
    this.cut.disabled = rule.kind === 'cmp';
    this.reset.disabled = rule.kind === 'cmp';
    const why = (slider: HTMLInputElement, note: HTMLElement, key: MessageKey) => {
      note.textContent = slider.disabled ? t(key) : '';
      note.hidden = !slider.disabled;
      if (slider.disabled) slider.setAttribute('aria-describedby', note.id);
      else slider.removeAttribute('aria-describedby');
    };
    why(this.cut, this.cutWhy, 'layout.rule.cutUnused');
    why(this.lq, this.lqWhy, rule.kind === 'cmp' ? 'layout.rule.lqUnusedCmp' : 'layout.rule.lqUnusedPaper');
    this.hint.textContent = t(`analysis.rule.${rule.kind}.hint` as MessageKey);
  }

  relabel(): void {
    this.legend.textContent = t('analysis.rule');
    this.kindLabel.textContent = t('analysis.rule.kind');
    this.kind.replaceChildren(...RULES.map((r) => el('option', { value: r }, t(`analysis.rule.${r}` as MessageKey))));
    this.kind.value = this.rule.kind;
    this.cutLabel.textContent = t('analysis.rule.cutShare');
    this.lqLabel.textContent = t('analysis.rule.lqThreshold');
    this.minEmploymentLabel.textContent = t('data.rule.minEmployment');
    this.minEstablishmentsLabel.textContent = t('data.rule.minEstablishments');
    this.minHint.textContent = t('data.rule.minHint');
    this.minEmployment.placeholder = t('data.rule.minNone');
    this.minEstablishments.placeholder = t('data.rule.minNone');
    this.benchmarkLabel.textContent = t('data.rule.benchmark');
    this.renderBenchmarks();
    this.reset.textContent = t('analysis.rule.reset');
    this.showValues();
  }

  /** The benchmarks this dataset offers: the sum of its regions, its stated total row, its countries. */
  setBenchmarkChoices(countries: string[], row: boolean): void {
    this.benchmarkChoices = { countries, row };
    this.renderBenchmarks();
  }

  private renderBenchmarks(): void {
    const { countries, row } = this.benchmarkChoices;
    this.benchmark.replaceChildren(
      el('option', { value: '' }, t(row ? 'data.rule.benchmarkDefaultRow' : 'data.rule.benchmarkDefault')),
      ...(row ? [el('option', { value: 'regions' }, t('data.rule.benchmarkRegions'))] : []),
      ...countries.map((c) => el('option', { value: c }, t('data.rule.benchmarkCountry', { country: c }))),
    );
    this.benchmark.value = this.rule.benchmark ?? '';
    this.benchmark.disabled = countries.length === 0 && !row;
  }
}
