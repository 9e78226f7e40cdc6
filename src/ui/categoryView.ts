import type { Category } from '../model/dataset';
import { getLang, t } from '../i18n/i18n';
import { el } from './dom';
import type { Formats } from './format';
import { SortableTable, type TableColumn } from './sortableTable';
import { regionColumn, regionRowAttributes, starsColumn, type RegionRows } from './regionColumns';
import { withUnit } from './units';
import { tableTexts } from './tableTexts';
import { factList, formatIndex } from './facts';
import { focusAt, lqAt, sizeAt } from '../indicators/cellValues';

/** Per-category indices as the worker computes them (src/indicators/concentration.ts, Moran's I of LQ). */
export interface CategoryIndices {
  hhi: ArrayLike<number>;
  gini: ArrayLike<number>;
  krugman: ArrayLike<number>;
  hoover: ArrayLike<number>;
  egGamma: ArrayLike<number>;
  moranI: ArrayLike<number>;
  moranZ?: ArrayLike<number>;
  moranP?: ArrayLike<number>;
}

export interface CategoryContext extends RegionRows {
  categories: Category[];
  year: number;
  indices?: CategoryIndices;
  formats: () => Formats;
  /** What the employment figures count (e.g. thousand persons). */
  unit?: string;
}

const PAGE_SIZE = 25;

/**
 * The ranking of regions in one category — sortable by each column, searchable by name, paged —
 * with the category's concentration indices and Moran's I. Sort, search and page survive a new
 * year or rule; choosing a region pins it (its profile opens and the map flies there).
 */
export class CategoryView {
  readonly element = el('section', { class: 'category-view', id: 'category-view', 'aria-labelledby': 'category-view-title' });
  private context: CategoryContext | undefined;
  private readonly table: SortableTable;

  constructor() {
    const ctx = () => this.context!;
    const at = (r: number) => r * ctx().computed.result.nCategories + ctx().category;
    const f = () => ctx().formats();
    const columns: TableColumn[] = [
      regionColumn(ctx),
      { key: 'employment', label: () => withUnit(t('table.employment'), this.context?.unit), numeric: true, sortKeys: [(r) => ctx().computed.employment[at(r)]], cell: (r) => f().count(ctx().computed.employment[at(r)]) },
      { key: 'lq', label: () => t('table.lq'), numeric: true, sortKeys: [(r) => lqAt(ctx().computed.result, at(r))], cell: (r) => f().lq(lqAt(ctx().computed.result, at(r))) },
      { key: 'focus', label: () => t('table.focus'), numeric: true, sortKeys: [(r) => focusAt(ctx().computed.result, at(r))], cell: (r) => f().share(focusAt(ctx().computed.result, at(r))) },
      { key: 'size', label: () => t('table.size'), numeric: true, sortKeys: [(r) => sizeAt(ctx().computed.result, at(r))], cell: (r) => f().share(sizeAt(ctx().computed.result, at(r))) },
      starsColumn(ctx),
    ];
    this.table = new SortableTable({
      id: 'category-ranking',
      columns,
      texts: tableTexts(() => t('catview.caption'), f),
      rowName: (r) => ctx().regions[r].name,
      pageSize: PAGE_SIZE,
      sort: { key: 'stars', direction: 'desc' },
      locale: getLang,
      rowAttributes: regionRowAttributes(ctx),
    });
  }

  show(context: CategoryContext): void {
    const changed = this.context?.category !== context.category;
    this.context = context;
    const f = context.formats();
    const category = context.categories[context.category];
    const heading = el('h2', { id: 'category-view-title', tabindex: '-1' }, category.name);
    const subtitle = el('p', { class: 'subtitle' }, t('catview.subtitle', { year: context.year }));
    this.table.setRows(context.regions.length);
    // The ranking opens at its top; the pinned region is one click away, not where the table opens.
    if (changed) this.table.firstPage();
    this.element.replaceChildren(heading, subtitle, this.indices(context, f), this.findSelected(context), this.table.element);
  }

  focus(): void {
    this.element.querySelector<HTMLElement>('#category-view-title')?.focus();
  }

  /** "Show Grant County, MN — row 226": pages to the pinned region's row. */
  private findSelected(context: CategoryContext): HTMLElement | string {
    const r = context.selectedRegion;
    const position = r === undefined ? undefined : this.table.positionOf(r);
    if (r === undefined || position === undefined) return '';
    const button = el('button', { type: 'button', class: 'link-button', 'data-action': 'reveal-selected' }, t('layout.ranking.reveal', { name: context.regions[r].name, row: position }));
    button.addEventListener('click', () => {
      this.table.reveal(r);
      this.element.querySelector<HTMLElement>('tr.current button.link')?.focus();
    });
    return button;
  }

  private indices(context: CategoryContext, f: Formats): HTMLElement {
    const c = context.category;
    const x = context.indices;
    const lang = getLang();
    const index = (values: ArrayLike<number> | undefined) => (values && Number.isFinite(values[c]) ? formatIndex(values[c], lang) : t('catview.unavailable'));
    const facts: [string, string, string][] = [
      ['hhi', t('catview.hhi'), index(x?.hhi)],
      ['gini', t('catview.gini'), index(x?.gini)],
      ['krugman', t('catview.krugman'), index(x?.krugman)],
      ['hoover', t('catview.hoover'), index(x?.hoover)],
      ['eg', t('catview.eg'), index(x?.egGamma)],
      ['moran', t('catview.moran'), index(x?.moranI)],
    ];
    if (x?.moranZ && x.moranP && Number.isFinite(x.moranZ[c])) {
      facts.push(['moran-test', t('catview.moranTest'), `z = ${f.lq(x.moranZ[c])}, p ${formatP(x.moranP[c], lang)}`]);
    }
    return el(
      'section',
      { class: 'category-indices', 'aria-labelledby': 'category-indices-title' },
      el('h3', { id: 'category-indices-title' }, t('catview.indices')),
      factList(facts),
    );
  }
}

/** "= 0.023" or "< 0.001", to follow "p". */
function formatP(p: number, locale: string): string {
  if (!Number.isFinite(p)) return '= —';
  if (p < 0.001) return `< ${new Intl.NumberFormat(locale).format(0.001)}`;
  return `= ${new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(p)}`;
}
