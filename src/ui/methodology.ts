import type { LoadedDataset } from '../engine/types';
import type { CategoryStats } from '../engine/analysisTypes';
import { el } from './dom';
import { t, type MessageKey } from '../i18n/i18n';

/** Every measure and rule the app computes, in reading order; each has a title, formula, text and source. */
export const METHOD_SECTIONS = [
  'lq',
  'shares',
  'eco',
  'paper',
  'cmp',
  'hhi',
  'gini',
  'krugman',
  'eg',
  'weights',
  'moran',
  'lisa',
  'gi',
  'change',
  'lifecycle',
  'classification',
  'lqclasses',
] as const;
export type MethodSection = (typeof METHOD_SECTIONS)[number];

const key = (section: MethodSection, part: 'title' | 'formula' | 'text' | 'source') => `method.${section}.${part}` as MessageKey;

/**
 * The methodology panel: a native modal dialog (Escape closes it, focus returns to the button)
 * explaining each measure with its formula (plain Unicode text, never markup) and source, plus the
 * selected category's concentration indices and Moran's I and this dataset's spatial weights.
 */
export class Methodology {
  readonly button: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly body = el('div', { class: 'methodology-body' });
  private readonly close = el('button', { type: 'button', class: 'dialog-close', id: 'methodology-close' }, '×');
  private readonly heading = el('h2', { id: 'methodology-heading' });
  private dataset: LoadedDataset | undefined;
  private current: { categoryName: string; year: number; stats?: CategoryStats; c: number } | undefined;

  constructor() {
    this.button = el('button', { type: 'button', id: 'methodology-open', class: 'secondary-button', 'aria-haspopup': 'dialog' });
    this.dialog = el(
      'dialog',
      { id: 'methodology', class: 'methodology', 'aria-labelledby': 'methodology-heading' },
      el('div', { class: 'methodology-head' }, this.heading, this.close),
      this.body,
    );
    document.body.append(this.dialog);
    this.button.addEventListener('click', () => {
      this.render();
      this.dialog.showModal();
    });
    this.close.addEventListener('click', () => this.dialog.close());
    this.relabel();
  }

  setDataset(dataset: LoadedDataset): void {
    this.dataset = dataset;
  }

  /** The selected category's indices (from the latest compute), shown at the top when open. */
  showCategory(categoryName: string, year: number, c: number, stats: CategoryStats | undefined): void {
    this.current = { categoryName, year, c, stats };
    if (this.dialog.open) this.render();
  }

  relabel(): void {
    this.button.textContent = t('method.open');
    this.heading.textContent = t('method.heading');
    this.close.setAttribute('aria-label', t('method.close'));
    if (this.dialog.open) this.render();
  }

  private render(): void {
    const sections = METHOD_SECTIONS.map((section) =>
      el(
        'section',
        { class: 'method', id: `method-${section}`, 'aria-labelledby': `method-${section}-title` },
        el('h3', { id: `method-${section}-title` }, t(key(section, 'title'))),
        el('p', { class: 'formula' }, t(key(section, 'formula'))),
        el('p', {}, t(key(section, 'text'))),
        section === 'weights' ? this.weightsParagraph() : null,
        el('p', { class: 'method-source' }, `${t('method.sourceLabel')}: ${t(key(section, 'source'))}`),
      ),
    );
    this.body.replaceChildren(el('p', { class: 'method-intro' }, t('method.intro')), this.currentValues() ?? '', ...sections);
  }

  private currentValues(): HTMLElement | undefined {
    const current = this.current;
    if (!current?.stats) return undefined;
    const { stats, c } = current;
    const number = new Intl.NumberFormat(document.documentElement.lang || 'en', { maximumFractionDigits: 3 });
    const f = (v: number) => (Number.isFinite(v) ? number.format(v) : '—');
    const rows: [string, string][] = [
      [t('method.hhi.title'), f(stats.hhi[c])],
      [t('method.gini.title'), f(stats.gini[c])],
      [t('method.value.krugman'), f(stats.krugman[c])],
      [t('method.value.hoover'), f(stats.hoover[c])],
      [t('method.eg.title'), f(stats.egGamma[c])],
      [t('method.value.moran'), Number.isFinite(stats.moranI[c]) ? `${f(stats.moranI[c])} (z = ${f(stats.moranZ[c])}, p ${stats.moranP[c] < 0.001 ? '< 0.001' : `= ${f(stats.moranP[c])}`})` : '—'],
    ];
    return el(
      'section',
      { class: 'method-current', id: 'method-current' },
      el('h3', {}, `${current.categoryName}, ${current.year}`),
      el('dl', {}, ...rows.flatMap(([label, value]) => [el('dt', {}, label), el('dd', {}, value)])),
    );
  }

  private weightsParagraph(): HTMLElement | null {
    const dataset = this.dataset;
    if (!dataset) return null;
    if (!dataset.weights) return el('p', { class: 'method-dataset' }, `${t('method.weights.none')} ${dataset.weightsError ?? ''}`);
    const { regions, links, islands } = dataset.weights;
    const names = new Map(dataset.regions.map((r) => [r.id, r.name]));
    const listed = islands.slice(0, 12).map((id) => names.get(id) ?? id);
    const more = islands.length > listed.length ? ` … (+${islands.length - listed.length})` : '';
    return el(
      'p',
      { class: 'method-dataset', id: 'method-weights-dataset' },
      `${t('method.weights.dataset', { n: regions })} ${t('method.weights.links', { n: links })}`,
      islands.length ? ` ${t('analysis.note.islands', { n: islands.length })}: ${listed.join(', ')}${more}.` : ` ${t('method.weights.noIslands')}`,
    );
  }
}
