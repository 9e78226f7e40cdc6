import { getLang, t } from '../i18n/i18n';
import { el } from './dom';
import type { Formats } from './format';
import { SortableTable, type TableColumn } from './sortableTable';
import { regionColumn, regionRowAttributes, starsColumn, type RegionRows } from './regionColumns';
import { tableTexts } from './tableTexts';

/** What the map shows, region by region: the same values and classes the map is coloured by. */
export interface MapLayerValues {
  title: string;
  /** Per region in dataset order; NaN is "no data". */
  values: Float64Array;
  classes: { labels: string[]; classOf(value: number): number };
  format: (value: number) => string;
}

export interface DataTableContext extends RegionRows {
  layer: MapLayerValues;
  formats: () => Formats;
}

const PAGE_SIZE = 50;

/**
 * The map as a table: every region with the mapped value, its legend class in words and the
 * category's stars in words — so nothing the map says is said by colour alone.
 */
export class DataTableView {
  readonly element = el('section', { class: 'data-table', id: 'data-table', 'aria-labelledby': 'data-table-title' });
  private context: DataTableContext | undefined;
  private readonly table: SortableTable;

  constructor() {
    const ctx = () => this.context!;
    const value = (r: number) => ctx().layer.values[r];
    const columns: TableColumn[] = [
      regionColumn(ctx),
      { key: 'value', label: () => t('table.value'), numeric: true, sortKeys: [value], cell: (r) => (Number.isNaN(value(r)) ? t('legend.noData') : ctx().layer.format(value(r))) },
      {
        key: 'class',
        label: () => t('table.mapClass'),
        sortKeys: [value],
        cell: (r) => (Number.isNaN(value(r)) ? t('legend.noData') : ctx().layer.classes.labels[ctx().layer.classes.classOf(value(r))] ?? ''),
      },
      starsColumn(ctx),
    ];
    this.table = new SortableTable({
      id: 'data-grid',
      columns,
      texts: tableTexts(() => ctx().layer.title, () => ctx().formats()),
      rowName: (r) => ctx().regions[r].name,
      pageSize: PAGE_SIZE,
      sort: { key: 'value', direction: 'desc' },
      locale: getLang,
      rowAttributes: regionRowAttributes(ctx),
    });
  }

  show(context: DataTableContext): void {
    this.context = context;
    this.table.setRows(context.regions.length);
    this.element.replaceChildren(el('h2', { id: 'data-table-title', tabindex: '-1' }, t('table.subtitle')), this.table.element);
  }

  focus(): void {
    this.element.querySelector<HTMLElement>('#data-table-title')?.focus();
  }
}
